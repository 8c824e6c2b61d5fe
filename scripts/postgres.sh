# shellcheck shell=bash
# PostgreSQL: clusters for `run` (in $STATE/pg), `test` and the bench (throwaway folders). Sourced by ./studio.

# The server refuses to run as root: as root it runs as the 'postgres' system user, which must be able to
# reach its data folder. When the checkout lives under a private home folder, the data goes to /var/lib/studio
# and .studio/<name> links to it.
pg_datadir() {  # name -> directory
  local want="$STATE/$1"
  if is_root && ! runuser -u postgres -- test -x "$STATE" 2>/dev/null; then
    local alt="/var/lib/studio/$(printf '%s' "$STATE" | cksum | cut -d' ' -f1)/$1"
    mkdir -p "$alt" "$STATE"
    [ -e "$want" ] || ln -s "$alt" "$want"
    echo "$alt"
  else
    mkdir -p "$want"
    echo "$want"
  fi
}

as_pg() { if is_root; then runuser -u postgres -- "$@"; else "$@"; fi; }

pg_start() {  # dir port
  local dir="$1" port="$2"
  if is_root; then chown postgres:postgres "$dir"; fi
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    as_pg "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 ||
      die "initdb failed, see $dir/initdb.log"
  fi
  as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/pg.log" -w -t 60 \
    -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=${PG_FSYNC:-on} -c max_connections=200 ${PG_OPTS:-}" \
    start >/dev/null || { tail -n 20 "$dir/pg.log" >&2 2>/dev/null; die "PostgreSQL did not start on :$port, see $dir/pg.log (its last lines above)"; }
}

pg_stop() {  # dir
  [ -f "$1/data/postmaster.pid" ] || return 0
  as_pg "$PG_BIN/pg_ctl" -D "$1/data" -m fast -w -t 30 stop >/dev/null 2>&1 ||
    as_pg "$PG_BIN/pg_ctl" -D "$1/data" -m immediate -w -t 10 stop >/dev/null 2>&1 || true
}

# Studio's two roles (scripts/postgres-roles.sql): the schema owner Flyway migrates as, and the role the application
# connects as, which may only insert and read the audit and evidence tables. One pair per cluster; every database
# on it uses them.
STUDIO_DB_OWNER=studio STUDIO_DB_OWNER_PASSWORD=studio
STUDIO_DB_APP=studio_app STUDIO_DB_APP_PASSWORD=studio_app

pg_create_db() {  # port db: the roles and the database owned by the schema owner (existing ones are kept)
  "$PG_BIN/psql" -h 127.0.0.1 -p "$1" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA \
    -v owner="$STUDIO_DB_OWNER" -v owner_password="$STUDIO_DB_OWNER_PASSWORD" \
    -v app="$STUDIO_DB_APP" -v app_password="$STUDIO_DB_APP_PASSWORD" -v db="$2" \
    -f "$ROOT/scripts/postgres-roles.sql" >/dev/null
}

# ---------------------------------------------------------------- the run stack's database, as supervise.sh sees it

# PG_DIR and DB_PORT of `run`'s cluster. The port is kept in $PG_DIR/port; STUDIO_DB_PORT, when set, moves it.
db_locate() {  # [create]
  if [ "${1:-}" = create ]; then PG_DIR=$(pg_datadir pg); else PG_DIR=$(readlink -f "$STATE/pg" || echo "$STATE/pg"); fi
  DB_PORT="${STUDIO_DB_PORT:-$(cat "$PG_DIR/port" 2>/dev/null || true)}"
  if [ -z "$DB_PORT" ] && [ "${1:-}" = create ]; then DB_PORT=$(free_port 55432); fi
  if [ "${1:-}" = create ]; then echo "$DB_PORT" >"$PG_DIR/port"; fi
}

db_pid() { pid_of "$PG_DIR/data/postmaster.pid"; }
db_alive() {  # the postmaster its lock file names still runs (and is a postgres, not a reused pid)
  local pid; pid=$(db_pid)
  [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
  [ ! -d /proc/self ] || grep -qa postgres "/proc/$pid/cmdline" 2>/dev/null
}
db_answers() { [ -n "${PG_BIN:-}" ] && "$PG_BIN/pg_isready" -q -t 3 -h 127.0.0.1 -p "$DB_PORT"; }
db_start() {
  db_alive || rm -f "$PG_DIR/data/postmaster.pid"
  pg_start "$PG_DIR" "$DB_PORT"
}
db_stop() { pg_stop "$PG_DIR"; }
