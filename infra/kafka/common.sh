# shellcheck shell=bash disable=SC2034
# Shared settings for start.sh / wait.sh / stop.sh. Sourced, not executed.
#
# Environment overrides (all optional):
#   KAFKA_VERSION     Kafka release to run (default pinned below; keep in step with pom.xml)
#   KAFKA_DATA_DIR    broker state: KRaft log dirs, config, pid file, logs
#                     (default $HOME/.cache/compute-planner/kafka-data)
#   KAFKA_LIBS_DIR    where Maven copies the broker jars
#                     (default $HOME/.cache/compute-planner/kafka-$KAFKA_VERSION/libs)
#   KAFKA_HEAP_OPTS   JVM heap flags for the broker (default -Xms256m -Xmx768m)
#   KAFKA_JVM_OPTS    extra JVM flags for the broker
#   JAVA_HOME         JDK to use (Java 17+), else `java` on PATH

KAFKA_SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

KAFKA_VERSION="${KAFKA_VERSION:-4.4.0}"
KAFKA_HOST="127.0.0.1"
KAFKA_PORT="9092"
KAFKA_CONTROLLER_PORT="9093"
KAFKA_BOOTSTRAP="${KAFKA_HOST}:${KAFKA_PORT}"

KAFKA_DATA_DIR="${KAFKA_DATA_DIR:-$HOME/.cache/compute-planner/kafka-data}"
KAFKA_LIBS_DIR="${KAFKA_LIBS_DIR:-$HOME/.cache/compute-planner/kafka-${KAFKA_VERSION}/libs}"
# Absolute paths: the pid check matches the broker's command line, and cwd may differ per call.
[[ "$KAFKA_DATA_DIR" == /* ]] || KAFKA_DATA_DIR="$PWD/$KAFKA_DATA_DIR"
[[ "$KAFKA_LIBS_DIR" == /* ]] || KAFKA_LIBS_DIR="$PWD/$KAFKA_LIBS_DIR"

KAFKA_CONF_DIR="$KAFKA_DATA_DIR/config"
KAFKA_LOG_DIR="$KAFKA_DATA_DIR/logs"          # log4j output (kafka.log) + JVM stdout (kafka.out)
KAFKA_KRAFT_DIR="$KAFKA_DATA_DIR/kraft"       # log.dirs / metadata.log.dir
KAFKA_PID_FILE="$KAFKA_DATA_DIR/kafka.pid"
KAFKA_SERVER_PROPS="$KAFKA_CONF_DIR/server.properties"
KAFKA_LOG_FILE="$KAFKA_LOG_DIR/kafka.log"
KAFKA_OUT_FILE="$KAFKA_LOG_DIR/kafka.out"

if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
  KAFKA_JAVA="$JAVA_HOME/bin/java"
else
  KAFKA_JAVA="$(command -v java || true)"
fi

kafka_log() { echo "[kafka] $*" >&2; }

kafka_require_java() {
  if [[ -z "$KAFKA_JAVA" ]]; then
    kafka_log "java not found (need Java 17+; set JAVA_HOME or put java on PATH)"
    return 1
  fi
  local major
  major="$("$KAFKA_JAVA" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n1)"
  if [[ -z "$major" || "$major" -lt 17 ]]; then
    kafka_log "Kafka $KAFKA_VERSION needs Java 17+, $KAFKA_JAVA is Java ${major:-unknown}"
    return 1
  fi
}

# Classpath: every jar copied by pom.xml (flat dir, so a wildcard is enough).
kafka_classpath() { printf '%s/*' "$KAFKA_LIBS_DIR"; }

# Pid of the broker started by these scripts, if it is alive; empty otherwise.
kafka_running_pid() {
  [[ -f "$KAFKA_PID_FILE" ]] || return 0
  local pid
  pid="$(tr -dc '0-9' <"$KAFKA_PID_FILE" 2>/dev/null || true)"
  [[ -n "$pid" ]] || return 0
  kill -0 "$pid" 2>/dev/null || return 0
  # Guard against pid reuse: the process must be our broker.
  if tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "kafka.Kafka $KAFKA_SERVER_PROPS"; then
    echo "$pid"
  fi
}

# True if something accepts TCP connections on host:port (bash /dev/tcp, no nc needed).
kafka_port_open() {
  (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

kafka_tail_logs() {
  local n="${1:-60}" f
  for f in "$KAFKA_OUT_FILE" "$KAFKA_LOG_FILE"; do
    if [[ -s "$f" ]]; then
      echo "----- tail -n $n $f -----" >&2
      tail -n "$n" "$f" >&2 || true
    fi
  done
}

# log4j2 config for the short-lived tool JVMs (StorageTool, BrokerApiVersionsCommand):
# warnings and errors to stderr only.
KAFKA_TOOLS_LOG4J="$KAFKA_CONF_DIR/tools-log4j2.yaml"
kafka_write_tools_log4j() {
  mkdir -p "$KAFKA_CONF_DIR"
  cat >"$KAFKA_TOOLS_LOG4J" <<'YAML'
Configuration:
  Appenders:
    Console:
      name: STDERR
      target: SYSTEM_ERR
      PatternLayout:
        pattern: "[%d] %p %m (%c)%n"
  Loggers:
    Root:
      level: WARN
      AppenderRef:
        - ref: STDERR
YAML
}
