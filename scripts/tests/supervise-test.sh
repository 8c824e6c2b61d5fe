#!/usr/bin/env bash
# How `./studio run` heals a server, checked in seconds: Python's http.server stands in for PostgreSQL, Keycloak,
# the mail catcher and Studio and goes through the same functions (heal, launch, pid_alive, stop_pidfile). Also: the
# dispatcher's commands, bench/run's use of it, and the mail catcher's ports and wiring. Prints "ok - ..." or "not ok - ..." per check; exits 1 when one failed.
# The real stack's healing is scripts/tests/heal-test.sh.
set -uo pipefail
# shellcheck source=../../studio
source "$(dirname "${BASH_SOURCE[0]}")/../../studio"
set +e
command -v python3 >/dev/null 2>&1 || apt_install python3 >/dev/null || die "these tests need python3"

WORK=$(mktemp -d /tmp/studio-supervise-test.XXXXXX)
PORT=$(free_port 19480)
HEAL_GRACE=1
FAILED=0
OTHERS=()
cleanup() {
  stop_pidfile "$WORK/fake.pid" fake >/dev/null
  for p in "${OTHERS[@]}"; do kill "$p" 2>/dev/null; done
  rm -rf "$WORK"
}
trap cleanup EXIT

# The stand-in server, with the five functions supervise.sh expects of a key.
fake_pid() { pid_of "$WORK/fake.pid"; }
fake_alive() { pid_alive "$WORK/fake.pid"; }
fake_answers() { http_ok "http://127.0.0.1:$PORT/"; }
fake_stop() { stop_pidfile "$WORK/fake.pid" fake; }
fake_start() {
  launch "$WORK/fake.pid" "$WORK/fake.log" "$WORK" python3 -m http.server --bind 127.0.0.1 "$PORT"
  wait_http "http://127.0.0.1:$PORT/" 20 "fake" "$WORK/fake.pid" || die "the stand-in did not start"
}

heal_fake() {  # [allowance]: heal in a subshell (die ends only that), output in $WORK/out
  (heal Fake fake "$PORT" FAKE_PORT "${1:-2}") >"$WORK/out" 2>&1
}
said() { grep -qF -- "$1" "$WORK/out"; }
check() {  # description command...
  if "${@:2}"; then echo "ok - $1"; else echo "not ok - $1"; FAILED=1; sed 's/^/    | /' "$WORK/out"; fi
}
ended() { local s; s=$(ps -o stat= -p "$1" 2>/dev/null); [ -z "$s" ] || [[ "$s" == Z* ]]; }   # gone, or a zombie we have not reaped yet
older_than() { while [ "$(pid_age "$(fake_pid)")" -lt "$1" ]; do sleep 0.2; done; }

# -- absent: no pid file, the port free
heal_fake
check "a server that never ran is started and says so" said "Fake was not running: started on :$PORT"
check "it answers" fake_answers
first=$(fake_pid)

# -- up
heal_fake
check "a running, answering server is left alone" said "Fake already running on :$PORT"
check "same process as before" test "$(fake_pid)" = "$first"

# -- gone: the process was killed, its pid file stays behind
kill -KILL -- "-$first"; until ended "$first"; do sleep 0.1; done
check "status calls a killed server stopped, naming its pid" eval 'status_line fake fake 2 "" | grep -q "stopped (crashed or killed: pid $first is gone)"'
heal_fake
check "a killed server is named as gone" said "its pid file names process $first, which is gone"
check "and started again" said "Fake was not running: started on :$PORT"
check "it answers again, as a new process" eval 'fake_answers && [ "$(fake_pid)" != "$first" ]'

# -- silent: alive but not answering (SIGSTOP), older than its start allowance
hung=$(fake_pid); older_than 2
kill -STOP "$hung"
check "status calls a hung server not answering" eval 'status_line fake fake 2 "" | grep -q "not answering (pid $hung)"'
heal_fake 2
check "a hung server is named and restarted" said "Fake (pid $hung) is running but does not answer on :$PORT: restarting it"
check "the output says it was restarted" said "Fake was not answering: restarted on :$PORT"
check "the hung process is gone, a new one answers" eval 'ended "$hung" && fake_answers && [ "$(fake_pid)" != "$hung" ]'

# -- starting: alive, not answering yet, younger than its allowance: waited for, not restarted
fake_stop >/dev/null
launch "$WORK/fake.pid" "$WORK/fake.log" "$WORK" bash -c "sleep 3; exec python3 -m http.server --bind 127.0.0.1 $PORT"
starting=$(fake_pid)
heal_fake 60
check "a server still starting is waited for" said "Fake (pid $starting) is still starting: waiting for it"
check "then counts as running, not restarted" eval 'said "Fake already running on :$PORT" && [ "$(fake_pid)" = "$starting" ]'

# -- starting, then dying before it answers: counted as gone and started again
fake_stop >/dev/null
launch "$WORK/fake.pid" "$WORK/fake.log" "$WORK" bash -c "sleep 2; exit 1"
dying=$(fake_pid)
heal_fake 60
check "a server that dies while starting is named as gone" said "its pid file names process $dying, which is gone"
check "and started again" eval 'said "Fake was not running: started on :$PORT" && fake_answers'

# -- a pid file naming a process that is not ours (the pid was reused after a crash or reboot)
fake_stop >/dev/null
sleep 300 & stranger=$!; OTHERS+=("$stranger")
echo "$stranger" >"$WORK/fake.pid"
heal_fake
check "a pid file naming someone else's process counts as gone" said "its pid file names process $stranger, which is gone"
check "the stand-in is started anew" said "Fake was not running: started on :$PORT"
check "the other process is left alone" kill -0 "$stranger"

# -- the port is taken by a program that is not ours
fake_stop >/dev/null
python3 -m http.server --bind 127.0.0.1 "$PORT" >/dev/null 2>&1 & other=$!; OTHERS+=("$other")
until http_ok "http://127.0.0.1:$PORT/"; do sleep 0.1; done
check "a port held by another program is refused, naming the variable to set" eval '! heal_fake && said "port $PORT (Fake) is in use by another program; set FAKE_PORT"'
check "that program is left running" kill -0 "$other"
kill "$other"

# -- the dispatcher and bench/run
root=$(dirname "${BASH_SOURCE[0]}")/../..
"$root/studio" help >"$WORK/out" 2>&1
lists_every_command() { local c; for c in run stop status token test bench logs; do said "./studio $c" || return 1; done; }
check "./studio help lists every command" lists_every_command
check "./studio with an unknown command fails" eval '! "$root/studio" nonsense >"$WORK/out" 2>&1 && said "unknown command"'
STUDIO_HOME="$WORK/empty" "$root/studio" status >"$WORK/out" 2>&1
check "./studio status on a fresh home: all stopped" eval 'said "studio    stopped" && said "keycloak  stopped" &&
  said "mail      stopped" && said "postgres  stopped"'
check "./studio token without a user prints its usage" eval '! "$root/studio" token >"$WORK/out" 2>&1 && said "usage: ./studio token"'
check "bench/run still finds the launcher's functions" eval '"$root/bench/run" --help >"$WORK/out" 2>&1 && said "--scale S"'
"$root/studio" logs nonsense >"$WORK/out" 2>&1
check "./studio logs names the mail catcher's log" said "studio | keycloak | postgres | mail"

# -- run's mail catcher: its ports, and what Studio and the banner are told
mail_ports() {  # [VAR=value...]: mail_locate create in a fresh subshell on $WORK/mailhome, prints the ports
  (unset STUDIO_SMTP_PORT STUDIO_MAIL_WEB_PORT; for a in "$@"; do export "${a?}"; done
   STATE="$WORK/mailhome"; mail_locate create; echo "$SMTP_PORT $MAIL_WEB_PORT")
}
check "the mail catcher's ports: first free from 1025 and 1080 on a fresh home" \
  test "$(mail_ports)" = "$(free_port 1025) $(free_port 1080)"
echo "4025 4080" >"$WORK/mailhome/mail.ports"
check "then the recorded ones, as the database's port" test "$(mail_ports)" = "4025 4080"
check "STUDIO_SMTP_PORT and STUDIO_MAIL_WEB_PORT move them" \
  test "$(mail_ports STUDIO_SMTP_PORT=4125 STUDIO_MAIL_WEB_PORT=4180)" = "4125 4180"
check "and are remembered" test "$(cat "$WORK/mailhome/mail.ports")" = "4125 4180"
(SMTP_PORT=4125 MAIL_WEB_PORT=4180; studio_mail_env "$SMTP_PORT" "$(mail_inbox_url)"; env) >"$WORK/out"
check "Studio is told the catcher's SMTP host and port and its inbox URL" eval 'said "QUARKUS_MAILER_HOST=127.0.0.1" &&
  said "QUARKUS_MAILER_PORT=4125" && said "STUDIO_MAIL_INBOX_URL=http://localhost:4180"'
(SMTP_PORT=4125 MAIL_WEB_PORT=4180; print_banner) >"$WORK/out"
check "the banner names the inbox" said "Mail:                http://localhost:4180   (every email Studio sends lands here)"
(SMTP_PORT="" MAIL_WEB_PORT=""; print_banner) >"$WORK/out"
check "without a mail catcher the banner says so" said "Mail:                none: maildev could not be installed"

exit "$FAILED"
