-- Environments as definitions (issue "Environments and the promotion pipeline", item 1): an environments: document in
-- POST /api/definitions sets an environment's approval policy (release-policy.yaml's keys, over the installation's
-- studio.release.policy) and whether a version must complete there before going further. What tightens applies at
-- once; what loosens waits in environment_change until a second person (platform-admin or compliance-officer, never
-- its author) approves it. Every version of a definition is in the audit trail (EnvironmentDefined).
create table environment_definition (
    name        text        primary key check (name in ('staging', 'qa', 'production')),
    policy      jsonb       not null,   -- the settings written, key by key (approvals, distinctApprovers, approvalTtl, ...)
    required    boolean     not null default true,
    defined_by  text        not null,
    defined_at  timestamptz not null
);

create table environment_change (
    id              bigserial   primary key,
    name            text        not null check (name in ('staging', 'qa', 'production')),
    status          text        not null default 'pending' check (status in ('pending', 'approved', 'rejected', 'superseded')),
    policy          jsonb       not null,
    required        boolean     not null,
    weakenings      text[]      not null,
    author          text        not null,
    author_roles    text[]      not null,
    proposed_at     timestamptz not null,
    decided_by      text,
    decided_roles   text[],
    decided_at      timestamptz,
    decision_reason text
);
-- One pending change per environment: a newer proposal supersedes the older one.
create unique index environment_change_pending_idx on environment_change (name) where status = 'pending';
