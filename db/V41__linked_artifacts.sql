-- What a milestone's definition says beyond its gates, acted on (issue "Environments and the promotion pipeline",
-- item 6's last sentence).
-- The artifacts CI reports a sprint completed (SprintClosed completedArtifacts): the milestone page lists its
-- requiredArtifacts with the contributing sprint that reported each, and what else was reported. The first report of
-- an artifact by a sprint is kept (by its event time); a replay changes nothing.
create table sprint_artifact (
    sprint_id   text        not null references sprint (id) on delete cascade,
    artifact    text        not null,
    evidence_id bigint      not null,
    reported_at timestamptz not null,
    primary key (sprint_id, artifact)
);

-- observabilityTags travel with every event Studio sends about the milestone (data.observability_tags), read as the
-- outbox row is written, like its labels.
alter table milestone add column observability_tags text[] not null default '{}';

-- A trigger with a condition (triggers: [{event: SprintClosed, condition: allStreamsReady, next: ...}]) fires once, when
-- its event arrives and the condition first holds; this row says it did (a concurrent event finds it and fires nothing).
create table milestone_trigger_fired (
    milestone_id text        not null references milestone (id) on delete cascade,
    trigger_key  text        not null,
    fired_at     timestamptz not null,
    evidence_id  bigint      not null,
    primary key (milestone_id, trigger_key)
);
