-- Automatic retries of a failed release (issue "Environments and the promotion pipeline", item 8): a release CI reports
-- failed is handed to CI again by Studio up to max_retries times (the trigger's maxRetries, else
-- studio.release.max-retries), each audited and counted in release_retry_count; only when they are spent does
-- rollbackEnabled roll it back.
alter table release
    add column max_retries integer check (max_retries between 0 and 10),
    add column retry_count integer not null default 0 check (retry_count >= 0);
