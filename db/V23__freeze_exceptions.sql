-- Governed exceptions to a freeze (issue "Environments and the promotion pipeline", item 4): a person asks, with a
-- justification, to release one milestone to an environment while one window holds; two other people of the roles
-- the environment names approve it (never the requester); it expires. While granted and not expired, releases of that
-- milestone pass that window's check; every other check (approvals, gates) still applies.
create table freeze_exception (
    id              bigserial primary key,
    environment     text        not null,
    window_id       bigint      not null references freeze_window (id),
    milestone_id    text        not null references milestone (id) on delete cascade,
    justification   text        not null,
    requested_by    text        not null,
    requested_roles text[]      not null,
    requested_at    timestamptz not null,
    expires_at      timestamptz not null,
    status          text        not null default 'requested' check (status in ('requested', 'granted', 'rejected')),
    decided_at      timestamptz
);
create index freeze_exception_lookup_idx on freeze_exception (environment, milestone_id, window_id) where status = 'granted';

create table freeze_exception_approval (
    exception_id bigint      not null references freeze_exception (id) on delete cascade,
    approver     text        not null,
    role         text        not null,
    decision     text        not null check (decision in ('approved', 'rejected')),
    reason       text        not null,
    decided_at   timestamptz not null,
    primary key (exception_id, approver)
);
