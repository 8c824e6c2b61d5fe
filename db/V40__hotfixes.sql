-- A hotfix (issue "Environments and the promotion pipeline", item 5): a new version of a Closed (or Reached)
-- milestone carrying a completed version's content with a new commit, deployed straight to one environment under a
-- stricter policy. hotfix_of names the version it fixes (null for every other release), hotfix_justification why it
-- skips the lifecycle. Once it completes, someone other than its requester reviews it afterwards: one row per hotfix.
alter table release add column hotfix_of text;
alter table release add column hotfix_justification text;

create table hotfix_review (
    release_id     bigint primary key references release (id) on delete cascade,
    due_at         timestamptz not null,
    status         text not null check (status in ('open', 'done')),
    reviewed_by    text,
    reviewed_roles text[],
    reviewed_at    timestamptz,
    notes          text
);
create index hotfix_review_open_idx on hotfix_review (due_at) where status = 'open';
