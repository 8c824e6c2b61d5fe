-- notifyChannels of a promotion trigger (release-coordinator.md, Dynamic Configuration Fields): the chat channels a
-- version's release events are also posted to, whatever their own scope (their event types still apply). Resolved
-- from names when the release is requested; kept on the version's first deployment, so its promotions are routed too.
alter table release add column notify_channels bigint[] not null default '{}';
-- The routed channels of the event's release, read as the outbox row is written (fan-out adds them).
alter table outbox add column channels bigint[] not null default '{}';
