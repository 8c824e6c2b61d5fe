-- Freeze windows (issue "Environments and the promotion pipeline", item 4): while one holds, nothing is released to its
-- environment: no release is requested there, no approval is given, nothing is handed to CI. One-off (starts_at,
-- ends_at) or weekly (weekly_from, weekly_until as "FRI 18:00", in time_zone). A window is removed only while it does
-- not hold: a freeze in force is not lifted by one person. Removal keeps the row (removed_*) for the record.
create table freeze_window (
    id             bigserial primary key,
    environment    text        not null check (environment in ('staging', 'qa', 'production')),
    name           text        not null,
    starts_at      timestamptz,
    ends_at        timestamptz,
    weekly_from    text,
    weekly_until   text,
    time_zone      text        not null default 'UTC',
    reason         text        not null,
    created_by     text        not null,
    created_roles  text[]      not null,
    created_at     timestamptz not null,
    removed_at     timestamptz,
    removed_by     text,
    removed_reason text,
    constraint freeze_window_kind_ck check ((weekly_from is null and weekly_until is null and starts_at is not null and ends_at > starts_at)
                                        or (weekly_from is not null and weekly_until is not null and starts_at is null and ends_at is null))
);
create index freeze_window_environment_idx on freeze_window (environment) where removed_at is null;
