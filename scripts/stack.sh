# The demo stack: `./studio run | stop | status | logs`. Natively (PostgreSQL, Keycloak and Studio as processes
# under $STATE) or, without a JDK or PostgreSQL but with a Docker engine, through docker compose. Sourced by ./studio.

cmd_run() {
  if [ "$(choose_mode)" = docker ]; then
    docker_engine || die "STUDIO_MODE=docker but no Docker engine answers (docker info)."
    say "Starting the stack with docker compose"
    STUDIO_PORT="$STUDIO_PORT" KEYCLOAK_PORT="$KEYCLOAK_PORT" docker compose -f "$ROOT/docker-compose.yml" up -d --build
    wait_http "http://localhost:$STUDIO_PORT/q/health/ready" 300 "Studio" || die "Studio did not become ready; docker compose logs studio"
    print_banner; return
  fi
  need_java; need_postgres
  mkdir -p "$STATE/logs" "$STATE/keys"
  if pid_alive "$STATE/studio.pid"; then
    say "Studio is already running"; print_banner; return
  fi
  port_in_use "$STUDIO_PORT" && die "port $STUDIO_PORT is in use by another program; set STUDIO_PORT to a free port"

  local pgdir dbport
  pgdir=$(pg_datadir pg)
  if [ -f "$pgdir/port" ]; then dbport=$(cat "$pgdir/port"); else dbport="${STUDIO_DB_PORT:-$(free_port 55432)}"; echo "$dbport" >"$pgdir/port"; fi
  if [ -f "$pgdir/data/postmaster.pid" ] && as_pg "$PG_BIN/pg_ctl" -D "$pgdir/data" status >/dev/null 2>&1; then
    say "PostgreSQL already running on :$dbport"
  else
    port_in_use "$dbport" && die "port $dbport (Studio's PostgreSQL) is in use by another program; set STUDIO_DB_PORT or free it"
    pg_start "$pgdir" "$dbport"; say "PostgreSQL is up on :$dbport (data in $pgdir/data)"
  fi
  pg_create_db "$dbport" studio

  ensure_keycloak
  if pid_alive "$STATE/keycloak.pid"; then
    say "Keycloak already running on :$KEYCLOAK_PORT"
  else
    port_in_use "$KEYCLOAK_PORT" && die "port $KEYCLOAK_PORT is in use by another program; set KEYCLOAK_PORT to a free port"
    say "Starting Keycloak on :$KEYCLOAK_PORT (first start takes about a minute)"
    keycloak_start "$KC_HOME" "$KEYCLOAK_PORT" "$STATE/logs/keycloak.log" "$STATE/keycloak.pid"
  fi

  build_studio
  studio_env "$dbport" "$KEYCLOAK_PORT"
  say "Starting Studio on :$STUDIO_PORT"
  # shellcheck disable=SC2086
  launch "$STATE/studio.pid" "$STATE/logs/studio.log" "$ROOT" java ${STUDIO_JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar
  wait_http "http://localhost:$STUDIO_PORT/q/health/ready" 180 "Studio" "$STATE/studio.pid" ||
    { tail -n 30 "$STATE/logs/studio.log" >&2; die "Studio did not become ready, see $STATE/logs/studio.log"; }
  print_banner
}

cmd_stop() {
  if [ "$(choose_mode)" = docker ] && docker_engine && [ ! -f "$STATE/studio.pid" ]; then
    docker compose -f "$ROOT/docker-compose.yml" down; return
  fi
  stop_pidfile "$STATE/studio.pid" Studio
  stop_pidfile "$STATE/keycloak.pid" Keycloak
  if [ -e "$STATE/pg/data/postmaster.pid" ]; then
    PG_BIN="$(pg_bindir || true)"
    [ -n "$PG_BIN" ] && pg_stop "$STATE/pg" && say "stopped PostgreSQL"
  fi
}

cmd_status() {
  pid_alive "$STATE/studio.pid" && echo "studio    running (pid $(cat "$STATE/studio.pid")) http://localhost:$STUDIO_PORT" || echo "studio    stopped"
  pid_alive "$STATE/keycloak.pid" && echo "keycloak  running (pid $(cat "$STATE/keycloak.pid")) http://localhost:$KEYCLOAK_PORT" || echo "keycloak  stopped"
  [ -f "$STATE/pg/data/postmaster.pid" ] && echo "postgres  running (port $(cat "$STATE/pg/port" 2>/dev/null))" || echo "postgres  stopped"
}

cmd_logs() {
  case "${1:-studio}" in
    studio) tail -n 200 -f "$STATE/logs/studio.log" ;;
    keycloak) tail -n 200 -f "$STATE/logs/keycloak.log" ;;
    postgres) tail -n 200 -f "$STATE/pg/pg.log" ;;
    *) die "logs of: studio | keycloak | postgres" ;;
  esac
}

print_banner() {
  cat <<EOF

  Studio is running:   http://localhost:$STUDIO_PORT
  Keycloak (admin):    http://localhost:$KEYCLOAK_PORT   (admin / admin)

  Demo logins (password: $DEMO_PASSWORD)
EOF
  for u in "${DEMO_USERS[@]}"; do printf '    %-20s role %s\n' "$u" "${u%-2}"; done
  cat <<EOF

  API token:  ./studio token qa-lead    (./studio token ci for the CI service account)
  Stop:       ./studio stop
  Logs:       ./studio logs studio | keycloak | postgres
EOF
}

docker_engine() { command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; }

choose_mode() {
  case "${STUDIO_MODE:-auto}" in
    native|docker) echo "$STUDIO_MODE"; return ;;
  esac
  if command -v java >/dev/null 2>&1 && { [ -n "$(pg_bindir || true)" ] || { is_root && command -v apt-get >/dev/null 2>&1; }; }; then
    echo native
  elif docker_engine; then
    echo docker
  else
    echo native   # need_java/need_postgres explain what is missing
  fi
}
