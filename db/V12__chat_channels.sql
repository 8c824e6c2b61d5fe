-- Chat channels: a webhook may post human-readable messages to a Slack-compatible incoming webhook or a Microsoft
-- Teams webhook (an Adaptive Card) instead of a signed CloudEvent, and may be scoped to one milestone, one release
-- environment or one team (a milestone label). They share the outbox, the delivery queue, its retries and dead letters.

alter table webhook
    -- what the worker posts: the CloudEvent as stored, or a chat message rendered from it at delivery
    add column format      text not null default 'cloudevents',
    -- what admins call a chat channel ("#releases"); CloudEvents subscribers have none
    add column name        text,
    -- null: every event; else only events about this milestone, this environment's releases, or this team's milestones
    add column scope_kind  text,
    add column scope_value text,
    -- Slack and Teams verify no signature: a chat channel has no signing secret (its URL is the credential)
    alter column secret drop not null,
    add constraint webhook_format_ck check (format in ('cloudevents', 'slack', 'teams')),
    add constraint webhook_secret_ck check ((format = 'cloudevents') = (secret is not null)),
    add constraint webhook_scope_ck check (scope_kind is null and scope_value is null
                                           or scope_kind in ('milestone', 'environment', 'team') and scope_value is not null);

-- What each event is about, written with it, so the fan-out matches scoped subscribers without reading anything else:
-- the milestone (of a release event: the release's), the environment of a release event, and the milestone's labels
-- when the event was recorded.
alter table outbox
    add column milestone_id text,
    add column environment  text,
    add column labels       text[] not null default '{}';
