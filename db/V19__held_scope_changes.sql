-- Re-planning with a diff (planning governance): when a sprint's scope needs approval and an approved scope is in force,
-- a re-import that changes it is held instead of applied. It is stored as a 'proposed' scope (stale_of: the approved
-- scope it would replace) while the sprint keeps its approved definition, features and links; the sprint page shows
-- what would change. A person other than its importer approves it (then it is applied, and the scope it replaces is
-- superseded) or rejects it ('declined': the approved scope stays in force). A later changed re-import replaces a
-- proposal still waiting ('superseded'); re-importing the definition in force withdraws it.
alter table sprint_scope drop constraint sprint_scope_status_ck;
alter table sprint_scope add constraint sprint_scope_status_ck
    check (status in ('pending', 'stale', 'approved', 'rejected', 'superseded', 'proposed', 'declined'));

-- The scope in force: one per sprint, never a held change.
drop index sprint_scope_current_idx;
create unique index sprint_scope_current_idx on sprint_scope (sprint_id) where status not in ('superseded', 'proposed', 'declined');
-- At most one held change waiting per sprint.
create unique index sprint_scope_proposed_idx on sprint_scope (sprint_id) where status = 'proposed';

drop index sprint_scope_status_idx;
create index sprint_scope_status_idx on sprint_scope (status, imported_at) where status in ('pending', 'stale', 'proposed');
