"""The HTTP gateway from a client that only speaks HTTPS: Python's standard library (urllib and
ssl, no extra packages) posts CloudEvents to a real `http-gateway` in front of a real
`gerbangd --dev`, authenticated by mutual TLS with the agency's development certificate.
Run by scripts/run-python-tests.sh, which sets GERBANG_BIN_DIR.
"""
import json
import ssl
import urllib.error
import urllib.request

import pytest

from conftest import BIN, REPO, start, stop

EXAMPLE = (REPO / "Config" / "examples" / "health.insurance.membership.changed.json").read_text()


@pytest.fixture
def gateway(tmp_path, dev_broker):
    fields = dev_broker
    gateway_config = tmp_path / "gateway.yaml"
    gateway_config.write_text(f"""
gerbang:
  agency: bpjs-kesehatan
  adapter: kepesertaan
  endpoint: {fields['endpoint']}
  data-directory: {tmp_path / 'data'}
settings:
  listen-port: 0
  agencies: {REPO / 'Config' / 'agencies.yaml'}
  webhook: http://127.0.0.1:9/unused
""")
    process, log, ready = start([str(BIN / "http-gateway"), "--config", str(gateway_config)], tmp_path, "http-gateway",
                                "http-gateway ready")
    try:
        yield f"https://{ready['address']}/events", tmp_path / "data" / "pki"
    finally:
        stop(process, log)


def post(url, pki, body, headers, agency="bpjs-kesehatan", certificate=True):
    context = ssl.create_default_context(cafile=str(pki / "root-ca.cert.pem"))
    if certificate:
        context.load_cert_chain(str(pki / "agencies" / f"{agency}.cert.pem"), str(pki / "agencies" / f"{agency}.key.pem"))
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, context=context, timeout=20) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_structured_and_binary_events_get_the_brokers_verdict(gateway):
    url, pki = gateway
    structured = {"Content-Type": "application/cloudevents+json"}
    status, receipt = post(url, pki, EXAMPLE.replace("5c8e2b71-d0f4-4a93-b7e5-6a1d9f3c0b84", "py-1").encode(), structured)
    assert status == 202 and receipt["status"] == "accepted" and receipt["sequence"] >= 1 and receipt["duplicate"] is False

    event = json.loads(EXAMPLE)
    headers = {f"ce-{name}": value for name, value in event.items() if name not in ("data", "datacontenttype", "specversion")}
    headers.update({"ce-specversion": "1.0", "ce-id": "py-binary-1", "Content-Type": "application/json"})
    status, receipt = post(url, pki, json.dumps(event["data"]).encode(), headers)
    assert status == 202, receipt

    invalid = EXAMPLE.replace("5c8e2b71-d0f4-4a93-b7e5-6a1d9f3c0b84", "py-2").replace("3374014507580002", "12")
    status, answer = post(url, pki, invalid.encode(), structured)
    assert status == 400 and answer["reason"] == "schema.violation", answer

    other_source = EXAMPLE.replace("urn:gerbang:agency:bpjs-kesehatan:vclaim", "urn:gerbang:agency:kemensos")
    status, answer = post(url, pki, other_source.encode(), structured)
    assert status == 403 and answer["reason"] == "gateway.source-mismatch", answer


def test_a_client_without_a_certificate_is_refused_in_the_handshake(gateway):
    url, pki = gateway
    with pytest.raises((ssl.SSLError, urllib.error.URLError, ConnectionError)):
        post(url, pki, EXAMPLE.encode(), {"Content-Type": "application/cloudevents+json"}, certificate=False)
