-- Four eyes on every bypass, quorums by role (issue: governance integrity).

-- An override may need several approvals (overrideApprovals, and one person per manual gate it covers): each
-- approval is a row; the request becomes 'approved' when the quorum is met. One row per person and request.
create table override_approval (
    override_id    bigint      not null references override_request (id) on delete cascade,
    approver       text        not null,
    approver_roles text[]      not null,
    reason         text        not null,
    approved_at    timestamptz not null,
    primary key (override_id, approver)
);
-- Overrides approved before quorums existed had exactly one approver: the one who decided them.
insert into override_approval (override_id, approver, approver_roles, reason, approved_at)
select id, decided_by, coalesce(decided_roles, '{}'), coalesce(decision_reason, ''), decided_at
from override_request where status in ('approved', 'revoked') and decided_by is not null and decided_at is not null;

-- Force close and termination are requests that a second governor (the milestone's bypassApprovals) approves.
create table bypass_request (
    id              bigserial primary key,
    milestone_id    text        not null references milestone (id) on delete cascade,
    kind            text        not null,
    reason          text        not null,
    status          text        not null default 'requested',
    requested_by    text        not null,
    requested_roles text[]      not null,
    requested_at    timestamptz not null,
    decided_by      text,
    decided_at      timestamptz,
    decision_reason text,
    version         bigint      not null default 0,
    constraint bypass_kind_ck check (kind in ('force-close', 'terminate')),
    constraint bypass_status_ck check (status in ('requested', 'approved', 'rejected', 'lapsed'))
);
-- At most one request of each kind waits per milestone.
create unique index bypass_request_open_idx on bypass_request (milestone_id, kind) where status = 'requested';
create index bypass_request_status_idx on bypass_request (status, requested_at);

create table bypass_approval (
    bypass_id      bigint      not null references bypass_request (id) on delete cascade,
    approver       text        not null,
    approver_roles text[]      not null,
    reason         text        not null,
    approved_at    timestamptz not null,
    primary key (bypass_id, approver)
);

-- Who took the milestone into Escalated (a person, or 'studio' for the gate timer): never the one to approve its bypass.
alter table milestone add column escalated_by text;

-- A numeric signal gate (resilienceScoreAbove: 85) is decided by a GateSignal carrying only a value.
alter table gate_signal alter column status drop not null;
