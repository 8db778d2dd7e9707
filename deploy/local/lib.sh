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
WEB_CLIENT_SECRET="${WEB_CLIENT_SECRET:-web-dev-secret}"
# Dev only: the key that seals webhook signing secrets at rest (base64 of 32 bytes). A deployment sets its own;
# changing it makes the existing subscriptions unusable (their secrets cannot be unsealed).
DEV_WEBHOOKS_SECRET_KEY="t3Y34NeIVBFnqOUbjhJFhO7WvJF/nRWpeWwIFpibczg="
PARTNER_SYSTEM_SECRET="partner-system-dev-secret"

GATEWAY_PORT=8080
DIRECTORY_PORT=8081
REFERRAL_PORT=8082
# The web application: browsers reach it through the gateway (http://localhost:8080/), never on its own port.
WEB_PORT=8083
# Management interfaces (health, metrics), on 127.0.0.1 only and never routed by the gateway.
GATEWAY_MANAGEMENT_PORT=9080
DIRECTORY_MANAGEMENT_PORT=9081
REFERRAL_MANAGEMENT_PORT=9082
WEB_MANAGEMENT_PORT=9083
# The SMTP sink (GreenMail standalone, version from the parent pom): referral-service sends its e-mail there, and
# deploy/local/mails reads it back through GreenMail's REST API. Nothing ever leaves the machine.
SMTP_PORT="${PASSERELLE_SMTP_PORT:-2525}"
SMTP_API_PORT="${PASSERELLE_SMTP_API_PORT:-8025}"
GREENMAIL_VERSION="$(sed -n 's:.*<greenmail.version>\(.*\)</greenmail.version>.*:\1:p' "$ROOT/pom.xml" | head -n 1)"
GREENMAIL_JAR="$RUN/cache/greenmail-standalone-$GREENMAIL_VERSION.jar"
# Links in e-mails point to the web application, served by the gateway.
WEB_BASE_URL="${PASSERELLE_WEB_BASE_URL:-http://localhost:$GATEWAY_PORT}"
# Database names: the benchmarks (bench/run) use their own, so synthetic data never mixes with the dev stack's.
DIRECTORY_DB="${PASSERELLE_DIRECTORY_DB:-directory}"
REFERRAL_DB="${PASSERELLE_REFERRAL_DB:-referral}"

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

# Where the parts write their spans (PASSERELLE_SPAN_EXPORT=log, the default here) or not (none).
SPAN_EXPORT="${PASSERELLE_SPAN_EXPORT:-log}"

# span_file NAME: the OTLP-JSON span file of a part.
span_file() {
  printf '%s' "$LOGS/spans-$1.jsonl"
}

# management_port NAME: the port of the part's management interface (/q/health/*, /q/metrics).
management_port() {
  case "$1" in
    directory-service) printf '%s' "$DIRECTORY_MANAGEMENT_PORT" ;;
    referral-service) printf '%s' "$REFERRAL_MANAGEMENT_PORT" ;;
    gateway) printf '%s' "$GATEWAY_MANAGEMENT_PORT" ;;
    web) printf '%s' "$WEB_MANAGEMENT_PORT" ;;
    *) die "unknown part: $1" ;;
  esac
}

# service_env NAME [PORT]: the environment (VAR=VALUE words) a part of the stack runs with; start and
# bench/run (which starts extra instances to time start-up) use the same. Needs PG_* resolved by the caller.
service_env() {
  local name="$1" port="${2:-}" pg_base="jdbc:postgresql://$PG_HOST:$PG_PORT"
  # Quarkus reads an empty variable as unset, and Flyway needs a password for its own connection:
  # under trust authentication (the machine's PostgreSQL, the embedded one) any word will do.
  local pg_password="${PG_PASSWORD:-trust-auth-ignores-this}"
  # glibc gives each thread that mallocs its own arena (up to 8 per core), which the JIT and Netty threads fill
  # and never return: two arenas keep the resident size down (bench/README.md: memory).
  printf '%s\n' "MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}" "MANAGEMENT_PORT=$(management_port "$name")"
  # Traces: each part appends its spans, as OTLP-JSON lines, to its own file (deploy/local/trace reads them); within a
  # second of the request. PASSERELLE_SPAN_EXPORT=none keeps the ids in the logs and writes no span.
  case "$name" in
    directory-service | referral-service | gateway)
      printf '%s\n' "SPAN_EXPORT=$SPAN_EXPORT" "SPAN_FILE=$(span_file "$name")" "QUARKUS_OTEL_BSP_SCHEDULE_DELAY=1s" ;;
  esac
  case "$name" in
    directory-service)
      printf '%s\n' "PORT=${port:-$DIRECTORY_PORT}" "DIRECTORY_DB_URL=$pg_base/$DIRECTORY_DB" "DIRECTORY_DB_USER=$PG_USER" \
        "DIRECTORY_DB_PASSWORD=$pg_password" "OIDC_AUTH_SERVER_URL=$ISSUER" "SEEDS_DIR=$ROOT/seeds" ;;
    referral-service)
      printf '%s\n' "PORT=${port:-$REFERRAL_PORT}" "REFERRAL_DB_URL=$pg_base/$REFERRAL_DB" "REFERRAL_DB_USER=$PG_USER" \
        "REFERRAL_DB_PASSWORD=$pg_password" "DIRECTORY_URL=http://127.0.0.1:$DIRECTORY_PORT" "OIDC_AUTH_SERVER_URL=$ISSUER" \
        "REFERRAL_CLIENT_SECRET=$REFERRAL_CLIENT_SECRET" "KEYCLOAK_ADMIN_URL=$KC_URL/admin/realms/$REALM" \
        "REFERRAL_WEBHOOKS_ALLOW_INSECURE_LOOPBACK=true" \
        "REFERRAL_WEBHOOKS_SECRET_KEY=${REFERRAL_WEBHOOKS_SECRET_KEY:-$DEV_WEBHOOKS_SECRET_KEY}" \
        "SMTP_HOST=127.0.0.1" "SMTP_PORT=$SMTP_PORT" "WEB_BASE_URL=$WEB_BASE_URL" ;;
    gateway)
      printf '%s\n' "PORT=${port:-$GATEWAY_PORT}" "DIRECTORY_URL=http://127.0.0.1:$DIRECTORY_PORT" \
        "REFERRAL_URL=http://127.0.0.1:$REFERRAL_PORT" "OIDC_AUTH_SERVER_URL=$ISSUER" \
        "DIRECTORY_MANAGEMENT_URL=http://127.0.0.1:$DIRECTORY_MANAGEMENT_PORT" \
        "REFERRAL_MANAGEMENT_URL=http://127.0.0.1:$REFERRAL_MANAGEMENT_PORT" \
        "WEB_URL=http://127.0.0.1:$WEB_PORT" "WEB_MANAGEMENT_URL=http://127.0.0.1:$WEB_MANAGEMENT_PORT" ;;
    web)
      # It calls the public API through the gateway with the user's token, as any client does.
      printf '%s\n' "PORT=${port:-$WEB_PORT}" "OIDC_AUTH_SERVER_URL=$ISSUER" "WEB_CLIENT_SECRET=$WEB_CLIENT_SECRET" \
        "PASSERELLE_API_URL=http://127.0.0.1:$GATEWAY_PORT" ;;
    *) die "unknown part: $name" ;;
  esac
}

# The JVM that runs the parts (services, gateway, web): PASSERELLE_JAVA_HOME if set, else the java on the PATH.
# The build stays on the PATH's JDK 17 (Maven); its jars run on any newer JDK, e.g.
#   PASSERELLE_JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 deploy/local/start
# The tools around them (embedded PostgreSQL, GreenMail, the bench) keep the PATH's java.
if [ -n "${PASSERELLE_JAVA_HOME:-}" ]; then
  JAVA_BIN="$PASSERELLE_JAVA_HOME/bin/java"
else
  JAVA_BIN="$(command -v java 2>/dev/null || printf java)"
fi
JAVA_VERSION_LINE=""

# java_resolve: runs $JAVA_BIN once and keeps its version line for the functions below (start and bench/run call
# it; without it, each call asks the JVM again).
java_resolve() {
  [ -x "$JAVA_BIN" ] || die "no java at $JAVA_BIN (PASSERELLE_JAVA_HOME=${PASSERELLE_JAVA_HOME:-unset})"
  JAVA_VERSION_LINE="$("$JAVA_BIN" -version 2>&1 | head -n 1)"
}

# java_version_line: the first line of `$JAVA_BIN -version`, e.g. openjdk version "25.0.3" 2026-04-21 LTS.
java_version_line() {
  if [ -n "$JAVA_VERSION_LINE" ]; then printf '%s' "$JAVA_VERSION_LINE"; else "$JAVA_BIN" -version 2>&1 | head -n 1; fi
}

# java_feature: the feature release of $JAVA_BIN (17, 25, ...); 0 if it cannot be run.
java_feature() {
  local v
  v="$(java_version_line | sed -n 's/^[^"]*"\([0-9]*\).*/\1/p')"
  printf '%s' "${v:-0}"
}

# java_base_opts NAME: heap, GC and object layout of a part, without any class-data archive: what the AOT training
# run uses too (an AOT cache only loads into a JVM with the same layout flags).
java_base_opts() {
  if [ "$1" = gateway ]; then printf '%s' "$GATEWAY_JAVA_OPTS"; else printf '%s' "$SERVICE_JAVA_OPTS"; fi
  # JEP 519 (product flag from JDK 25): 8-byte object headers instead of 12, a smaller heap for the same objects.
  [ "$(java_feature)" -lt 25 ] || [ "${PASSERELLE_COMPACT_HEADERS:-yes}" = no ] || printf ' %s' "-XX:+UseCompactObjectHeaders"
}

# aot_stamp NAME: what an AOT cache was made with (JVM and options); a cache made otherwise is remade.
aot_stamp() {
  printf '%s | %s' "$(java_version_line)" "$(java_base_opts "$1")"
}

# aot_cache_fresh NAME: true if the part's AOT cache exists, is newer than every jar of the part and was made by
# this JVM with these options.
aot_cache_fresh() {
  local app="$ROOT/$1/target/quarkus-app"
  [ -f "$app/app.aot" ] && [ -f "$app/app.aot.stamp" ] || return 1
  [ "$(cat "$app/app.aot.stamp")" = "$(aot_stamp "$1")" ] || return 1
  [ -z "$(find "$app" -name '*.jar' -newer "$app/app.aot" 2>/dev/null | head -n 1)" ]
}

# java_opts NAME: the JVM options of a part (the single place that yields them: start, bench/run, the bench's
# start-up figure): heap and GC, a marker naming its jar (the pid checks look for it), and its class-data archive.
# On JDK 25+, the AOT cache (JEP 483/514/515: classes loaded and linked, method profiles) that deploy/local/start
# trains on first start; below 25, the AppCDS archive the build made (about 15 % off start-up). Either records the
# class path as quarkus-run.jar: a part runs from its own folder. An archive is JDK-specific: the build's JDK 17
# one is never passed to another release.
java_opts() {
  local app="$ROOT/$1/target/quarkus-app" feature
  feature="$(java_feature)"
  java_base_opts "$1"
  printf ' %s' "-Dstack.part=$app/quarkus-run.jar"
  if [ "$feature" -ge 25 ]; then
    [ ! -f "$app/app.aot" ] || [ "${PASSERELLE_AOT:-yes}" = no ] || printf ' %s' "-XX:AOTCache=app.aot"
  else
    [ ! -f "$app/app-cds.jsa" ] || printf ' %s' "-XX:SharedArchiveFile=app-cds.jsa -Xshare:auto"
  fi
}

# fetch_greenmail: the GreenMail standalone jar, from Maven Central once (cached under $RUN/cache).
fetch_greenmail() {
  [ -n "$GREENMAIL_VERSION" ] || die "no <greenmail.version> in $ROOT/pom.xml"
  [ -f "$GREENMAIL_JAR" ] && return 0
  mkdir -p "$RUN/cache" "$LOGS"
  say "    fetching com.icegreen:greenmail-standalone:$GREENMAIL_VERSION from Maven Central (once)"
  (cd "$ROOT" && ./mvnw -B -q -N dependency:copy \
    -Dartifact="com.icegreen:greenmail-standalone:$GREENMAIL_VERSION" -DoutputDirectory="$RUN/cache") \
    >"$LOGS/greenmail-fetch.log" 2>&1 || { log_tail "$LOGS/greenmail-fetch.log"; die "could not fetch GreenMail"; }
}

# smtp_sink_start: GreenMail on 127.0.0.1:$SMTP_PORT (SMTP, any sender and recipient, no authentication) with its
# REST API on 127.0.0.1:$SMTP_API_PORT; waits until both answer. Idempotent.
smtp_sink_start() {
  local pidfile="$RUN/pids/smtp-sink.pid" pid t=$SECONDS p
  mkdir -p "$RUN/pids" "$LOGS"
  if pid=$(pid_alive "$pidfile" greenmail-standalone); then
    step "SMTP sink already running (pid $pid) on 127.0.0.1:$SMTP_PORT (API $SMTP_API_PORT)"
    return 0
  fi
  for p in "$SMTP_PORT" "$SMTP_API_PORT"; do
    ! port_open 127.0.0.1 "$p" || die "port $p (SMTP sink) is in use by a process that deploy/local/start did not start"
  done
  step "SMTP sink (GreenMail $GREENMAIL_VERSION) on 127.0.0.1:$SMTP_PORT, API 127.0.0.1:$SMTP_API_PORT — log: $LOGS/smtp-sink.log"
  fetch_greenmail
  nohup java -Xms16m -Xmx64m -XX:+UseSerialGC \
    -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$SMTP_PORT" \
    -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$SMTP_API_PORT" \
    -Dgreenmail.auth.disabled -jar "$GREENMAIL_JAR" >"$LOGS/smtp-sink.log" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$pidfile"
  until port_open 127.0.0.1 "$SMTP_PORT" && curl -sf -o /dev/null --max-time 2 "http://127.0.0.1:$SMTP_API_PORT/api/service/readiness"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      log_tail "$LOGS/smtp-sink.log"
      rm -f "$pidfile"
      die "the SMTP sink exited"
    fi
    [ $((SECONDS - t)) -lt "$START_TIMEOUT" ] || { log_tail "$LOGS/smtp-sink.log"; die "the SMTP sink did not start in ${START_TIMEOUT}s"; }
    sleep 0.5
  done
  say "    ready in $((SECONDS - t))s (deploy/local/mails prints what it received)"
}

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
