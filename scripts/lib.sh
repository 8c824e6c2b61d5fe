# shellcheck shell=bash disable=SC2034  # the settings here are used by the other scripts
# Shared by the launcher's scripts (and bench/run): settings, messages, ports, and starting and stopping the
# long-running servers. Sourced, never run.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Absolute, so pid files stay valid after launch changes directory.
STATE="$(realpath -ms "${STUDIO_HOME:-$ROOT/.studio}")"
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
http_ok() { curl -fsS -m 5 -o /dev/null "$1" 2>/dev/null; }

# A port is taken when something answers on it, or when any socket (a client's outgoing connection included, which
# no connect test sees) already holds it as its local port: the kernel's table says so for every state.
port_held() {
  local hex; hex=$(printf ':%04X ' "$1")
  cat /proc/net/tcp /proc/net/tcp6 2>/dev/null | awk -v h="$hex" 'index($2 " ", h) { found = 1 } END { exit !found }'
}

free_port() {  # first free TCP port from $1
  local p="$1"
  while port_in_use "$p" || port_held "$p"; do p=$((p + 1)); done
  echo "$p"
}

wait_http() {  # url timeout-seconds what [pidfile: give up as soon as that process is gone]
  local url="$1" limit="$2" what="$3" pidfile="${4:-}" i=0
  until http_ok "$url"; do
    i=$((i + 1))
    [ "$i" -ge "$limit" ] && return 1
    if [ -n "$pidfile" ] && ! pid_alive "$pidfile"; then return 1; fi
    sleep 1
  done
  say "$what is up ($i s)"
}

# Start a long-running server in its own session (so `stop` can signal the whole group), detached from our
# stdout. The process writes its own pid: after exec it is the server itself. STUDIO_PIDFILE in its environment
# (inherited by its children) marks it as ours.
launch() {  # pidfile logfile dir command...
  local pidfile="$1" log="$2" dir="$3"; shift 3
  rm -f "$pidfile"
  ( cd "$dir" && export STUDIO_PIDFILE="$pidfile" && exec setsid bash -c 'echo $$ > "$0"; exec "$@"' "$pidfile" "$@" ) </dev/null >"$log" 2>&1 &
  for _ in $(seq 1 100); do [ -s "$pidfile" ] && return 0; sleep 0.1; done
  die "could not start $1"
}

pid_of() { head -n 1 "$1" 2>/dev/null || true; }   # pidfile -> pid, empty when there is none

# A pid file's server lives while its process, or once that process is gone any process of its group (kc.sh's
# java outlives a killed kc.sh), carries launch's mark. After a crash or a reboot the kernel may give the pid to
# another program: that one is never taken for ours, never signalled.
pid_alive() {  # pidfile
  local pid p; pid=$(pid_of "$1")
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  marked "$pid" "$1" && return 0
  for p in $(pgrep -g "$pid" 2>/dev/null); do marked "$p" "$1" strict && return 0; done
  return 1
}

marked() {  # pid pidfile [strict]
  [ -d /proc/self ] || { kill -0 "$1" 2>/dev/null; return; }
  local env; env=$(tr '\0' '\n' 2>/dev/null <"/proc/$1/environ") || return 1
  [[ $'\n'"$env"$'\n' == *$'\n'"STUDIO_PIDFILE=$2"$'\n'* ]] && return 0
  # A server an older ./studio started carries no mark: the java or kc.sh its pid file names counts as ours.
  [ -z "${3:-}" ] && [[ "$env" != *STUDIO_PIDFILE=* ]] && grep -qa -e java -e kc.sh "/proc/$1/cmdline" 2>/dev/null
}

pid_age() {  # pid -> seconds since it started (a large number when unknown)
  local s; s=$(ps -o etimes= -p "$1" 2>/dev/null | tr -d ' ')
  echo "${s:-999999}"
}

stop_pidfile() {  # pidfile what
  pid_alive "$1" || { rm -f "$1"; return 0; }
  local pid; pid=$(pid_of "$1")
  # CONT after TERM: a stopped (hung) process acts on the TERM at once instead of waiting for the KILL.
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  kill -CONT -- "-$pid" 2>/dev/null || true
  for _ in $(seq 1 30); do pid_alive "$1" || break; sleep 1; done
  pid_alive "$1" && { kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true; }
  rm -f "$1"
  say "stopped $2"
}
