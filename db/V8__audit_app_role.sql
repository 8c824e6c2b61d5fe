-- The running application connects as its own role, ${app_role} (quarkus.datasource.username), while Flyway
-- migrates as the schema owner (quarkus.flyway.username). The application's role owns nothing: it may only insert
-- and read the append-only tables (audit chain, checkpoints, signing keys, evidence), so it can neither rewrite,
-- delete nor truncate audit rows, nor alter or drop the tables or their triggers. Every other table it reads and
-- writes as before. README "Audit trail: what it proves and how to verify it".

-- Checkpoints are published as signed notes (c2sp.org/tlog-checkpoint); each note carries the hash of the one before.
-- Checkpoints signed before this migration keep their DSSE signature and have no note.
alter table audit_checkpoint add column note text;

-- audit_head, the one row every append moves, may only move forward onto a row that was appended with exactly that
-- hash: appends can update it, nobody can rewind it over deleted rows or point it elsewhere. Checked at commit, when
-- the appended row is visible whatever statement order the append used.
create function audit_head_moves_forward() returns trigger language plpgsql as $$
begin
    if new.seq = old.seq and new.hash = old.hash then
        return null;
    end if;
    if new.seq < old.seq then
        raise exception 'audit_head may only move forward: from row % back to row % refused', old.seq, new.seq;
    end if;
    if not exists (select 1 from audit_event e where e.seq = new.seq and e.hash = new.hash) then
        raise exception 'audit_head may only name an appended row: no row % with hash % exists', new.seq, new.hash;
    end if;
    return null;
end;
$$;
create constraint trigger audit_head_moves_forward after update on audit_head
    deferrable initially deferred for each row execute function audit_head_moves_forward();

-- The application's privileges. When it connects as the owner itself (a single-role setup) there is nothing to
-- grant or withhold: the migration says so and Studio warns at every start (AuditDatabaseRole).
do $grants$
declare
    app constant text := '${app_role}';
    append_only constant text := 'audit_event, audit_subject, audit_checkpoint, signing_key, evidence';
begin
    if app = current_user then
        raise warning 'Studio''s application connects as the schema owner %: it can rewrite the audit trail. '
            'Give it a role of its own (README, "Audit trail")', app;
        return;
    end if;
    if not exists (select from pg_roles where rolname = app) then
        raise exception 'role % (quarkus.datasource.username) does not exist: create it before migrating (README, "Configuring a real deployment")', app;
    end if;
    if exists (select from pg_roles where rolname = app and (rolsuper or rolbypassrls)) then
        raise exception 'role % (quarkus.datasource.username) is a superuser or bypasses row security: it could rewrite the audit trail', app;
    end if;
    if pg_has_role(app, current_user, 'MEMBER') then
        raise exception 'role % (quarkus.datasource.username) is a member of the schema owner %: it could rewrite the audit trail', app, current_user;
    end if;

    execute format('grant usage on schema public to %I', app);
    execute format('grant select, insert, update, delete on all tables in schema public to %I', app);
    execute format('grant usage, select on all sequences in schema public to %I', app);
    -- append-only: insert and read, nothing else
    execute format('revoke all on %s from %I', append_only, app);
    execute format('grant select, insert on %s to %I', append_only, app);
    -- the head: read it, lock it and move it (the trigger above says where to); never insert, delete or truncate
    execute format('revoke all on audit_head from %I', app);
    execute format('grant select, update (seq, hash) on audit_head to %I', app);
    -- Flyway's bookkeeping is the owner's alone
    execute format('revoke all on %I from %I', '${flyway:table}', app);
    -- tables and sequences later migrations create: the ordinary privileges; an append-only one must revoke
    -- update, delete and truncate itself, as above
    execute format('alter default privileges in schema public grant select, insert, update, delete on tables to %I', app);
    execute format('alter default privileges in schema public grant usage, select on sequences to %I', app);
end
$grants$;
