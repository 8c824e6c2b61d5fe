# shellcheck shell=bash
# How `./studio run` keeps the stack whole: each server (PostgreSQL, Keycloak, Studio) is checked on its own and
# started when it is not running, restarted when it runs but does not answer. Sourced by ./studio.
#
# A server is a key with five functions: <key>_pid (from its pid file, empty when none), <key>_alive (that
# process is ours and still runs), <key>_answers (its health check), <key>_start, <key>_stop.

HEAL_GRACE="${STUDIO_HEAL_GRACE:-5}"   # seconds a running server may take to answer before it counts as hung

# One of: up (ours, alive, answers), starting (alive, silent, younger than its start allowance), silent (alive,
# silent past its allowance and the grace: hung), gone (the pid file names a process that no longer runs: it
# crashed or was killed), absent (no pid file: never started, or stopped).
server_state() {  # key allowance-seconds grace-seconds
  local key="$1" allowance="$2" grace="$3" pid i
  pid=$("${key}_pid")
  [ -n "$pid" ] || { echo absent; return; }
  "${key}_alive" || { echo gone; return; }
  "${key}_answers" && { echo up; return; }
  [ "$(pid_age "$pid")" -lt "$allowance" ] && { echo starting; return; }
  for ((i = 0; i < grace; i++)); do sleep 1; "${key}_answers" && { echo up; return; }; done
  echo silent
}

wait_answer() {  # key seconds: until it answers, as long as it lives
  local i
  for ((i = 0; i < $2; i++)); do
    "${1}_answers" && return 0
    "${1}_alive" || return 1
    sleep 1
  done
  "${1}_answers"
}

# Leaves the server running and answering, and says what it found and what it did.
heal() {  # name key port port-variable allowance-seconds
  local name="$1" key="$2" port="$3" var="$4" allowance="$5" pid state
  pid=$("${key}_pid")
  state=$(server_state "$key" "$allowance" "$HEAL_GRACE")
  if [ "$state" = starting ]; then
    say "$name (pid $pid) is still starting: waiting for it"
    if wait_answer "$key" $((allowance - $(pid_age "$pid"))); then state=up
    elif "${key}_alive"; then state=silent
    else state=gone; fi
  fi
  case "$state" in
    up) say "$name already running on :$port"; return 0 ;;
    silent) warn "$name (pid $pid) is running but does not answer on :$port: restarting it"; "${key}_stop" ;;
    gone) warn "$name is not running: its pid file names process $pid, which is gone (crashed or killed)" ;;
  esac
  ! port_in_use "$port" || die "port $port ($name) is in use by another program; set $var to a free port or free it"
  "${key}_start"
  if [ "$state" = silent ]; then say "$name was not answering: restarted on :$port"
  else say "$name was not running: started on :$port"; fi
}
