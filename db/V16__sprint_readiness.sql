-- A sprint's readiness before execution (FeatureScopeDefined, SprintTestPlanReady, SprintInfraReady,
-- SprintReadyToStart): when each step was first reported, and by which evidence. Readiness does not change the
-- sprint's lifecycle state; the sprint page and the sprint list show it.
create table sprint_readiness (
    sprint_id    text        not null references sprint (id) on delete cascade,
    step         text        not null,
    occurred_at  timestamptz not null,
    evidence_id  bigint      not null references evidence (id),
    primary key (sprint_id, step),
    constraint sprint_readiness_step_ck check (step in ('scope_defined', 'test_plan_ready', 'infra_ready', 'ready_to_start'))
);
