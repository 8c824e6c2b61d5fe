#!/usr/bin/env bash
# `./studio run` heals a partial stack, for real: the stack starts in a private STUDIO_HOME on free ports, Keycloak's
# java is killed (as in a crash), and a second `./studio run` must start Keycloak again, leave PostgreSQL, the mail
# catcher and Studio as they were, say so, and a demo user must be able to sign in again. Then the mail catcher is
# killed and a third run starts only it again, its inbox kept. An email sent to its SMTP port shows up in its REST
# API. Then `./studio stop` stops everything. Prints "ok - ..." or "not ok - ..." per check; exits 1 when one failed.
#
# HEAL_TEST_KEYCLOAK: a Keycloak folder to copy (one that has started once starts in seconds; `./studio test`
# passes its throwaway copy). Without it the launcher fetches and builds its own (a minute or two more). The mail
# catcher the launcher installed under $STUDIO_HOME (or .studio) is reused; without one it is installed from npm.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=../lib.sh
source "$ROOT/scripts/lib.sh"

HOME_DIR=$(mktemp -d /tmp/studio-heal-test.XXXXXX)
chmod 755 "$HOME_DIR"
STUDIO_PORT=$(free_port 18480) KEYCLOAK_PORT=$(free_port 18580) STUDIO_DB_PORT=$(free_port 26932)
STUDIO_SMTP_PORT=$(free_port 22025) STUDIO_MAIL_WEB_PORT=$(free_port 22080)
export STUDIO_HOME="$HOME_DIR" STUDIO_PORT KEYCLOAK_PORT STUDIO_DB_PORT STUDIO_SMTP_PORT STUDIO_MAIL_WEB_PORT STUDIO_MODE=native
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
inbox="http://127.0.0.1:$STUDIO_MAIL_WEB_PORT"
elapsed() { echo "$((SECONDS - $1)) s"; }
send_mail() {  # subject: one email through the catcher's SMTP port, as Studio sends them (plain SMTP, no login)
  printf 'From: studio@localhost\r\nTo: qa-lead@localhost\r\nSubject: %s\r\n\r\nHello from the heal test.\r\n' "$1" >"$HOME_DIR/mail.eml"
  curl -sS -m 10 --url "smtp://127.0.0.1:$STUDIO_SMTP_PORT" --mail-from studio@localhost --mail-rcpt qa-lead@localhost \
    -T "$HOME_DIR/mail.eml" >>"$OUT" 2>&1
}
in_inbox() { curl -fsS -m 5 "$inbox/email" | grep -qF "\"subject\":\"$1\""; }   # subject
loopback_only() {  # port: something listens on it (state 0A), and only on 127.0.0.1 (0100007F), never on all addresses
  local hex; hex=$(printf ':%04X' "$1")
  awk -v h="$hex" '$4 == "0A" && substr($2, length($2) - 4) == h { n++; if ($2 != "0100007F" h) bad = 1 }
    END { exit !(n && !bad) }' /proc/net/tcp /proc/net/tcp6
}
studio_env_has() { tr '\0' '\n' <"/proc/$(pid_of "$HOME_DIR/studio.pid")/environ" | grep -qx -- "$1"; }

if [ -n "${HEAL_TEST_KEYCLOAK:-}" ]; then
  mkdir -p "$HOME_DIR/keycloak-$KC_VERSION"
  (cd "$HEAL_TEST_KEYCLOAK" && tar --exclude=./data -cf - .) | (cd "$HOME_DIR/keycloak-$KC_VERSION" && tar -xf -)
fi
if [ -x "$STATE/tools/maildev/node_modules/.bin/maildev" ]; then   # $STATE: the launcher's home, not this test's
  mkdir -p "$HOME_DIR/tools" && ln -s "$STATE/tools/maildev" "$HOME_DIR/tools/maildev"
fi

t=$SECONDS
studio run
check "first run starts all four ($(elapsed "$t"))" eval 'said "PostgreSQL was not running: started on :$STUDIO_DB_PORT" &&
  said "Keycloak was not running: started on :$KEYCLOAK_PORT" && said "Mail catcher was not running: started on :$STUDIO_SMTP_PORT" &&
  said "Studio was not running: started on :$STUDIO_PORT"'
check "Studio is ready" http_ok "$ready_url"
check "the banner names the mail inbox" said "Mail:                http://localhost:$STUDIO_MAIL_WEB_PORT   (every email Studio sends lands here)"
check "Studio is started with the mail catcher's SMTP port and inbox URL" eval 'studio_env_has QUARKUS_MAILER_HOST=127.0.0.1 &&
  studio_env_has "QUARKUS_MAILER_PORT=$STUDIO_SMTP_PORT" && studio_env_has "STUDIO_MAIL_INBOX_URL=http://localhost:$STUDIO_MAIL_WEB_PORT"'
check "the mail catcher listens on 127.0.0.1 only" eval 'loopback_only "$STUDIO_SMTP_PORT" && loopback_only "$STUDIO_MAIL_WEB_PORT"'
send_mail "first run"
check "an email sent to its SMTP port shows up in GET /email" in_inbox "first run"
studio_pid=$(pid_of "$HOME_DIR/studio.pid") pg_pid=$(pid_of "$HOME_DIR/pg/data/postmaster.pid")
mail_pid=$(pid_of "$HOME_DIR/maildev.pid")

# Keycloak crashes: its java dies (kc.sh, its parent, then exits).
kc_pid=$(pid_of "$HOME_DIR/keycloak.pid")
kc_java=$(pgrep -g "$kc_pid" java || echo "$kc_pid")
kill -KILL $kc_java
for _ in $(seq 1 30); do http_ok "$kc_url" || break; sleep 1; done
check "Keycloak no longer answers after the kill" eval '! http_ok "$kc_url"'
studio status
check "status says Keycloak crashed or was killed" said "keycloak  stopped (crashed or killed: pid $kc_pid is gone)"

# ... and the realm file changed since it last started (an upgrade added a mapper): its database is rebuilt from it.
check "Keycloak's start recorded which realm file it imported" eval '[ "$(cat "$HOME_DIR/keycloak-$KC_VERSION/data/realm.sha256")" = \
  "$(sha256sum <"$ROOT/keycloak/studio-realm.json" | cut -d" " -f1)" ]'
echo "realm file of an older Studio" >"$HOME_DIR/keycloak-$KC_VERSION/data/realm.sha256"

t=$SECONDS
studio run
check "second run succeeds and prints the banner ($(elapsed "$t"))" said "Studio is running:   http://localhost:$STUDIO_PORT"
check "it rebuilds Keycloak's demo database from the changed realm file" said "The demo realm changed (keycloak/studio-realm.json): rebuilding Keycloak's demo database from it"
check "it says PostgreSQL was already running" said "PostgreSQL already running on :$STUDIO_DB_PORT"
check "it says Keycloak was not running and that it started it" said "Keycloak was not running: started on :$KEYCLOAK_PORT"
check "it says Studio was already running" said "Studio already running on :$STUDIO_PORT"
check "it says the mail catcher was already running" said "Mail catcher already running on :$STUDIO_SMTP_PORT"
check "Keycloak answers again" http_ok "$kc_url"
check "PostgreSQL, the mail catcher and Studio are the same processes as before" eval '[ "$(pid_of "$HOME_DIR/studio.pid")" = "$studio_pid" ] &&
  [ "$(pid_of "$HOME_DIR/pg/data/postmaster.pid")" = "$pg_pid" ] && [ "$(pid_of "$HOME_DIR/maildev.pid")" = "$mail_pid" ]'
token=$("$ROOT/studio" token qa-lead 2>"$OUT")
check "a demo user signs in again (token from Keycloak, accepted by Studio's API)" eval '[ -n "$token" ] &&
  [ "$(curl -s -o /dev/null -w "%{http_code}" -H "Authorization: Bearer $token" "http://localhost:$STUDIO_PORT/api/milestones")" = 200 ]'
check "Studio is ready" http_ok "$ready_url"

# The mail catcher crashes.
kill -KILL "$mail_pid"
for _ in $(seq 1 30); do http_ok "$inbox/email" || break; sleep 1; done
check "the mail catcher no longer answers after the kill" eval '! http_ok "$inbox/email"'
studio status
check "status says the mail catcher crashed or was killed" said "mail      stopped (crashed or killed: pid $mail_pid is gone)"
kc_pid=$(pid_of "$HOME_DIR/keycloak.pid")

t=$SECONDS
studio run
check "third run succeeds and prints the banner ($(elapsed "$t"))" said "Studio is running:   http://localhost:$STUDIO_PORT"
check "it says the mail catcher was not running and that it started it" said "Mail catcher was not running: started on :$STUDIO_SMTP_PORT"
check "it says PostgreSQL, Keycloak and Studio were already running" eval 'said "PostgreSQL already running on :$STUDIO_DB_PORT" &&
  said "Keycloak already running on :$KEYCLOAK_PORT" && said "Studio already running on :$STUDIO_PORT"'
check "PostgreSQL, Keycloak and Studio are the same processes as before" eval '[ "$(pid_of "$HOME_DIR/studio.pid")" = "$studio_pid" ] &&
  [ "$(pid_of "$HOME_DIR/pg/data/postmaster.pid")" = "$pg_pid" ] && [ "$(pid_of "$HOME_DIR/keycloak.pid")" = "$kc_pid" ]'
check "the restarted mail catcher still lists the email sent before the crash" in_inbox "first run"
send_mail "after the crash"
check "an email sent after the restart shows up too" in_inbox "after the crash"
studio status
check "status shows the mail catcher running, with its inbox and SMTP port" \
  said "http://localhost:$STUDIO_MAIL_WEB_PORT (SMTP 127.0.0.1:$STUDIO_SMTP_PORT)"

studio stop
studio status
check "stop stops all four" eval 'said "studio    stopped" && said "keycloak  stopped" && said "mail      stopped" && said "postgres  stopped"'
check "their ports are free" eval '! port_in_use "$STUDIO_PORT" && ! port_in_use "$KEYCLOAK_PORT" && ! port_in_use "$STUDIO_DB_PORT" &&
  ! port_in_use "$STUDIO_SMTP_PORT" && ! port_in_use "$STUDIO_MAIL_WEB_PORT"'

exit "$FAILED"
