"""The Python adapter example (examples/python/gmp_adapter.py) publishes and consumes against a
real `gerbangd --dev` with the shipped Config (agencies, routes, schemas) and a temporary data
directory. Run by scripts/run-python-tests.sh, which sets GERBANG_BIN_DIR.
"""
import sys
import time

import pytest

from conftest import REPO

sys.path.insert(0, str(REPO / "examples" / "python"))

import gmp_adapter  # noqa: E402


@pytest.fixture
def broker(dev_broker, tmp_path):
    yield dev_broker["endpoint"], tmp_path / "data"


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
