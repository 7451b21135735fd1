#!/usr/bin/env bash
# Brings Gerbang up: builds everything and starts what exists so far.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build
BIN="$(swift build --show-bin-path)"
echo "Gerbang tools built in $BIN"
"$BIN/gerbang" --help
