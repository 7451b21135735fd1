"""Interoperability of Gerbang's signed events with independent JOSE and JCS implementations.

`gerbang sign` output is verified in Python with `cryptography` and `joserfc`, computing the
RFC 8785 form with the independent `rfc8785` package; an event signed in Python (with a
certificate Python issues from the development CA) is verified by `gerbang verify`.
Run by scripts/run-python-tests.sh, which sets GERBANG_BIN_DIR.
"""
import base64
import datetime
import json
import os
import pathlib
import subprocess

import pytest
import rfc8785
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature
from cryptography.x509.oid import NameOID
from joserfc import jws
from joserfc.jwk import ECKey, OKPKey

REPO = pathlib.Path(__file__).resolve().parents[2]
AGENCIES = REPO / "Config" / "agencies.yaml"
EVENT = {
    "specversion": "1.0",
    "id": "b8a4d0a2-5f0e-4c1e-9a55-0c7d2a6f3e21",
    "source": "urn:gerbang:agency:dukcapil",
    "type": "id.go.dukcapil.penduduk.alamat-berubah",
    "time": "2026-11-29T02:00:00Z",
    "datacontenttype": "application/json",
    "data": {"nik": "3201010101010001", "nama": "Siti Aminah", "alamat": {"kota": "Bogor", "rt": 3}, "skor": 0.5},
}


def gerbang(*args, input_bytes=None):
    binary = pathlib.Path(os.environ.get("GERBANG_BIN_DIR", REPO / ".build" / "debug")) / "gerbang"
    return subprocess.run([str(binary), *args], input=input_bytes, capture_output=True, timeout=60)


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    directory = tmp_path_factory.mktemp("pki") / "pki"
    for args in (["pki", "init", "--dir", str(directory)],
                 ["pki", "issue", "--agency", "dukcapil", "--dir", str(directory), "--agencies", str(AGENCIES)],
                 ["pki", "issue", "--agency", "kemensos", "--dir", str(directory), "--agencies", str(AGENCIES),
                  "--key-type", "ed25519"]):
        result = gerbang(*args)
        assert result.returncode == 0, result.stderr.decode()
    return directory


def sign_with_gerbang(pki, agency, event, tmp_path, chain=True):
    path = tmp_path / "event.json"
    path.write_text(json.dumps(event, indent=2))
    args = ["sign", str(path), "--key", str(pki / "agencies" / f"{agency}.key.pem"),
            "--cert", str(pki / "agencies" / f"{agency}.cert.pem")]
    result = gerbang(*args + (["--chain"] if chain else []))
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout)


def signing_input(signed_event):
    """The bytes a Gerbang signature covers, computed independently: docs/signing.md."""
    unsigned = {k: v for k, v in signed_event.items() if k != "gerbangjws"}
    header_b64, payload_part, signature_b64 = signed_event["gerbangjws"].split(".")
    assert payload_part == "", "the payload must be detached"
    payload = rfc8785.dumps(unsigned)
    return header_b64, payload, signature_b64


def test_gerbang_es256_signature_verifies_with_cryptography_and_joserfc(pki, tmp_path):
    signed = sign_with_gerbang(pki, "dukcapil", EVENT, tmp_path)
    header_b64, payload, signature_b64 = signing_input(signed)
    header = json.loads(b64url_decode(header_b64))
    assert header["alg"] == "ES256"
    leaf_der = base64.b64decode(header["x5c"][0])
    assert header["x5t#S256"] == b64url(__import__("hashlib").sha256(leaf_der).digest())
    certificate = x509.load_der_x509_certificate(leaf_der)
    san = certificate.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert "urn:gerbang:agency:dukcapil" in san.get_values_for_type(x509.UniformResourceIdentifier)

    # cryptography: raw R||S (64 bytes) -> DER, over ASCII(b64(header) "." b64(payload)).
    raw = b64url_decode(signature_b64)
    assert len(raw) == 64
    der = encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big"))
    message = f"{header_b64}.{b64url(payload)}".encode()
    certificate.public_key().verify(der, message, ec.ECDSA(hashes.SHA256()))

    # joserfc: re-attach the payload and verify the ordinary compact JWS. Its registry caps headers
    # at 512 bytes by default; one carrying x5c (two certificates) is about 1.8 KB.
    key = ECKey.import_key(certificate.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))
    registry = jws.JWSRegistry(algorithms=["ES256"])
    registry.max_header_length = 8192
    obj = jws.deserialize_compact(f"{header_b64}.{b64url(payload)}.{signature_b64}", key, registry=registry)
    assert json.loads(obj.payload) == {k: v for k, v in signed.items() if k != "gerbangjws"}

    # A one-character change in the data breaks it for Python too.
    tampered = dict(signed, data=dict(signed["data"], nama="Siti Aminah "))
    _, bad_payload, _ = signing_input(tampered)
    with pytest.raises(jws.BadSignatureError):
        jws.deserialize_compact(f"{header_b64}.{b64url(bad_payload)}.{signature_b64}", key, registry=registry)


def test_gerbang_eddsa_signature_verifies_with_joserfc(pki, tmp_path):
    event = dict(EVENT, source="/agencies/kemensos/dtks", type="id.go.kemensos.bansos.disalurkan")
    signed = sign_with_gerbang(pki, "kemensos", event, tmp_path, chain=False)
    header_b64, payload, signature_b64 = signing_input(signed)
    assert json.loads(b64url_decode(header_b64))["alg"] == "EdDSA"
    certificate = x509.load_pem_x509_certificate((pki / "agencies" / "kemensos.cert.pem").read_bytes())
    key = OKPKey.import_key(certificate.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))
    with pytest.warns(Warning):  # joserfc flags the name "EdDSA" as superseded by "Ed25519" (RFC 9864)
        jws.deserialize_compact(f"{header_b64}.{b64url(payload)}.{signature_b64}", key, algorithms=["EdDSA"])


def issue_python_certificate(pki, agency, private_key):
    """A certificate made by Python's cryptography, issued by the development issuing CA."""
    ca_certificate = x509.load_pem_x509_certificate((pki / "intermediate-ca.cert.pem").read_bytes())
    ca_key = serialization.load_pem_private_key((pki / "intermediate-ca.key.pem").read_bytes(), password=None)
    now = datetime.datetime.now(datetime.timezone.utc)
    return (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
                                 x509.NameAttribute(NameOID.COMMON_NAME, f"{agency} (signed in Python)")]))
        .issuer_name(ca_certificate.subject)
        .public_key(private_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                     crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectAlternativeName([x509.UniformResourceIdentifier(f"urn:gerbang:agency:{agency}")]),
                       critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    ), ca_certificate


def python_signed_event(pki, agency, algorithm, event):
    private_key = ec.generate_private_key(ec.SECP256R1()) if algorithm == "ES256" else ed25519.Ed25519PrivateKey.generate()
    certificate, ca_certificate = issue_python_certificate(pki, agency, private_key)
    leaf_der = certificate.public_bytes(serialization.Encoding.DER)
    header = {"alg": algorithm, "kid": f"{agency}:python",
              "x5t#S256": b64url(__import__("hashlib").sha256(leaf_der).digest()),
              "x5c": [base64.b64encode(leaf_der).decode(),
                      base64.b64encode(ca_certificate.public_bytes(serialization.Encoding.DER)).decode()]}
    header_b64 = b64url(json.dumps(header, separators=(",", ":")).encode())
    payload = rfc8785.dumps(event)
    message = f"{header_b64}.{b64url(payload)}".encode()
    if algorithm == "ES256":
        r, s = decode_dss_signature(private_key.sign(message, ec.ECDSA(hashes.SHA256())))
        signature = r.to_bytes(32, "big") + s.to_bytes(32, "big")
    else:
        signature = private_key.sign(message)
    # Members in a different order and pretty-printed: only the canonical form is signed.
    signed = {"gerbangjws": f"{header_b64}..{b64url(signature)}", **dict(reversed(list(event.items())))}
    return json.dumps(signed, indent=4, ensure_ascii=False).encode()


@pytest.mark.parametrize("algorithm", ["ES256", "EdDSA", "Ed25519"])
def test_python_signed_event_verifies_with_gerbang(pki, algorithm):
    event = dict(EVENT, source="urn:gerbang:agency:bpjs-kesehatan", data={"peserta": "Budi Ñandú", "kelas": 2})
    signed = python_signed_event(pki, "bpjs-kesehatan", algorithm, event)
    result = gerbang("verify", "-", "--pki-dir", str(pki), "--agencies", str(AGENCIES), input_bytes=signed)
    output = result.stdout.decode()
    assert result.returncode == 0, output + result.stderr.decode()
    assert "verdict:   VALID" in output
    assert "agency:    bpjs-kesehatan" in output
    assert f"algorithm: {algorithm}" in output

    tampered = signed.replace(b'"kelas": 2', b'"kelas": 3')
    assert tampered != signed
    result = gerbang("verify", "-", "--pki-dir", str(pki), "--agencies", str(AGENCIES), input_bytes=tampered)
    assert result.returncode == 1
    assert "trust.bad-signature" in result.stdout.decode()


def test_python_signed_event_for_another_agency_is_rejected(pki):
    event = dict(EVENT, source="urn:gerbang:agency:dukcapil")
    signed = python_signed_event(pki, "bank-bri", "ES256", event)
    result = gerbang("verify", "-", "--pki-dir", str(pki), "--agencies", str(AGENCIES), input_bytes=signed)
    assert result.returncode == 1
    assert "trust.agency-mismatch" in result.stdout.decode()
