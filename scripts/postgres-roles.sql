-- Studio's two database roles and its database (README "Audit trail" and "Configuring a real deployment"):
--   :owner  owns the schema; Flyway migrates as it (quarkus.flyway.username)
--   :app    the running application (quarkus.datasource.username): owns nothing, may only insert and read the audit
--           and evidence tables; migration V8 grants it what it may do
-- Idempotent: run it again at every start. Run as a superuser:
--   psql -v ON_ERROR_STOP=1 -v owner=studio -v owner_password=... -v app=studio_app -v app_password=... -v db=studio -f postgres-roles.sql
-- Used by ./studio (scripts/postgres.sh) and by docker-compose.yml's db-roles service.

select format('create role %I login password %L', :'owner', :'owner_password')
 where not exists (select from pg_roles where rolname = :'owner') \gexec
select format('create role %I login password %L', :'app', :'app_password')
 where not exists (select from pg_roles where rolname = :'app') \gexec

-- The application's role may do nothing beyond its grants: it cannot become another role, create roles or
-- databases, bypass row security or replicate, and it inherits no other role's privileges.
select format('alter role %I nosuperuser nocreatedb nocreaterole noreplication nobypassrls noinherit', :'app') \gexec
select format('revoke %I from %I', r.rolname, :'app')
  from pg_auth_members m join pg_roles r on r.oid = m.roleid join pg_roles a on a.oid = m.member
 where a.rolname = :'app' \gexec

select format('create database %I owner %I', :'db', :'owner')
 where not exists (select from pg_database where datname = :'db') \gexec
select format('alter database %I owner to %I', :'db', :'owner') \gexec
