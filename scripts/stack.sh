# shellcheck shell=bash
# The demo stack: `./studio run | stop | status | logs`. Natively (PostgreSQL, Keycloak, the mail catcher and Studio
# as processes under $STATE) or, without a JDK or PostgreSQL but with a Docker engine, through docker compose.
# Sourced by ./studio.

cmd_run() {
  if [ "$(choose_mode)" = docker ]; then run_docker; return; fi
  need_java; need_postgres
  mkdir -p "$STATE/logs" "$STATE/keys"
  db_locate create
  heal PostgreSQL db "$DB_PORT" STUDIO_DB_PORT 60
  pg_create_db "$DB_PORT" studio
  heal Keycloak kc "$KEYCLOAK_PORT" KEYCLOAK_PORT 300
  if need_maildev; then
    mail_locate create
    heal "Mail catcher" mail "$SMTP_PORT" STUDIO_SMTP_PORT 30
  else
    SMTP_PORT="" MAIL_WEB_PORT=""   # Studio runs without one; the banner says so
  fi
  app_rewire
  heal Studio app "$STUDIO_PORT" STUDIO_PORT 180
  print_banner
}

cmd_stop() {
  if [ "$(choose_mode)" = docker ] && docker_engine && [ ! -f "$STATE/studio.pid" ]; then
    docker compose -f "$ROOT/docker-compose.yml" down; return
  fi
  stop_pidfile "$STATE/studio.pid" Studio
  stop_pidfile "$STATE/keycloak.pid" Keycloak
  stop_pidfile "$STATE/maildev.pid" "mail catcher"
  db_locate
  if [ -e "$PG_DIR/data/postmaster.pid" ]; then
    PG_BIN="$(pg_bindir || true)"
    [ -n "$PG_BIN" ] && pg_stop "$PG_DIR" && say "stopped PostgreSQL"
  fi
}

cmd_status() {
  PG_BIN="$(pg_bindir || true)"
  db_locate
  mail_locate
  status_line studio app 180 "http://localhost:$STUDIO_PORT"
  status_line keycloak kc 300 "http://localhost:$KEYCLOAK_PORT"
  status_line mail mail 30 "http://localhost:${MAIL_WEB_PORT:-?} (SMTP 127.0.0.1:${SMTP_PORT:-?})"
  status_line postgres db 60 "127.0.0.1:${DB_PORT:-?}"
}

status_line() {  # label key allowance where
  local pid; pid=$("${2}_pid")
  case "$(server_state "$2" "$3" 0)" in
    up) printf '%-9s running (pid %s) %s\n' "$1" "$pid" "$4" ;;
    starting) printf '%-9s starting (pid %s) %s\n' "$1" "$pid" "$4" ;;
    silent) printf '%-9s not answering (pid %s) %s; ./studio run heals the stack\n' "$1" "$pid" "$4" ;;
    gone) printf '%-9s stopped (crashed or killed: pid %s is gone)\n' "$1" "$pid" ;;
    absent) printf '%-9s stopped\n' "$1" ;;
  esac
}

cmd_logs() {
  case "${1:-studio}" in
    studio) tail -n 200 -f "$STATE/logs/studio.log" ;;
    keycloak) tail -n 200 -f "$STATE/logs/keycloak.log" ;;
    postgres) tail -n 200 -f "$STATE/pg/pg.log" ;;
    mail) tail -n 200 -f "$STATE/logs/maildev.log" ;;
    *) die "logs of: studio | keycloak | postgres | mail" ;;
  esac
}

print_banner() {
  cat <<BANNER

  Studio is running:   http://localhost:$STUDIO_PORT
  Keycloak (admin):    http://localhost:$KEYCLOAK_PORT   (admin / admin)
  Mail:                $(mail_banner_line)

  Demo logins (password: $DEMO_PASSWORD)
BANNER
  for u in "${DEMO_USERS[@]}"; do printf '    %-20s role %s\n' "$u" "${u%-2}"; done
  cat <<BANNER

  API token:  ./studio token qa-lead    (./studio token ci for the CI service account)
  Stop:       ./studio stop
  Logs:       ./studio logs studio | keycloak | postgres | mail
BANNER
}

mail_banner_line() {
  if [ -n "${MAIL_WEB_PORT:-}" ]; then echo "$(mail_inbox_url)   (every email Studio sends lands here)"
  else echo "none: maildev could not be installed (see the warning above), so emails are not delivered"; fi
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

run_docker() {
  docker_engine || die "STUDIO_MODE=docker but no Docker engine answers (docker info)."
  say "Starting the stack with docker compose"
  SMTP_PORT="${STUDIO_SMTP_PORT:-1025}" MAIL_WEB_PORT="${STUDIO_MAIL_WEB_PORT:-1080}"
  STUDIO_PORT="$STUDIO_PORT" KEYCLOAK_PORT="$KEYCLOAK_PORT" STUDIO_SMTP_PORT="$SMTP_PORT" STUDIO_MAIL_WEB_PORT="$MAIL_WEB_PORT" \
    docker compose -f "$ROOT/docker-compose.yml" up -d --build
  wait_http "http://localhost:$STUDIO_PORT/q/health/ready" 300 "Studio" || die "Studio did not become ready; docker compose logs studio"
  print_banner
}
