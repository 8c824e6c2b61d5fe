-- A SprintClosed whose sprint gates (sprints.yaml `gates`) have not all passed does not close the sprint: it waits
-- (Verifying) or is held (Blocked) until the sprint's own evidence satisfies them. What holds it, in words, while it does.
alter table sprint add column closure_held text;
