# shellcheck shell=bash
# Shared settings and helpers of deploy/local/{start,stop,token}. Sourced, never run.

LOCAL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$LOCAL_DIR/../.." && pwd)"
RUN="${PASSERELLE_RUN_DIR:-$LOCAL_DIR/run}"
LOGS="$RUN/logs"

KC_VERSION="26.7.3"
KC_HOME="$RUN/keycloak-$KC_VERSION"
KC_PORT=8180
KC_MGMT_PORT=9180
KC_URL="http://localhost:$KC_PORT"
REALM="passerelle"
ISSUER="$KC_URL/realms/$REALM"
# Dev-only credentials: the master realm's bootstrap admin and the confidential clients' secrets.
KC_ADMIN_USER="${PASSERELLE_KC_ADMIN_USER:-admin}"
KC_ADMIN_PASSWORD="${PASSERELLE_KC_ADMIN_PASSWORD:-admin}"
REFERRAL_CLIENT_SECRET="${REFERRAL_CLIENT_SECRET:-referral-service-dev-secret}"
PARTNER_SYSTEM_SECRET="partner-system-dev-secret"

GATEWAY_PORT=8080
DIRECTORY_PORT=8081
REFERRAL_PORT=8082

# PostgreSQL: PASSERELLE_PG_* first, then the libpq variables, then the defaults.
PG_HOST="${PASSERELLE_PG_HOST:-${PGHOST:-127.0.0.1}}"
PG_PORT="${PASSERELLE_PG_PORT:-${PGPORT:-5432}}"
PG_USER="${PASSERELLE_PG_USER:-${PGUSER:-postgres}}"
PG_PASSWORD="${PASSERELLE_PG_PASSWORD:-${PGPASSWORD:-}}"
# A Unix-socket directory in PGHOST means "this machine" for us (JDBC speaks TCP only).
case "$PG_HOST" in /*) PG_HOST=127.0.0.1 ;; esac

# Small heaps with the serial GC: 2-core machines, RSS goals of 150 MB (gateway) and 200 MB (services).
SERVICE_JAVA_OPTS="${PASSERELLE_SERVICE_JAVA_OPTS:--XX:+UseSerialGC -Xms32m -Xmx256m}"
GATEWAY_JAVA_OPTS="${PASSERELLE_GATEWAY_JAVA_OPTS:--XX:+UseSerialGC -Xms16m -Xmx64m}"
START_TIMEOUT="${PASSERELLE_START_TIMEOUT:-240}"

say() { printf '%s\n' "$*"; }
step() { printf '==> %s\n' "$*"; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

# port_open HOST PORT: true if something accepts TCP connections there (bash /dev/tcp, no nc needed).
port_open() {
  (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

# pid_alive PIDFILE MARKER: prints the pid if PIDFILE names a live process whose command line
# contains MARKER (so a recycled pid is never mistaken for ours).
pid_alive() {
  local file="$1" marker="$2" pid cmd
  [ -f "$file" ] || return 1
  pid="$(cat "$file" 2>/dev/null || true)"
  case "$pid" in '' | *[!0-9]*) return 1 ;; esac
  kill -0 "$pid" 2>/dev/null || return 1
  cmd="$(ps -ww -p "$pid" -o command= 2>/dev/null || true)"
  case "$cmd" in *"$marker"*) printf '%s' "$pid" ;; *) return 1 ;; esac
}

# stop_pid PID NAME [GRACE_SECONDS]: SIGTERM, wait, then SIGKILL.
stop_pid() {
  local pid="$1" name="$2" grace="${3:-30}" i
  kill -TERM "$pid" 2>/dev/null || return 0
  for ((i = 0; i < grace * 4; i++)); do
    kill -0 "$pid" 2>/dev/null || { say "    $name stopped (pid $pid)"; return 0; }
    sleep 0.25
  done
  warn "$name (pid $pid) did not stop within ${grace}s: SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
  sleep 0.5
}

log_tail() {
  local file="$1"
  printf -- '----- last lines of %s -----\n' "$file" >&2
  tail -n "${2:-40}" "$file" >&2 2>/dev/null || true
  printf -- '-----\n' >&2
}
