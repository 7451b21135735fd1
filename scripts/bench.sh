#!/usr/bin/env bash
# Runs every benchmark listed in docs/benchmarks.md (release build).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="$(swift build -c release --show-bin-path)"
for bench in zmq-throughput json-throughput trust-verify schema-validate store-append w1 kit-publish tail-cost; do
    if [ ! -x "$BIN/$bench" ]; then
        echo "bench: $bench is not built (run \`make release\`)" >&2
        exit 1
    fi
    echo "== $bench"
    "$BIN/$bench"
done
# audit-cost: w1 throughput with the audit trail on and off (two brokers, alternating rounds).
echo "== audit-cost (w1 --compare-audit)"
"$BIN/w1" --compare-audit
# cluster: w1 throughput on SQLite, PostgreSQL with one node and with two nodes (same run;
# needs the postgresql package, as the tests do).
echo "== cluster (w1 --compare-stores)"
"$BIN/w1" --compare-stores
