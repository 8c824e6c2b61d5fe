#!/usr/bin/env bash
# `./studio run` heals a partial stack, for real: the stack starts in a private STUDIO_HOME on free ports, Keycloak's
# java is killed (as in a crash), and a second `./studio run` must start Keycloak again, leave PostgreSQL and Studio
# as they were, say so, and a demo user must be able to sign in again. Then `./studio stop` stops everything.
# Prints "ok - ..." or "not ok - ..." per check; exits 1 when one failed.
#
# HEAL_TEST_KEYCLOAK: a Keycloak folder to copy (one that has started once starts in seconds; `./studio test`
# passes its throwaway copy). Without it the launcher fetches and builds its own (a minute or two more).
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=../lib.sh
source "$ROOT/scripts/lib.sh"

HOME_DIR=$(mktemp -d /tmp/studio-heal-test.XXXXXX)
chmod 755 "$HOME_DIR"
STUDIO_PORT=$(free_port 18480) KEYCLOAK_PORT=$(free_port 18580) STUDIO_DB_PORT=$(free_port 26932)
export STUDIO_HOME="$HOME_DIR" STUDIO_PORT KEYCLOAK_PORT STUDIO_DB_PORT STUDIO_MODE=native
FAILED=0
OUT="$HOME_DIR/out"
cleanup() {
  "$ROOT/studio" stop >/dev/null 2>&1
  rm -rf "$HOME_DIR"
}
trap cleanup EXIT

studio() { "$ROOT/studio" "$@" >"$OUT" 2>&1; sed "s/^/# /" "$OUT"; }   # the output stays in the log, as comments
said() { grep -qF -- "$1" "$OUT"; }
check() {  # description command...
  if "${@:2}"; then echo "ok - $1"; else echo "not ok - $1"; FAILED=1; sed 's/^/    | /' "$OUT"; fi
}
kc_url="http://localhost:$KEYCLOAK_PORT/realms/studio/.well-known/openid-configuration"
ready_url="http://localhost:$STUDIO_PORT/q/health/ready"
elapsed() { echo "$((SECONDS - $1)) s"; }

if [ -n "${HEAL_TEST_KEYCLOAK:-}" ]; then
  mkdir -p "$HOME_DIR/keycloak-$KC_VERSION"
  (cd "$HEAL_TEST_KEYCLOAK" && tar --exclude=./data -cf - .) | (cd "$HOME_DIR/keycloak-$KC_VERSION" && tar -xf -)
fi

t=$SECONDS
studio run
check "first run starts all three ($(elapsed "$t"))" eval 'said "PostgreSQL was not running: started on :$STUDIO_DB_PORT" &&
  said "Keycloak was not running: started on :$KEYCLOAK_PORT" && said "Studio was not running: started on :$STUDIO_PORT"'
check "Studio is ready" http_ok "$ready_url"
studio_pid=$(pid_of "$HOME_DIR/studio.pid") pg_pid=$(pid_of "$HOME_DIR/pg/data/postmaster.pid")

# Keycloak crashes: its java dies (kc.sh, its parent, then exits).
kc_pid=$(pid_of "$HOME_DIR/keycloak.pid")
kc_java=$(pgrep -g "$kc_pid" java || echo "$kc_pid")
kill -KILL $kc_java
for _ in $(seq 1 30); do http_ok "$kc_url" || break; sleep 1; done
check "Keycloak no longer answers after the kill" eval '! http_ok "$kc_url"'
studio status
check "status says Keycloak crashed or was killed" said "keycloak  stopped (crashed or killed: pid $kc_pid is gone)"

t=$SECONDS
studio run
check "second run succeeds and prints the banner ($(elapsed "$t"))" said "Studio is running:   http://localhost:$STUDIO_PORT"
check "it says PostgreSQL was already running" said "PostgreSQL already running on :$STUDIO_DB_PORT"
check "it says Keycloak was not running and that it started it" said "Keycloak was not running: started on :$KEYCLOAK_PORT"
check "it says Studio was already running" said "Studio already running on :$STUDIO_PORT"
check "Keycloak answers again" http_ok "$kc_url"
check "PostgreSQL and Studio are the same processes as before" eval '[ "$(pid_of "$HOME_DIR/studio.pid")" = "$studio_pid" ] &&
  [ "$(pid_of "$HOME_DIR/pg/data/postmaster.pid")" = "$pg_pid" ]'
token=$("$ROOT/studio" token qa-lead 2>"$OUT")
check "a demo user signs in again (token from Keycloak, accepted by Studio's API)" eval '[ -n "$token" ] &&
  [ "$(curl -s -o /dev/null -w "%{http_code}" -H "Authorization: Bearer $token" "http://localhost:$STUDIO_PORT/api/milestones")" = 200 ]'
check "Studio is ready" http_ok "$ready_url"

studio stop
studio status
check "stop stops all three" eval 'said "studio    stopped" && said "keycloak  stopped" && said "postgres  stopped"'
check "their ports are free" eval '! port_in_use "$STUDIO_PORT" && ! port_in_use "$KEYCLOAK_PORT" && ! port_in_use "$STUDIO_DB_PORT"'

exit "$FAILED"
