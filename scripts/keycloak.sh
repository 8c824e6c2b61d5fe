# shellcheck shell=bash
# Keycloak, the OIDC provider: `run`'s (in $KC_HOME, pid in $STATE/keycloak.pid) and the throwaway copies `test`
# and the bench start. Sourced by ./studio.

keycloak_start() {  # home port logfile pidfile
  local home="$1" port="$2" log="$3" pidfile="$4"
  mkdir -p "$home/data/import"
  cp "$REALM_FILE" "$home/data/import/studio-realm.json"
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin JAVA_OPTS_APPEND="-Xms64m -Xmx512m" \
    launch "$pidfile" "$log" "$home" bash bin/kc.sh start-dev --http-port "$port" --import-realm \
    --hostname-strict=false
  wait_http "$(keycloak_realm_url "$port")/.well-known/openid-configuration" 300 "Keycloak on :$port" "$pidfile" ||
    { tail -n 25 "$log" >&2; die "Keycloak did not come up on port $port, see $log"; }
}

keycloak_realm_url() { echo "http://localhost:$1/realms/studio"; }   # port

# ---------------------------------------------------------------- `run`'s Keycloak, as supervise.sh sees it

kc_pid() { pid_of "$STATE/keycloak.pid"; }
kc_alive() { pid_alive "$STATE/keycloak.pid"; }
kc_answers() { http_ok "$(keycloak_realm_url "$KEYCLOAK_PORT")/.well-known/openid-configuration"; }
kc_stop() { stop_pidfile "$STATE/keycloak.pid" Keycloak; }
kc_start() {
  ensure_keycloak
  # Keycloak imports the realm only into an empty database, so a realm file changed since the last start (a new
  # mapper, a new demo user) would be ignored: the demo database is rebuilt from the file instead.
  local stamp="$KC_HOME/data/realm.sha256" want
  want=$(sha256sum <"$REALM_FILE" | cut -d' ' -f1)
  if [ -d "$KC_HOME/data/h2" ] && [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    say "The demo realm changed (keycloak/studio-realm.json): rebuilding Keycloak's demo database from it"
    rm -rf "$KC_HOME/data/h2"
  fi
  say "Starting Keycloak on :$KEYCLOAK_PORT (first start takes about a minute)"
  keycloak_start "$KC_HOME" "$KEYCLOAK_PORT" "$STATE/logs/keycloak.log" "$STATE/keycloak.pid"
  echo "$want" >"$stamp"
}
