-- A milestone's plan (each contributing sprint's features, and the features deferred) as it stood after a definitions
-- import that changed it and at each PlanningResumed: the scope comparison between two of them, and the documents
-- a resumption produces (updated-sprint-plan.yaml, resumption-report.md, deferred-to-resumed-mapping.json).
create table plan_snapshot (
    id            bigserial   primary key,
    milestone_id  text        not null,
    cause         text        not null,                  -- import | PlanningResumed
    evidence_id   bigint      references evidence (id),   -- the PlanningResumed, for a resumption
    actor         text        not null,
    reason        text,
    taken_at      timestamptz not null,
    plan          text        not null                    -- {"sprints":{"s1":["A"]},"deferred":["C"]}
);
create index plan_snapshot_milestone_idx on plan_snapshot (milestone_id, id desc);
