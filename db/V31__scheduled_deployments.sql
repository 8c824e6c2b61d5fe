-- A deployment approved ahead of time and scheduled for a moment inside an allowed window: it waits, approved, until
-- then; the release timer hands it to CI when the moment comes if every approval still holds and no freeze holds.
alter table release add column scheduled_for timestamptz;
alter table release add column scheduled_by text;
create index release_scheduled_idx on release (scheduled_for) where scheduled_for is not null and state = 'paused_for_approval';
