#!/usr/bin/env bash
# `make run`: builds Gerbang and brings the whole demo flow up on this machine:
#
#   gerbangd --dev (SQLite store, development PKI and CURVE keys in data/)
#   bank-simulator  the state bank's core banking API, with latency and outages (127.0.0.1:9580)
#   dukcapil        the population registry's CSV exports → population.* events
#   kemensos        the beneficiary register: deaths → eligibility revoked; each cycle → disbursement requests
#   bank            disbursement requests → the bank's API → settled / failed (outages retried)
#   http-gateway    BPJS Kesehatan over HTTPS: CloudEvents in with mutual TLS (127.0.0.1:8443),
#                   deaths out to its webhook (scripts/webhook-receiver.py on 127.0.0.1:9590)
#
# then drops the sample exports (Config/samples/dukcapil/*.csv) into dukcapil's inbox and follows
# the adapters' logs. Ctrl-C stops everything and exits 0. State of a run lives in var/run/ and the
# broker's store in data/ (both git-ignored); each run starts from an empty store and register
# (KEEP_STATE=1 keeps them). Keys and the development PKI in data/ are kept across runs.
set -euo pipefail
cd "$(dirname "$0")/.."
export PKG_CONFIG_PATH="$PWD/scripts/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"

RUN=var/run
LOGS=$RUN/logs
DATA=data
BANK_PORT=${BANK_PORT:-9580}
WEBHOOK_PORT=9590   # the webhook in Config/adapters/kepesertaan.yaml

echo "== Building (debug)"
for product in gerbangd gerbang dukcapil kemensos bank bank-simulator http-gateway; do
    swift build --product "$product"
done
BIN="$(swift build --show-bin-path)"

if [ "${KEEP_STATE:-0}" != 1 ]; then
    rm -rf "$RUN" "$DATA"/gerbang.sqlite*
fi
mkdir -p "$LOGS" "$RUN/dukcapil/inbox"

pids=()
stop() {
    trap - INT TERM EXIT
    echo
    echo "== Stopping"
    # Adapters first (they finish their work in hand), then the simulator, the broker last.
    for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
        kill -TERM "${pids[$i]}" 2>/dev/null || true
        wait "${pids[$i]}" 2>/dev/null || true
    done
    echo "== Stopped. Logs: $LOGS/  Register: $RUN/kemensos/register.sqlite  Rejects: $RUN/dukcapil/rejects/"
    exit 0
}
trap stop INT TERM EXIT

echo "== Starting gerbangd --dev (data directory $DATA/: store, CURVE keys, development PKI)"
"$BIN/gerbangd" --config Config/gerbang.yaml --dev >"$LOGS/gerbangd.out" 2>"$LOGS/gerbangd.log" &
pids+=($!)
for _ in $(seq 1 300); do
    grep -q '^gerbangd ready' "$LOGS/gerbangd.out" 2>/dev/null && break
    kill -0 "${pids[0]}" 2>/dev/null || { cat "$LOGS/gerbangd.log" >&2; echo "gerbangd did not start" >&2; exit 1; }
    sleep 0.1
done
grep '^gerbangd ready' "$LOGS/gerbangd.out" | sed 's/^/    /'

echo "== Starting the bank simulator on 127.0.0.1:$BANK_PORT (20% outages, 20-50 ms latency)"
"$BIN/bank-simulator" --port "$BANK_PORT" --failure-rate 0.2 --latency-ms 20 --latency-jitter-ms 30 \
    >"$LOGS/bank-simulator.log" 2>&1 &
pids+=($!)

# Each adapter: its configuration in Config/adapters/<adapter>.yaml (keys from data/, see there).
start_adapter() {
    local executable=$1 configuration=$2
    echo "== Starting $executable ($configuration)"
    "$BIN/$executable" --config "$configuration" >"$LOGS/$executable.log" 2>&1 &
    pids+=($!)
}
start_adapter kemensos Config/adapters/bansos.yaml
start_adapter bank Config/adapters/disbursement.yaml
start_adapter dukcapil Config/adapters/siak.yaml

echo "== Starting BPJS Kesehatan's webhook on 127.0.0.1:$WEBHOOK_PORT (the first 2 deliveries fail: retries)"
python3 scripts/webhook-receiver.py --port "$WEBHOOK_PORT" --fail-first 2 >"$LOGS/webhook-receiver.log" 2>&1 &
pids+=($!)
start_adapter http-gateway Config/adapters/kepesertaan.yaml

sleep 1
echo "== Dropping the sample exports into $RUN/dukcapil/inbox/"
for export in Config/samples/dukcapil/*.csv; do
    # Written beside the inbox, then renamed: the adapter only ever sees whole files.
    cp "$export" "$RUN/dukcapil/$(basename "$export").part"
    mv "$RUN/dukcapil/$(basename "$export").part" "$RUN/dukcapil/inbox/$(basename "$export")"
done

cat <<EOF

== Gerbang is running. What to look at:
   metrics        curl -s http://127.0.0.1:9560/metrics | grep ^gerbang_
   bank           curl -s http://127.0.0.1:$BANK_PORT/v1/stats
   dukcapil       $RUN/dukcapil/done/ (processed exports), $RUN/dukcapil/rejects/*.rejects.csv (bad rows and why)
   kemensos       $BIN/kemensos status --config Config/adapters/bansos.yaml   (register counts)
   logs           $LOGS/{gerbangd,dukcapil,kemensos,bank,bank-simulator,http-gateway,webhook-receiver}.log
   http-gateway   BPJS Kesehatan publishes over HTTPS with its agency certificate (mutual TLS):
                  curl --cert data/pki/agencies/bpjs-kesehatan.cert.pem --key data/pki/agencies/bpjs-kesehatan.key.pem \\
                       --cacert data/pki/root-ca.cert.pem -H 'Content-Type: application/cloudevents+json' \\
                       --data-binary @Config/examples/health.insurance.membership.changed.json https://127.0.0.1:8443/events
                  (202 with the receipt; the same event again: 200, duplicate). Deaths reach its webhook:
                  $LOGS/webhook-receiver.log (the first 2 deliveries answered 503, then retried).
EOF
if "$BIN/gerbang" tail --help >/dev/null 2>&1; then
    echo "   events         $BIN/gerbang tail   (the events flowing through the broker)"
fi
cat <<EOF
   The flow: deaths in the exports → kemensos revokes those beneficiaries → its disbursement cycle
   (every 20 s, first after 15 s) requests payment for the others → the bank pays through the
   simulator, outages are retried, invalid accounts fail → kemensos records settled / failed.

== Following the adapters' logs (Ctrl-C stops everything)
EOF
tail -n +1 -F "$LOGS/dukcapil.log" "$LOGS/kemensos.log" "$LOGS/bank.log" "$LOGS/http-gateway.log" "$LOGS/webhook-receiver.log" &
pids+=($!)
while true; do
    for pid in "${pids[@]:0:${#pids[@]}-1}"; do   # every process but the log follower
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "== A process ended unexpectedly (pid $pid); see $LOGS/" >&2
            stop
        fi
    done
    sleep 1
done
