#!/usr/bin/env bash
# Wait until the Kafka broker on 127.0.0.1:9092 really answers Kafka requests:
# an open TCP port is not enough; the broker's own admin tool
# (org.apache.kafka.tools.BrokerApiVersionsCommand: Metadata + ApiVersions requests)
# must list broker 1 as registered and not fenced.
#
# Usage: wait.sh [--timeout SECONDS] [--quiet]
#   --timeout  default $KAFKA_WAIT_TIMEOUT or 90
#   --quiet    print nothing on success
# Exits 1 with the tail of the broker log on timeout or if the broker process died.
set -euo pipefail

# shellcheck source=common.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/common.sh"

timeout_s="${KAFKA_WAIT_TIMEOUT:-90}"
quiet=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --timeout) timeout_s="$2"; shift 2 ;;
    --timeout=*) timeout_s="${1#*=}"; shift ;;
    --quiet|-q) quiet=1; shift ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) kafka_log "unknown argument: $1"; exit 2 ;;
  esac
done

kafka_require_java
if ! compgen -G "$KAFKA_LIBS_DIR/kafka-tools-*.jar" >/dev/null; then
  kafka_log "no Kafka jars in $KAFKA_LIBS_DIR (run start.sh first)"
  exit 1
fi
kafka_write_tools_log4j
client_props="$KAFKA_CONF_DIR/wait-client.properties"
cat >"$client_props" <<'EOF'
request.timeout.ms=5000
default.api.timeout.ms=8000
retry.backoff.ms=200
EOF

# Was this broker started by start.sh? Then a dead pid means "give up now".
watch_pid=""
if [[ -f "$KAFKA_PID_FILE" ]]; then
  watch_pid="$(tr -dc '0-9' <"$KAFKA_PID_FILE" || true)"
fi

start=$SECONDS
deadline=$((SECONDS + timeout_s))
out=""
while :; do
  if [[ -n "$watch_pid" ]] && ! kill -0 "$watch_pid" 2>/dev/null; then
    kafka_log "broker process $watch_pid exited"
    kafka_tail_logs 60
    exit 1
  fi
  if kafka_port_open "$KAFKA_HOST" "$KAFKA_PORT"; then
    if out="$(timeout 20 "$KAFKA_JAVA" -Xmx128m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
          -Dlog4j2.configurationFile="$KAFKA_TOOLS_LOG4J" -cp "$(kafka_classpath)" \
          org.apache.kafka.tools.BrokerApiVersionsCommand \
          --bootstrap-server "$KAFKA_BOOTSTRAP" --command-config "$client_props" 2>&1)" \
       && grep -q "^${KAFKA_BOOTSTRAP} (id: 1 " <<<"$out" \
       && ! grep -q "isFenced: true" <<<"$out"; then
      [[ -n "$quiet" ]] || echo "[kafka] broker answering on $KAFKA_BOOTSTRAP after $((SECONDS - start))s"
      exit 0
    fi
  fi
  if (( SECONDS >= deadline )); then
    kafka_log "broker on $KAFKA_BOOTSTRAP not answering after ${timeout_s}s"
    [[ -z "$out" ]] || { echo "----- last BrokerApiVersionsCommand output -----" >&2; tail -n 20 <<<"$out" >&2; }
    if [[ -n "$watch_pid" ]]; then
      kafka_tail_logs 60
    else
      kafka_log "(no pid file in $KAFKA_DATA_DIR: no broker was started there by start.sh)"
    fi
    exit 1
  fi
  sleep 0.5
done
