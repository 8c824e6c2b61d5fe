# shellcheck shell=bash
# Studio itself: building the jar, and `run`'s instance (pid in $STATE/studio.pid). Sourced by ./studio.

build_studio() {
  local jar="$ROOT/target/quarkus-app/quarkus-run.jar"
  if [ -f "$jar" ] && [ -z "$(find "$ROOT/src/main" "$ROOT/db" "$ROOT/pom.xml" -newer "$jar" -print -quit)" ]; then
    return 0
  fi
  say "Building Studio (./mvnw package)"
  mkdir -p "$STATE"
  "$ROOT/mvnw" -B -q -f "$ROOT/pom.xml" package -DskipTests >"$STATE/build.log" 2>&1 ||
    { tail -n 40 "$STATE/build.log" >&2; die "build failed, see $STATE/build.log"; }
}

studio_env() {  # db-port keycloak-port
  export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$1/studio"
  # the application's own role; Flyway migrates as the schema owner (scripts/postgres.sh, postgres-roles.sql)
  export QUARKUS_DATASOURCE_USERNAME="$STUDIO_DB_APP" QUARKUS_DATASOURCE_PASSWORD="$STUDIO_DB_APP_PASSWORD"
  export QUARKUS_FLYWAY_USERNAME="$STUDIO_DB_OWNER" QUARKUS_FLYWAY_PASSWORD="$STUDIO_DB_OWNER_PASSWORD"
  QUARKUS_OIDC_AUTH_SERVER_URL="$(keycloak_realm_url "$2")"; export QUARKUS_OIDC_AUTH_SERVER_URL
  export QUARKUS_HTTP_PORT="$STUDIO_PORT"
  export STUDIO_DEMO_ENABLED=true
  export QUARKUS_PROFILE=demo   # the prod profile refuses demo secrets, demo data and a self-made signing key
  export STUDIO_SIGNING_KEY_FILE="$STATE/keys/signing-key.pem"
}

studio_mail_env() {  # smtp-port inbox-url: where Studio sends its emails (plain SMTP, no TLS, no login) and shows them
  export QUARKUS_MAILER_HOST=127.0.0.1 QUARKUS_MAILER_PORT="$1" STUDIO_MAIL_INBOX_URL="$2"
}

# ---------------------------------------------------------------- `run`'s Studio, as supervise.sh sees it

app_pid() { pid_of "$STATE/studio.pid"; }
app_alive() { pid_alive "$STATE/studio.pid"; }
app_answers() { http_ok "http://localhost:$STUDIO_PORT/q/health/ready"; }
app_stop() { stop_pidfile "$STATE/studio.pid" Studio; }
app_wiring() {  # what a running Studio was started against
  local mail="none"; [ -z "${SMTP_PORT:-}" ] || mail=":$SMTP_PORT (inbox :$MAIL_WEB_PORT)"
  echo "PostgreSQL :$DB_PORT, Keycloak :$KEYCLOAK_PORT, mail catcher $mail"
}
app_start() {
  build_studio
  studio_env "$DB_PORT" "$KEYCLOAK_PORT"
  [ -z "${SMTP_PORT:-}" ] || studio_mail_env "$SMTP_PORT" "$(mail_inbox_url)"
  say "Starting Studio on :$STUDIO_PORT"
  # shellcheck disable=SC2086
  launch "$STATE/studio.pid" "$STATE/logs/studio.log" "$ROOT" java ${STUDIO_JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar
  app_wiring >"$STATE/studio.wiring"
  wait_http "http://localhost:$STUDIO_PORT/q/health/ready" 180 "Studio" "$STATE/studio.pid" ||
    { tail -n 30 "$STATE/logs/studio.log" >&2; die "Studio did not become ready, see $STATE/logs/studio.log"; }
}

# A Studio started against another database, Keycloak or mail catcher port than this run asks for is stopped, so heal
# starts it anew.
app_rewire() {
  app_alive && [ -f "$STATE/studio.wiring" ] || return 0
  local was; was=$(cat "$STATE/studio.wiring")
  [ "$was" != "$(app_wiring)" ] || return 0
  say "Studio runs against $was, not $(app_wiring): restarting it"
  app_stop
}
