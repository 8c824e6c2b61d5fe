-- Notifications (issue: notifications). The people Studio can notify, and what it told each of them.

-- Who can be notified, with the Studio roles they hold: read from the identity provider's directory (its admin
-- API, with a service account) and from every sign-in. Only people here receive notices; nobody is invented.
create table person (
    name         text        primary key,          -- the identity provider's preferred_username, as the audit trail names people
    email        text,
    display_name text,
    roles        text[]      not null default '{}', -- Studio roles, mapped as at sign-in
    enabled      boolean     not null default true,
    source       text        not null,              -- 'directory' or 'sign-in'
    seen_at      timestamptz not null
);

-- One notice to one person about one thing. (recipient, topic, event) is unique, so two instances sweeping at once,
-- or a sweep repeated after a crash, never tell anyone the same thing twice.
create table notification (
    id           bigserial   primary key,
    recipient    text        not null,
    topic        text        not null,   -- the thing it is about: 'override-12', 'stuck-mvp-ready@1767225600', 'release-v1.2.0'
    event        text        not null,   -- DecisionNeeded, Reminder, Overdue, OverrideApproved, ...
    mandatory    boolean     not null,   -- a decision only the recipient's role can take: never switched off
    subject      text        not null,
    body         text        not null,   -- plain text, a few lines
    link         text        not null,   -- a path in Studio: where the decision is taken or the outcome shown
    milestone_id text,
    release_tag  text,
    created_at   timestamptz not null default now(),
    read_at      timestamptz,
    email_to     text,                   -- the address at the time it was written, null: no email for this one
    email_status text        not null default 'none',
    email_attempts int       not null default 0,
    email_due_at timestamptz,
    email_error  text,
    emailed_at   timestamptz,
    constraint notification_once unique (recipient, topic, event),
    constraint notification_email_ck check (email_status in ('none', 'pending', 'sent', 'failed', 'digest'))
);
create index notification_recipient_idx on notification (recipient, id desc);
create index notification_unread_idx on notification (recipient) where read_at is null;
create index notification_email_due_idx on notification (email_due_at) where email_status = 'pending';
create index notification_failed_idx on notification (id desc) where email_status = 'failed';

-- How far the outcome tail has read the audit trail (decisions told to their requesters).
create table notification_cursor (
    name    text   primary key,
    last_id bigint not null
);

-- How each person wants each kind of notice delivered: in Studio only, by email at once, or in a daily digest.
-- Without a row, studio.notifications.default-delivery applies. A decision only its recipient can take is never
-- Studio-only: it reaches them by email at least in the digest.
create table notification_preference (
    person   text not null,
    kind     text not null,
    delivery text not null,
    primary key (person, kind),
    constraint notification_preference_kind_ck check (kind in ('decisions', 'reminders', 'outcomes')),
    constraint notification_preference_delivery_ck check (delivery in ('studio', 'email', 'digest'))
);
