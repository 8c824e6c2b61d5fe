-- A milestone's page shows its definition's versions, newest first, from its MilestoneDefined and MilestoneRedefined
-- events (their subject is the milestone itself). Through this index that read touches only those events, instead of
-- every audit row about the milestone merged with every milestone's definition events, so it stays flat as the trail
-- and the number of milestones grow.
create index audit_event_definition_idx on audit_event (subject_id, seq desc)
    where type in ('MilestoneDefined', 'MilestoneRedefined') and subject_type = 'milestone';

-- The milestone page names who may decide each sprint scope waiting on the milestone's sprints: through this index
-- that read starts from the milestone's few sprints instead of scanning every waiting scope.
create index sprint_scope_waiting_idx on sprint_scope (sprint_id) where status in ('pending', 'stale', 'proposed');
