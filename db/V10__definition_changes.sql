-- Governed definitions (issue: governance integrity). A change that loosens a milestone already past Planned waits
-- here until a product owner or the milestone's governor other than its author approves it. The definition in force
-- stays in milestone.definition; every version it ever had is in the audit trail (MilestoneDefined/Redefined).
create table definition_change (
    id              bigserial primary key,
    milestone_id    text        not null references milestone (id) on delete cascade,
    status          text        not null default 'pending',
    base_definition text        not null,   -- the definition in force when the change was proposed
    definition      text        not null,   -- the proposed definition, in the stored (canonical) form
    weakenings      text[]      not null,   -- what it loosens, one sentence each
    author          text        not null,
    author_roles    text[]      not null,
    proposed_at     timestamptz not null,
    decided_by      text,
    decided_roles   text[],
    decided_at      timestamptz,
    decision_reason text,
    constraint definition_change_status_ck check (status in ('pending', 'approved', 'rejected', 'superseded'))
);
-- One pending change per milestone: a newer proposal supersedes the older one.
create unique index definition_change_pending_idx on definition_change (milestone_id) where status = 'pending';
create index definition_change_milestone_idx on definition_change (milestone_id, id desc);
