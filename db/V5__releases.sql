-- Releases (issue 5): a reached milestone promoted to an environment under a version tag, its approvals, and the
-- signed manifest once CI reported completion. The release's timeline is the audit chain (subject 'release').

create table release (
    id                        bigserial   primary key,
    version_tag               text        not null,
    milestone_id              text        not null references milestone (id),
    environment               text        not null,
    state                     text        not null,
    trigger                   text        not null,
    requested_by              text        not null,
    requested_roles           text[]      not null default '{}',
    trace_id                  text,
    targets                   jsonb       not null,   -- promotion targets as requested ["deploy-to-staging", "tag-git: mvp-v1"]
    -- What approvers approve: the milestone's gates, features, coverage, sprints and overrides when the release was
    -- requested (refreshed while it waits for approvals), and its SHA-256 content hash (ReleaseManifest).
    facts                     jsonb       not null,
    content_hash              text        not null,
    -- The approval policy bound when the release was requested: a configuration change does not move the goalposts.
    policy                    jsonb       not null,
    approval_timeout_seconds  bigint,                 -- the policy's approvalTimeout, for the timer; null: none
    commit_sha                text,
    docker_images             jsonb       not null default '[]',
    manifest                  jsonb,                  -- the signed DSSE envelope, written when the release completes
    last_reason               text,                   -- why the release is in its state (failure, rejection, rollback)
    created_at                timestamptz not null,
    state_since               timestamptz not null,
    triggered_at              timestamptz,            -- when the trigger was handed to CI
    released_at               timestamptz,            -- when CI reported completion
    version                   bigint      not null default 0,
    constraint release_version_tag_uq unique (version_tag),
    constraint release_environment_ck check (environment in ('staging', 'qa', 'production')),
    constraint release_trigger_ck check (trigger in ('manual', 'auto', 'ci')),
    constraint release_state_ck check (state in ('pending', 'paused_for_approval', 'tagging', 'deploying', 'documenting',
                                                 'completed', 'failed', 'rolled_back', 'aborted', 'rejected'))
);
-- Dashboard and history list newest first with a keyset cursor on (created_at, id).
create index release_listing_idx on release (created_at desc, id desc);
create index release_milestone_idx on release (milestone_id, created_at desc, id desc);
-- The approval timer and the approvals inbox look only at paused releases.
create index release_paused_idx on release (state_since) where state = 'paused_for_approval';

create table release_approval (
    id            bigserial   primary key,
    release_id    bigint      not null references release (id),
    approver      text        not null,
    role          text        not null,
    decision      text        not null,
    reason        text        not null,
    content_hash  text        not null,
    decided_at    timestamptz not null,
    expires_at    timestamptz,
    -- One decision per person on one content: nobody approves the same content twice.
    constraint release_approval_once_uq unique (release_id, approver, content_hash),
    constraint release_approval_decision_ck check (decision in ('approved', 'rejected'))
);
