-- Outbound events: a transactional outbox written with the audit chain, webhook subscribers, and their deliveries.

-- Subscribers. The secret signs every delivery (HMAC-SHA256); while a secret is being rotated the previous one
-- also signs until previous_secret_until, so receivers can switch without losing a delivery.
create table webhook (
    id                     bigserial primary key,
    url                    text        not null,
    secret                 text        not null,
    previous_secret        text,
    previous_secret_until  timestamptz,
    event_types            text[],                         -- null: every event; else exact event names
    active                 boolean     not null default true,
    -- the newest outbox entry when the subscription was made: a subscriber receives what happens after that
    from_outbox_id         bigint      not null,
    created_by             text        not null,
    created_at             timestamptz not null,
    version                bigint      not null default 0
);

-- One row per milestone or release event appended to the audit chain, inserted on the appending transaction's
-- connection while it holds the audit head lock: ids therefore become visible in commit order, which lets the
-- fan-out walk the table with a cursor without missing a late commit.
create table outbox (
    id          bigserial primary key,
    audit_seq   bigint,                                    -- the audit event it mirrors (null: a test event)
    subject     text        not null,                      -- CloudEvent subject: milestones/<id>, releases/<tag>
    type        text        not null,                      -- event name: MilestoneReached
    event       text        not null,                      -- the CloudEvent as canonical JSON, the exact body sent
    webhook_id  bigint      references webhook (id) on delete cascade, -- a test event for one subscriber only
    created_at  timestamptz not null default now()
);

-- How far the fan-out has turned outbox rows into deliveries (one row; locked by the instance doing it).
create table outbox_fanout (
    id       integer primary key check (id = 1),
    through  bigint  not null
);
insert into outbox_fanout (id, through) values (1, 0);

-- A message for one subscriber. next_attempt_at doubles as the lease: claiming a delivery moves it into the
-- future, so a second instance does not take it while it is in flight, and a crash only delays a retry.
create table webhook_delivery (
    id               bigserial primary key,
    webhook_id       bigint      not null references webhook (id) on delete cascade,
    outbox_id        bigint      not null references outbox (id) on delete cascade,
    subject          text        not null,
    state            text        not null default 'pending',
    attempts         integer     not null default 0,
    next_attempt_at  timestamptz not null,
    last_error       text,
    delivered_at     timestamptz,
    created_at       timestamptz not null default now(),
    constraint webhook_delivery_state_ck check (state in ('pending', 'delivered', 'dead')),
    constraint webhook_delivery_once unique (webhook_id, outbox_id)
);
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where state = 'pending';
create index webhook_delivery_order_idx on webhook_delivery (webhook_id, subject, outbox_id) where state = 'pending';
create index webhook_delivery_listing_idx on webhook_delivery (webhook_id, state, id desc);

-- Every attempt, kept for the admin page (newest first per subscriber, keyset).
create table webhook_attempt (
    id            bigserial primary key,
    delivery_id   bigint      not null references webhook_delivery (id) on delete cascade,
    webhook_id    bigint      not null references webhook (id) on delete cascade,
    attempted_at  timestamptz not null,
    status_code   integer,
    error         text,
    duration_ms   integer     not null
);
create index webhook_attempt_listing_idx on webhook_attempt (webhook_id, id desc);
