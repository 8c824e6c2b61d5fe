-- An environment's page lists its deployments newest first, 25 at a time, keyset on the id (where environment = ?
-- and id < ? order by id desc): an index in that order reads exactly the page.
create index release_environment_id_idx on release (environment, id desc);
