-- A deployment by canary (customDeployStrategy: canary) completes only after CI reported its canaryValidationPassed gate
-- (a GateSignal naming the version): when it passed, for the deployment's latest hand-over to CI (a retry validates
-- again). Outside the content hash: approvals cover how it is deployed, not what live traffic said afterwards.
alter table release add column canary_validated_at timestamptz;
alter table release add column canary_detail text;
