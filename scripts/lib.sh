# Shared by the launcher's scripts (and bench/run): settings, messages, ports, and starting and stopping the
# long-running servers. Sourced, never run.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="${STUDIO_HOME:-$ROOT/.studio}"
STUDIO_PORT="${STUDIO_PORT:-8080}"
KEYCLOAK_PORT="${KEYCLOAK_PORT:-8180}"
KC_VERSION="26.7.3"
KC_HOME="$STATE/keycloak-$KC_VERSION"
REALM_FILE="$ROOT/keycloak/studio-realm.json"
DEMO_PASSWORD="demo"
DEMO_USERS=(product-owner product-owner-2 qa-lead qa-lead-2 domain-architect security-officer compliance-officer platform-admin auditor)

say()  { printf '\033[1;34m==>\033[0m %s\n' "$*"; }
warn() { printf '\033[1;33mwarning:\033[0m %s\n' "$*" >&2; }
die()  { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

is_root() { [ "$(id -u)" = "0" ]; }
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

free_port() {  # first free TCP port from $1
  local p="$1"
  while port_in_use "$p"; do p=$((p + 1)); done
  echo "$p"
}

wait_http() {  # url timeout-seconds what [pidfile: give up as soon as that process is gone]
  local url="$1" limit="$2" what="$3" pidfile="${4:-}" i=0
  until curl -fsS -o /dev/null "$url" 2>/dev/null; do
    i=$((i + 1))
    [ "$i" -ge "$limit" ] && return 1
    if [ -n "$pidfile" ] && ! pid_alive "$pidfile"; then return 1; fi
    sleep 1
  done
  say "$what is up ($i s)"
}

# Start a long-running server in its own session (so `stop` can signal the whole group), detached from our
# stdout. The process writes its own pid: after exec it is the server itself.
launch() {  # pidfile logfile dir command...
  local pidfile="$1" log="$2" dir="$3"; shift 3
  rm -f "$pidfile"
  ( cd "$dir" && exec setsid bash -c 'echo $$ > "$0"; exec "$@"' "$pidfile" "$@" ) </dev/null >"$log" 2>&1 &
  for _ in $(seq 1 100); do [ -s "$pidfile" ] && return 0; sleep 0.1; done
  die "could not start $1"
}

stop_pidfile() {  # pidfile what
  pid_alive "$1" || { rm -f "$1"; return 0; }
  local pid; pid=$(cat "$1")
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  rm -f "$1"
  say "stopped $2"
}
