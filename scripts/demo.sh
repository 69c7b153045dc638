#!/usr/bin/env bash
# The main job: the whole service on a simulated belt, as the PLC would see it.
#   scripts/setup.sh && scripts/demo.sh
# Starts a private mosquitto on a free loopback port (never the system service), runs
#   scripts/trivision run --config config/demo.json
# for DEMO_SECONDS (default 60), prints every MQTT message under trivision/# (alarms, alarm state,
# belt state, heartbeat, availability), then stops everything and prints a summary.
# TRIVISION_DEMO_MODEL overrides the model; TRIVISION_DEMO_CONFIG the configuration file.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
SECONDS_TO_RUN="${DEMO_SECONDS:-60}"
CONFIG="${TRIVISION_DEMO_CONFIG:-config/demo.json}"
SHIPPED_MODEL="models/trivision-hazard-v1.onnx"
FALLBACK_MODEL="tests/fixtures/models/bench_640.onnx"

for tool in mosquitto mosquitto_sub; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "demo: '$tool' not found; install it: apt-get install mosquitto mosquitto-clients" >&2
    exit 4
  fi
done
if ! [[ "$SECONDS_TO_RUN" =~ ^[0-9]+$ ]] || (( SECONDS_TO_RUN < 5 )); then
  echo "demo: DEMO_SECONDS='$SECONDS_TO_RUN'; expected a whole number of seconds >= 5" >&2
  exit 2
fi

MODEL="${TRIVISION_DEMO_MODEL:-}"
if [[ -z "$MODEL" ]]; then
  if [[ -f "$SHIPPED_MODEL" ]]; then
    MODEL="$SHIPPED_MODEL"
  else
    MODEL="$FALLBACK_MODEL"
    echo "demo: $SHIPPED_MODEL is not there yet; using $FALLBACK_MODEL (random weights: the pipeline runs end to end, but it detects nothing meaningful, so expect no hazard alarms)" >&2
  fi
fi
if [[ ! -f "$MODEL" ]]; then
  echo "demo: model not found: $MODEL (set TRIVISION_DEMO_MODEL to an .onnx file)" >&2
  exit 2
fi

free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
MQTT_PORT="$(free_port)"
HTTP_PORT="$(free_port)"
WORK="$(mktemp -d -t trivision-demo.XXXXXX)"
BROKER_PID=""
SUB_PID=""
cleanup() {
  if [[ -n "$SUB_PID" ]]; then kill "$SUB_PID" 2>/dev/null || true; wait "$SUB_PID" 2>/dev/null || true; fi
  if [[ -n "$BROKER_PID" ]]; then kill "$BROKER_PID" 2>/dev/null || true; wait "$BROKER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

cat > "$WORK/mosquitto.conf" <<CONF
listener $MQTT_PORT 127.0.0.1
allow_anonymous true
persistence false
CONF
mosquitto -c "$WORK/mosquitto.conf" >"$WORK/mosquitto.log" 2>&1 &
BROKER_PID=$!
for _ in $(seq 50); do
  (exec 3<>"/dev/tcp/127.0.0.1/$MQTT_PORT") 2>/dev/null && break
  sleep 0.1
done
echo "demo: mosquitto on 127.0.0.1:$MQTT_PORT (config in $WORK)" >&2

# What the PLC gateway sees, one line per message.
plc_view() {
  while IFS=' ' read -r topic payload; do
      case "$topic" in
        */alarm) kind="ALARM      " ;;
        */alarm/state) kind="ALARM STATE" ;;
        */belt) kind="BELT       " ;;
        */heartbeat) kind="HEARTBEAT  " ;;
        */availability) kind="AVAILABILITY" ;;
        */cmd/reply) kind="CMD REPLY  " ;;
        *) kind="           " ;;
      esac
      printf 'PLC sees %s %s %s\n' "$kind" "$topic" "$payload"
  done
}
# $! is mosquitto_sub itself, so that cleanup stops exactly it; the formatter ends at its EOF.
mosquitto_sub -h 127.0.0.1 -p "$MQTT_PORT" -v -t 'trivision/#' -i demo-plc-view > >(plc_view) &
SUB_PID=$!

echo "demo: trivision run --config $CONFIG for $SECONDS_TO_RUN s (model $MODEL; /metrics and /health on http://127.0.0.1:$HTTP_PORT)" >&2
(
  sleep $(( SECONDS_TO_RUN - 3 ))
  if command -v curl >/dev/null 2>&1; then
    echo "demo: GET /health -> $(curl -s "http://127.0.0.1:$HTTP_PORT/health")" >&2
    echo "demo: latency from capture, per stage (count and sum in ms):" >&2
    curl -s "http://127.0.0.1:$HTTP_PORT/metrics" | grep -E '^trivision_pipeline_latency_ms_(count|sum)' >&2 || true
  fi
) &
PROBE_PID=$!

set +e
scripts/trivision run --config "$CONFIG" --duration "$SECONDS_TO_RUN" \
  --set "Mqtt:Port=$MQTT_PORT" --set "Model:Path=$MODEL" --urls "http://127.0.0.1:$HTTP_PORT" >"$WORK/summary.txt"
RC=$?
set -e
wait "$PROBE_PID" 2>/dev/null || true
sleep 0.5 # let the last messages (availability offline) reach the subscriber

echo
if (( RC != 0 )); then
  echo "demo: trivision run failed (exit $RC)" >&2
  exit "$RC"
fi
cat "$WORK/summary.txt"
echo "  MQTT broker: 127.0.0.1:$MQTT_PORT (stopped now); inspect alarms with: sqlite3 artifacts/demo/data/alarms.db 'select raised_at, kind, title from alarms'"
