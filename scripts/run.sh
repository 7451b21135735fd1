#!/usr/bin/env bash
# `make run`: builds Gerbang and brings up what exists so far.
#
# Until the broker (gerbangd) lands, this walks the canonical-message path end to end with the
# real tools: the development PKI, every catalogue example signed by its agency's certificate,
# verified, and validated against its schema. Output goes to var/demo/.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build
BIN="$(swift build --show-bin-path)"
GERBANG="$BIN/gerbang"
PKI=Config/pki
OUT=var/demo
mkdir -p "$OUT"

if [ ! -f "$PKI/root-ca.cert.pem" ]; then
    echo "== Creating the development PKI in $PKI (development only)"
    "$GERBANG" pki init --dir "$PKI"
fi

echo "== The canonical catalogue"
"$GERBANG" schema list

echo "== Signing, verifying and validating every example event"
for example in Config/examples/*.json; do
    # The agency id is the fourth part of `urn:gerbang:agency:<id>[:system]` (docs/signing.md).
    agency=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["source"].split(":")[3])' "$example")
    if [ ! -f "$PKI/agencies/$agency.cert.pem" ]; then
        "$GERBANG" pki issue --dir "$PKI" --agency "$agency" >/dev/null
    fi
    signed="$OUT/$(basename "$example" .json).signed.json"
    "$GERBANG" sign "$example" --key "$PKI/agencies/$agency.key.pem" \
        --cert "$PKI/agencies/$agency.cert.pem" --chain -o "$signed"
    "$GERBANG" verify "$signed" --pki-dir "$PKI" | sed 's/^/    /'
    "$GERBANG" schema validate "$signed"
done
echo "== Done: signed events are in $OUT/. See README.md for what to try next."
