-- What a deployment waits for before CI's ReleaseCompleted may complete it: its environment's requiredSignals (bound
-- when the deployment is made, like its approval policy) and, deploying by canary, canaryValidationPassed. CI reports
-- each as a GateSignal naming the version; every report is kept, and a signal counts when its newest report passed
-- after the deployment's latest hand-over to CI (signals_after: the newest report id at that hand-over; an id, not a
-- time, so CI's own timestamps cannot make an old report count). Replaces V27's two canary columns.
alter table release add column required_signals text[] not null default '{}';
alter table release add column signals_after bigint not null default 0;

create table deployment_signal (
    id          bigserial   primary key,
    release_id  bigint      not null references release (id) on delete cascade,
    gate        text        not null,
    status      text        not null check (status in ('pass', 'fail')),
    detail      text,
    reported_at timestamptz not null,
    reported_by text        not null
);
create index deployment_signal_release_idx on deployment_signal (release_id, gate, id desc);

insert into deployment_signal (release_id, gate, status, detail, reported_at, reported_by)
select id, 'canaryValidationPassed', 'pass', canary_detail, canary_validated_at, 'studio'
from release where canary_validated_at is not null;

alter table release drop column canary_validated_at;
alter table release drop column canary_detail;
