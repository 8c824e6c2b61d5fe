-- Studio's core schema: definitions, evidence (append-only), evaluations, overrides, decisions, audit chain.
-- Flyway owns the schema; Hibernate only validates it.

-- A monotonic cursor shared by everything the board and pages poll for ("what changed since X").
create sequence change_seq;

-- ---------------------------------------------------------------- definitions

create table milestone (
    id               text primary key,
    name             text,
    description      text,
    definition       text        not null,              -- the definition as imported (canonical YAML of this milestone)
    phase            text,
    owner            text,
    governed_by      text        not null,
    labels           text[]      not null default '{}',
    target_date      date,
    version_tag      text,
    gate_timeout_seconds integer not null default 300,      -- effective gateTimeoutSeconds (0: none), for the timer
    state            text        not null,
    state_since      timestamptz not null,
    trace_id         text,
    -- the latest evaluation, denormalized for the board and the gate matrix (one row per milestone, no joins)
    outcome          text,
    coverage_avg     numeric(6, 3),
    gates_total      integer     not null default 0,
    gates_satisfied  integer     not null default 0,
    gate_summary     text,                              -- JSON array [{condition,status,threshold,actual}]
    evaluated_at     timestamptz,
    change_seq       bigint      not null default nextval('change_seq'),
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    version          bigint      not null default 0,
    constraint milestone_state_ck check (state in ('planned', 'pending', 'verifying', 'blocked', 'escalated', 'reached', 'closed', 'terminated'))
);
create index milestone_change_idx on milestone (change_seq);
create index milestone_state_idx on milestone (state, id);
create index milestone_timer_idx on milestone (state_since) where state in ('verifying', 'blocked', 'escalated');

create table milestone_feature (
    milestone_id text    not null references milestone (id) on delete cascade,
    feature_id   text    not null,
    position     integer not null,
    primary key (milestone_id, feature_id)
);
create index milestone_feature_feature_idx on milestone_feature (feature_id);

create table feature (
    id               text primary key,
    title            text,
    priority         text,
    defined          boolean     not null,               -- false: known only as a milestone's required feature
    definition       text,                               -- canonical YAML of the features entry, when defined
    required_by      text[]      not null default '{}',
    depends_on       text[]      not null default '{}',
    planned_status   text,                               -- status as written in features.yaml
    deferral_reason  text,
    deferred_at      timestamptz,
    deferred_by      text,
    change_seq       bigint      not null default nextval('change_seq'),
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    version          bigint      not null default 0
);

create table sprint (
    id           text primary key,
    name         text,
    goal         text,
    definition   text,                                   -- canonical YAML of the sprints entry, when defined
    state        text        not null,
    state_since  timestamptz,
    started_at   timestamptz,
    closed_at    timestamptz,
    trace_id     text,
    labels       text[]      not null default '{}',
    change_seq   bigint      not null default nextval('change_seq'),
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    version      bigint      not null default 0,
    constraint sprint_state_ck check (state in ('planned', 'active', 'verifying', 'closed', 'blocked'))
);

-- Which milestones a sprint is linked to and which features it delivers, and where we learned it.
create table sprint_milestone (
    sprint_id    text not null references sprint (id) on delete cascade,
    milestone_id text not null,
    source       text not null,                           -- definition | event | trace-matrix
    primary key (sprint_id, milestone_id)
);
create index sprint_milestone_milestone_idx on sprint_milestone (milestone_id);

create table sprint_feature (
    sprint_id  text not null references sprint (id) on delete cascade,
    feature_id text not null,
    source     text not null,
    primary key (sprint_id, feature_id)
);
create index sprint_feature_feature_idx on sprint_feature (feature_id);

-- ---------------------------------------------------------------- evidence (append-only)

create table evidence (
    id               bigserial primary key,
    kind             text        not null,                -- event | trace-matrix | qa-report | execution
    event_type       text,
    sprint_id        text,
    milestone_id     text,
    feature_id       text,
    occurred_at      timestamptz not null,                -- the evidence's own timestamp, else its arrival
    received_at      timestamptz not null,
    trace_id         text,
    idempotency_key  text,
    actor            text        not null,
    content_type     text        not null,
    body             text        not null                 -- exactly what was received
);
create index evidence_sprint_idx on evidence (sprint_id, occurred_at);
create index evidence_milestone_idx on evidence (milestone_id, occurred_at);

-- Facts derived from evidence at intake, keyed by the evidence row they came from.
create table sprint_event (
    evidence_id  bigint      not null references evidence (id),
    sprint_id    text        not null,
    event_type   text        not null,
    occurred_at  timestamptz not null,
    reason       text,
    primary key (evidence_id)
);
create index sprint_event_sprint_idx on sprint_event (sprint_id, occurred_at, evidence_id);

create table coverage_fact (
    evidence_id  bigint        not null references evidence (id),
    feature_id   text          not null,
    sprint_id    text          not null,
    source       text          not null,                  -- qa | trace
    percent      numeric(6, 3) not null,
    tests        integer       not null,
    occurred_at  timestamptz   not null,
    primary key (evidence_id, feature_id)
);
create index coverage_fact_feature_idx on coverage_fact (feature_id, source, occurred_at desc, evidence_id desc);

create table trace_fact (
    evidence_id  bigint      not null references evidence (id),
    sprint_id    text        not null,
    feature_id   text        not null,
    tests        integer     not null,
    artifacts    integer     not null,
    occurred_at  timestamptz not null,
    primary key (evidence_id, feature_id)
);
create index trace_fact_feature_idx on trace_fact (feature_id, sprint_id, occurred_at desc, evidence_id desc);
create index trace_fact_sprint_idx on trace_fact (sprint_id);

create table test_result_fact (
    evidence_id  bigint      not null references evidence (id),
    sprint_id    text        not null,
    passed       integer     not null,
    failed       integer     not null,
    occurred_at  timestamptz not null,
    primary key (evidence_id)
);
create index test_result_fact_sprint_idx on test_result_fact (sprint_id, occurred_at desc, evidence_id desc);

create table gate_signal (
    evidence_id  bigint      not null references evidence (id),
    milestone_id text        not null,
    gate         text        not null,
    status       text        not null,
    value        double precision,
    detail       text,
    occurred_at  timestamptz not null,
    primary key (evidence_id)
);
create index gate_signal_idx on gate_signal (milestone_id, gate, occurred_at desc, evidence_id desc);

-- Retries of the same input answer as the first time and store nothing new.
create table idempotency_key (
    scope         text        not null,
    key           text        not null,
    request_hash  text        not null,
    status        integer     not null,
    response      text        not null,
    created_at    timestamptz not null,
    primary key (scope, key)
);

-- ---------------------------------------------------------------- evaluations (snapshots for "as of")

create table evaluation (
    id            bigserial primary key,
    milestone_id  text        not null references milestone (id) on delete cascade,
    evaluated_at  timestamptz not null,
    state         text        not null,
    outcome       text        not null,
    report        text        not null,                   -- the gate report as JSON
    inputs        text        not null,                   -- the facts it was computed from, as JSON
    rule_version  text        not null,
    trigger       text        not null,
    actor         text        not null
);
create index evaluation_milestone_idx on evaluation (milestone_id, evaluated_at desc, id desc);

-- ---------------------------------------------------------------- people's decisions

create table override_request (
    id               bigserial primary key,
    milestone_id     text        not null references milestone (id) on delete cascade,
    gates            text[]      not null,
    reason           text        not null,
    expires_at       timestamptz,
    status           text        not null,
    requested_by     text        not null,
    requested_roles  text[]      not null,
    requested_at     timestamptz not null,
    decided_by       text,
    decided_roles    text[],
    decided_at       timestamptz,
    decision_reason  text,
    revoked_by       text,
    revoked_at       timestamptz,
    revoke_reason    text,
    version          bigint      not null default 0,
    constraint override_status_ck check (status in ('requested', 'approved', 'rejected', 'revoked'))
);
create index override_request_milestone_idx on override_request (milestone_id, requested_at desc);
create index override_request_status_idx on override_request (status, requested_at);

create table gate_decision (
    id            bigserial primary key,
    milestone_id  text        not null references milestone (id) on delete cascade,
    gate          text        not null,
    role          text        not null,
    decision      text        not null,
    reason        text        not null,
    decided_by    text        not null,
    decided_roles text[]      not null,
    decided_at    timestamptz not null,
    constraint gate_decision_ck check (decision in ('approved', 'conditional', 'rejected'))
);
create index gate_decision_milestone_idx on gate_decision (milestone_id, role, decided_at desc, id desc);

-- Acceptance criteria marked met (or unmet) by a person.
create table criterion_mark (
    milestone_id  text        not null references milestone (id) on delete cascade,
    criterion     text        not null,
    met           boolean     not null,
    marked_by     text        not null,
    marked_at     timestamptz not null,
    primary key (milestone_id, criterion)
);

-- ---------------------------------------------------------------- audit chain (append-only)

create table audit_event (
    seq           bigint primary key,
    occurred_at   timestamptz not null,
    actor         text        not null,
    actor_roles   text[]      not null,
    subject_type  text        not null,
    subject_id    text,
    type          text        not null,
    trace_id      text,
    payload       text        not null,                   -- canonical JSON, hashed as stored
    prev_hash     char(64)    not null,
    hash          char(64)    not null
);
create index audit_event_actor_idx on audit_event (actor, seq desc);
create index audit_event_type_idx on audit_event (type, seq desc);
create index audit_event_time_idx on audit_event (occurred_at);

-- Every subject an audit event concerns (its own subject and, e.g., the milestones a sprint event touched).
create table audit_subject (
    subject_type  text   not null,
    subject_id    text   not null,
    seq           bigint not null,
    primary key (subject_type, subject_id, seq)
);

create table audit_head (
    id    integer primary key check (id = 1),
    seq   bigint   not null,
    hash  char(64) not null
);
insert into audit_head (id, seq, hash) values (1, 0, repeat('0', 64));

create table audit_checkpoint (
    seq         bigint primary key,
    head_hash   char(64)    not null,
    signed_at   timestamptz not null,
    key_id      text        not null,
    signature   text        not null
);

-- Public keys ever used for signing, so old checkpoints and manifests stay verifiable after rotation.
create table signing_key (
    key_id      text primary key,
    public_pem  text        not null,
    created_at  timestamptz not null
);

-- The application appends to these tables and never changes or removes a row.
create function forbid_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op;
end;
$$;
create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function forbid_change();
create trigger evidence_append_only before update or delete on evidence
    for each row execute function forbid_change();
create trigger audit_checkpoint_append_only before update or delete on audit_checkpoint
    for each row execute function forbid_change();
