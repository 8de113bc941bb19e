#!/usr/bin/env bash
# Stop the Kafka broker started by start.sh (pid file in the data dir):
# SIGTERM (controlled shutdown), wait up to $KAFKA_STOP_TIMEOUT (default 30) s, then SIGKILL.
#
# Usage: stop.sh [--wipe]
#   --wipe  also delete the data dir (KRaft logs, config, broker logs); the jar cache stays.
set -euo pipefail

# shellcheck source=common.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/common.sh"

wipe=""
for arg in "$@"; do
  case "$arg" in
    --wipe) wipe=1 ;;
    -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
    *) kafka_log "unknown argument: $arg"; exit 2 ;;
  esac
done

stop_timeout="${KAFKA_STOP_TIMEOUT:-30}"
msg=""
pid="$(kafka_running_pid)"
if [[ -n "$pid" ]]; then
  kill -TERM "$pid" 2>/dev/null || true
  t0=$SECONDS
  while kill -0 "$pid" 2>/dev/null && (( SECONDS - t0 < stop_timeout )); do
    sleep 0.2
  done
  if kill -0 "$pid" 2>/dev/null; then
    kafka_log "broker pid $pid still running after ${stop_timeout}s, sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
    msg="killed Kafka (pid $pid)"
  else
    msg="stopped Kafka (pid $pid) in $((SECONDS - t0))s"
  fi
else
  msg="no running broker from $KAFKA_DATA_DIR"
fi
rm -f "$KAFKA_PID_FILE"

if [[ -n "$wipe" && -d "$KAFKA_DATA_DIR" ]]; then
  case "$(cd "$KAFKA_DATA_DIR" && pwd -P)" in
    /|"$(cd "$HOME" && pwd -P)") kafka_log "refusing to wipe $KAFKA_DATA_DIR"; exit 1 ;;
  esac
  rm -rf -- "$KAFKA_DATA_DIR"
  msg="$msg; wiped $KAFKA_DATA_DIR"
fi
echo "[kafka] $msg"
