-- Branch "timeouts" (Planning governance item 7, "Timeouts that always fire"); renumber on merge if another branch
-- took V17.
--
-- The timer's retries: the effective maxRetries under retryOnFailure (0: the timer never retries) and cool-down,
-- kept on the row like gate_timeout_seconds so the timer finds due milestones in one query, and how many retries
-- the timer has made since the milestone was last judged anew (Reached, Escalated or resumed by a person reset it).
alter table milestone
    add column timer_retries          integer not null default 0,
    add column retry_cooldown_seconds integer not null default 60,
    add column retry_count            integer not null default 0,
    add constraint milestone_retries_ck check (timer_retries >= 0 and retry_cooldown_seconds >= 0 and retry_count >= 0);

-- A pause (the milestone does not move; evidence is still recorded) and a rejected promotion (it may not be
-- released): who, with which roles, why, since when; null when none. Lifting one clears it; the audit log keeps both.
alter table milestone
    add column paused_by                  text,
    add column paused_roles               text[],
    add column pause_reason               text,
    add column paused_at                  timestamptz,
    add column promotion_rejected_by      text,
    add column promotion_rejected_roles   text[],
    add column promotion_rejection_reason text,
    add column promotion_rejected_at      timestamptz,
    add constraint milestone_pause_ck check ((paused_at is null) = (paused_by is null)),
    add constraint milestone_rejection_ck check ((promotion_rejected_at is null) = (promotion_rejected_by is null));

-- The contributing sprints the timer found overdue when it escalated a Pending milestone (JSON: budget_seconds,
-- found_at, sprints: [{sprint_id, kind: orphaned | long-running, age_seconds}]), shown on the milestone page while
-- it stays Escalated; null otherwise.
alter table milestone add column overdue_sprints text;
