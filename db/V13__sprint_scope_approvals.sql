-- Planning governance (issue "Planning governance"): a sprint's scope (its definition as imported: features, goal, test
-- plan) is approved by a person other than its author before the sprint starts, when the sprint asks for it
-- (governance.approvalRequired) or a milestone it is linked to plans assisted or manual-only.
create table sprint_scope (
    id                bigserial primary key,
    sprint_id         text        not null references sprint (id) on delete cascade,
    scope_hash        text        not null,   -- sha-256 of the definition, hex
    definition        text        not null,   -- the sprint's definition as imported (canonical YAML)
    approval_required boolean     not null,   -- its governance.approvalRequired
    status            text        not null default 'pending',
    author            text,                   -- who imported it (null: imported before Studio recorded it)
    author_roles      text[]      not null default '{}',
    imported_at       timestamptz not null,
    stale_of          bigint      references sprint_scope (id), -- the decided scope a changed re-import replaced
    decided_by        text,
    decided_roles     text[],
    decided_at        timestamptz,
    decision_reason   text,
    constraint sprint_scope_status_ck check (status in ('pending', 'stale', 'approved', 'rejected', 'superseded'))
);
-- One current scope per sprint; a decision updates it only while it is pending or stale, so it is taken once.
create unique index sprint_scope_current_idx on sprint_scope (sprint_id) where status <> 'superseded';
create index sprint_scope_status_idx on sprint_scope (status, imported_at) where status in ('pending', 'stale');

-- Comments on a sprint's plan: discussion and the reasons around a decision. Append-only.
create table sprint_scope_comment (
    id           bigserial primary key,
    sprint_id    text        not null references sprint (id) on delete cascade,
    scope_id     bigint      references sprint_scope (id),
    author       text        not null,
    author_roles text[]      not null,
    body         text        not null,
    created_at   timestamptz not null
);
create index sprint_scope_comment_sprint_idx on sprint_scope_comment (sprint_id, id);

-- A SprintStarted that came before the sprint's scope was approved: recorded (CI reports a fact) and flagged for good.
create table sprint_scope_flag (
    id           bigserial primary key,
    sprint_id    text        not null references sprint (id) on delete cascade,
    scope_id     bigint      references sprint_scope (id),
    scope_status text        not null,    -- pending, stale, rejected, approved (approved after the start) or none
    started_at   timestamptz not null,
    evidence_id  bigint      not null unique,
    flagged_at   timestamptz not null
);
create index sprint_scope_flag_sprint_idx on sprint_scope_flag (sprint_id, started_at);

-- Sprints defined before this migration: their current definition is a scope waiting for a decision, author unknown.
insert into sprint_scope (sprint_id, scope_hash, definition, approval_required, author, imported_at)
select id, encode(sha256(convert_to(definition, 'UTF8')), 'hex'), definition,
       position('approvalRequired: true' in definition) > 0, null, updated_at
from sprint where definition is not null;
