"""What the Python tests share: starting a built Gerbang executable that prints a ready line,
stopping it, and a development `gerbangd` with the shipped Config (agencies, routes, schemas) on a
temporary data directory. The binaries are in GERBANG_BIN_DIR (scripts/run-python-tests.sh sets it)
or .build/debug.
"""
import os
import pathlib
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
BIN = pathlib.Path(os.environ.get("GERBANG_BIN_DIR", REPO / ".build" / "debug"))


def start(arguments, tmp_path, name, prefix):
    """Starts a process in `tmp_path`, its stderr in `<name>.log`; waits for its first stdout
    line, which must start with `prefix`, and returns (process, log, the line's key=value fields)."""
    log = open(tmp_path / f"{name}.log", "wb")
    process = subprocess.Popen(arguments, stdout=subprocess.PIPE, stderr=log, cwd=tmp_path)
    line = process.stdout.readline().decode()
    assert line.startswith(prefix), line + (tmp_path / f"{name}.log").read_text()
    return process, log, dict(part.split("=", 1) for part in line.split() if "=" in part)


def stop(process, log):
    """SIGTERM, at most 20 s to exit, then SIGKILL; closes the log."""
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
    log.close()


@pytest.fixture
def dev_broker(tmp_path):
    """A `gerbangd` in development mode on 127.0.0.1 with the shipped Config and the data
    directory `tmp_path/data`; yields the fields of its ready line (`endpoint`, ...)."""
    config = tmp_path / "gerbang.yaml"
    config.write_text(f"""
adapter-endpoint: tcp://127.0.0.1:*
metrics-endpoint: 127.0.0.1:0
data-directory: {tmp_path / 'data'}
development-mode: true
paths:
  agencies: {REPO / 'Config' / 'agencies.yaml'}
  routes: {REPO / 'Config' / 'routes.yaml'}
  schemas: {REPO / 'Config' / 'schemas'}
""")
    process, log, fields = start([str(BIN / "gerbangd"), "--config", str(config)], tmp_path, "gerbangd", "gerbangd ready")
    try:
        yield fields
    finally:
        stop(process, log)
