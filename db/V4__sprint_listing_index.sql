-- The sprint list pages newest first on (created_at, id) with a keyset cursor: each page reads one range of this
-- index, however many sprints there are (no OFFSET, no sort of the whole table).
create index sprint_listing_idx on sprint (created_at desc, id desc);
