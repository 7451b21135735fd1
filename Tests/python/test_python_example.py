"""The Python adapter example (examples/python/gmp_adapter.py) publishes and consumes against a
real `gerbangd --dev` with the shipped Config (agencies, routes, schemas) and a temporary data
directory. Run by scripts/run-python-tests.sh, which sets GERBANG_BIN_DIR.
"""
import os
import pathlib
import subprocess
import sys
import time

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "examples" / "python"))

import gmp_adapter  # noqa: E402


@pytest.fixture
def broker(tmp_path):
    binary = pathlib.Path(os.environ.get("GERBANG_BIN_DIR", REPO / ".build" / "debug")) / "gerbangd"
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
    log = open(tmp_path / "gerbangd.log", "wb")
    process = subprocess.Popen([str(binary), "--config", str(config)], stdout=subprocess.PIPE, stderr=log)
    try:
        line = process.stdout.readline().decode()
        assert line.startswith("gerbangd ready"), line + (tmp_path / "gerbangd.log").read_text()
        fields = dict(part.split("=", 1) for part in line.split() if "=" in part)
        yield fields["endpoint"], tmp_path / "data"
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def test_example_publishes_and_consumes(broker, capsys):
    endpoint, data_dir = broker
    started = time.monotonic()
    sequence, delivery_id, event_id = gmp_adapter.run(endpoint, data_dir)
    assert sequence >= 1 and delivery_id >= 1
    output = capsys.readouterr().out
    assert f"published {event_id}: ACCEPTED" in output
    assert f"received {event_id} on kemensos.bansos (attempt 1" in output
    assert time.monotonic() - started < 30


def test_example_sees_rejections(broker):
    endpoint, data_dir = broker
    broker_public = (data_dir / "curve" / "broker.pub").read_text().strip().encode()
    session = gmp_adapter.Session(endpoint, broker_public, (data_dir / "curve" / "agencies" / "dukcapil.key").read_text().strip().encode())
    session.hello("dukcapil", "python-example")
    signer = gmp_adapter.Signer(data_dir / "pki" / "agencies" / "dukcapil.key.pem",
                                data_dir / "pki" / "agencies" / "dukcapil.cert.pem", "dukcapil")
    event = gmp_adapter.death_event("urn:gerbang:agency:dukcapil:python-example")
    signed = signer.sign(event)
    assert session.publish(signed)[1] is False
    assert session.publish(signed)[1] is True          # the same id again: ACCEPTED as a duplicate
    tampered = signed.replace(b'"Siti Aminah"', b'"Siti Aminah Z"')
    with pytest.raises(gmp_adapter.GMPError, match="REJECTED signature.invalid"):
        session.publish(tampered)
    event["data"]["deceased"]["nik"] = "12345"
    with pytest.raises(gmp_adapter.GMPError, match=r"REJECTED schema.violation .* at /data/deceased/nik"):
        session.publish(signer.sign(event))
    session.close()


def test_canonical_json_matches_rfc8785():
    rfc8785 = pytest.importorskip("rfc8785")
    value = {"b": [1, True, None, "é\n\u2028"], "a": {"z": "\U0001F600", "\u00e9": 0, "\uff5e": 1}, "": -3}
    assert gmp_adapter.canonical_json(value).encode() == rfc8785.dumps(value)
