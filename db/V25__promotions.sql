-- One version promoted through environments (issue "Environments and the promotion pipeline", item 2): a release row
-- is one deployment of a version to one environment. The first (promoted_from null) creates the version and keeps its
-- tag unique among versions; each promotion is a further row of the same tag and content in a later environment,
-- pointing at the deployment it was promoted from. A version runs at most once per environment at a time: a deployment
-- that ended without running (rejected, aborted, rolled back) may be promoted again.
alter table release add column promoted_from bigint references release (id);
alter table release drop constraint release_version_tag_uq;
create unique index release_version_tag_uq on release (version_tag) where promoted_from is null;
create unique index release_version_environment_uq on release (version_tag, environment)
    where state not in ('rejected', 'aborted', 'rolled_back');
create index release_version_idx on release (version_tag, id);
