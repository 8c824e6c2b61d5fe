-- Release analytics (issue 13): the newest released versions (features per version, coverage, lead times) are read
-- newest first by released_at, and each release's lead time looks up the last MilestoneReached of its milestone
-- before it was released. Both were scans; these keep them bounded by what the page shows.
create index release_released_idx on release (released_at desc, id desc) where released_at is not null;
create index audit_event_milestone_reached_idx on audit_event (subject_id, occurred_at)
    where type = 'MilestoneReached' and subject_type = 'milestone';
