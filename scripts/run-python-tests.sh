#!/usr/bin/env bash
# Runs the Python interoperability tests (Tests/python), which talk to the built `gerbang` binaries.
set -euo pipefail
cd "$(dirname "$0")/.."
shopt -s nullglob
tests=(Tests/python/test_*.py)
if [ ${#tests[@]} -eq 0 ]; then
    echo "python tests: none"
    exit 0
fi
GERBANG_BIN_DIR="$(swift build --show-bin-path)" python3 -m pytest -q "${tests[@]}"
