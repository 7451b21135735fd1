#!/usr/bin/env bash
# Installs what Gerbang needs on a Debian machine, only what is missing. Idempotent.
# System packages come from apt-get, Python test tools (and matplotlib, for scripts/soak-plot.py) from PyPI.
set -euo pipefail

# postgresql: the server binaries (under /usr/lib/postgresql/*/bin) for the PostgreSQL store's tests,
# which start throwaway servers of their own (Sources/GerbangTesting/Postgres/PostgresServer.swift).
APT_PACKAGES=(pkg-config libzmq3-dev libssl-dev libsqlite3-dev openssl python3 tmux faketime util-linux postgresql)
PY_MODULES=(pytest:pytest zmq:pyzmq cryptography:cryptography joserfc:joserfc rfc8785:rfc8785 matplotlib:matplotlib)

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "install-deps: installing ${missing[*]}"
    $SUDO apt-get update -qq
    # Never start a system service while installing (the postgresql package would start its
    # default cluster): invoke-rc.d asks policy-rc.d, and exit status 101 means "forbidden".
    policy_added=""
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
        $SUDO chmod +x /usr/sbin/policy-rc.d
        policy_added="yes"
    fi
    status=0
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null || status=$?
    if [ -n "$policy_added" ]; then $SUDO rm -f /usr/sbin/policy-rc.d; fi
    [ "$status" -eq 0 ] || exit "$status"
fi

py_missing=()
for entry in "${PY_MODULES[@]}"; do
    module="${entry%%:*}"; package="${entry##*:}"
    python3 -c "import $module" 2>/dev/null || py_missing+=("$package")
done
if [ ${#py_missing[@]} -gt 0 ]; then
    echo "install-deps: installing Python packages ${py_missing[*]}"
    if ! python3 -m pip --version >/dev/null 2>&1; then
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-pip >/dev/null
    fi
    python3 -m pip install -q "${py_missing[@]}" 2>/dev/null \
        || python3 -m pip install -q --break-system-packages "${py_missing[@]}"
fi

command -v swift >/dev/null || { echo "install-deps: the Swift toolchain (6.1 or later) is required: https://www.swift.org/install/" >&2; exit 1; }
