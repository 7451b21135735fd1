#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets into Fuzz/Corpus/<target>/ (docs/fuzzing.md).

Run from anywhere: `python3 Fuzz/make-seed-corpus.py`. It reads the repository's own inputs
(GMP/1 vectors, example events, catalogue schemas) and ../shared/conformance (JSON Schema test
suite and meta-schemas), and makes development-only certificates, CRLs and JWSs with fresh keys
(python3-cryptography). Seeds are named by content hash, like libFuzzer's own files, so running it
again adds the new certificates and JWSs next to the old ones; delete a target's directory first
to start over. Nothing here is a secret: the keys are thrown away.
"""

import base64
import datetime
import hashlib
import json
import pathlib

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature
from cryptography.x509.oid import NameOID, ObjectIdentifier

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "Fuzz" / "Corpus"
SHARED = ROOT.parent / "shared" / "conformance"


def write(target, data):
    if isinstance(data, str):
        data = data.encode()
    directory = CORPUS / target
    directory.mkdir(parents=True, exist_ok=True)
    (directory / hashlib.sha1(data).hexdigest()).write_bytes(data)


# GMP: every vector as FuzzFrames: [options] ([u16 length] [bytes])*.
def gmp_seed(frames, options=0):
    out = bytearray([options])
    for frame in frames:
        out += len(frame).to_bytes(2, "big") + frame
    return bytes(out)


def gmp():
    for name in ("valid", "invalid"):
        vectors = json.loads((ROOT / "Tests/GMPTests/Vectors" / f"{name}.json").read_text())["vectors"]
        for vector in vectors:
            frames = [bytes.fromhex(f) for f in vector["frames"]]
            options = {"adapter": 1, "broker": 2}.get(vector.get("sender"), 0)
            write("gmp", gmp_seed(frames, options))
            if name == "valid":
                write("gmp", gmp_seed(frames, options | 0b100))  # tight limits


# JSON: hand-picked edge cases, plus the example events and a catalogue schema.
def json_seeds():
    texts = [
        "{}", "[]", "null", "true", "false", "0", "-0", "1.5e300", "-1E-7", "123456789012345678901234567890",
        '""', '"\\u00e9\\ud83d\\ude00\\n\\t\\\\\\/"', '"caf\u00e9 \U0001F600"',
        '{"a":[1,{"b":null}],"c":"d","e":{"f":[[],[{}]]}}',
        '[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]',
        ' \t\r\n{"k" : [ 1 , 2.0 , -3e2 ] }\n',
        '{"nik":"3171012345670001","nama":"Siti Aminah","amount":1500000,"paid":false}',
        '{"\\u0000":1,"\\u001f":"\\u007f"}',
    ]
    for text in texts:
        write("json", text)
    for path in sorted((ROOT / "Config/examples").glob("*.json"))[:3]:
        write("json", path.read_bytes())
    write("json", (ROOT / "Config/schemas/common/money/1.0.0.schema.json").read_bytes())


# Envelope: the catalogue's example events and a minimal event.
def envelope():
    for path in sorted((ROOT / "Config/examples").glob("*.json")):
        write("envelope", path.read_bytes())
    write("envelope", json.dumps({
        "specversion": "1.0", "id": "evt-1", "source": "urn:gerbang:agency:dukcapil", "type": "x.y",
    }, separators=(",", ":")))
    write("envelope", json.dumps({
        "specversion": "1.0", "id": "evt-2", "source": "/agencies/kemensos/sync", "type": "socialaid.x",
        "time": "2026-11-29T09:00:00.123+07:00", "datacontenttype": "application/json",
        "dataschema": "https://schemas.gerbang.go.id/x/1.0.0", "subject": "3171012345670001",
        "traceparent": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "data_base64": "aGVsbG8=",
    }, separators=(",", ":")))


# Certificates: a development CA, agency leaf certificates of each key type, PEM and DER, a chain
# file and a CRL.
NOW = datetime.datetime(2026, 11, 29, tzinfo=datetime.timezone.utc)
ORGANIZATION_IDENTIFIER = ObjectIdentifier("2.5.4.97")


def name(common, organization_identifier=None):
    attributes = [x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
                  x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Gerbang Dev"),
                  x509.NameAttribute(NameOID.COMMON_NAME, common)]
    if organization_identifier:
        attributes.append(x509.NameAttribute(ORGANIZATION_IDENTIFIER, organization_identifier))
    return x509.Name(attributes)


def certificate(subject, key, issuer_name, issuer_key, ca=False, agency=None, serial=None):
    builder = (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer_name)
               .public_key(key.public_key()).serial_number(serial or x509.random_serial_number())
               .not_valid_before(NOW).not_valid_after(NOW + datetime.timedelta(days=365))
               .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
               .add_extension(x509.KeyUsage(digital_signature=not ca, content_commitment=False, key_encipherment=False,
                                            data_encipherment=False, key_agreement=False, key_cert_sign=ca,
                                            crl_sign=ca, encipher_only=False, decipher_only=False), critical=True))
    if agency:
        builder = builder.add_extension(
            x509.SubjectAlternativeName([x509.UniformResourceIdentifier(f"urn:gerbang:agency:{agency}")]), critical=False)
    algorithm = None if isinstance(issuer_key, ed25519.Ed25519PrivateKey) else hashes.SHA256()
    return builder.sign(issuer_key, algorithm)


def development_pki():
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = name("Gerbang Dev Root CA")
    ca = certificate(ca_name, ca_key, ca_name, ca_key, ca=True)
    leaves = [
        (certificate(name("dukcapil"), key, ca_name, ca_key, agency="dukcapil", serial=0x1001), key)
        for key in [ec.generate_private_key(ec.SECP256R1())]
    ] + [
        (certificate(name("kemensos", "kemensos"), key, ca_name, ca_key, serial=0x1002), key)
        for key in [ed25519.Ed25519PrivateKey.generate()]
    ] + [
        (certificate(name("bank"), key, ca_name, ca_key, agency="bank-negara", serial=0x1003), key)
        for key in [rsa.generate_private_key(public_exponent=65537, key_size=2048)]
    ]
    crl = (x509.CertificateRevocationListBuilder().issuer_name(ca_name).last_update(NOW)
           .next_update(NOW + datetime.timedelta(days=7))
           .add_revoked_certificate(x509.RevokedCertificateBuilder().serial_number(0x1002).revocation_date(NOW).build())
           .sign(ca_key, hashes.SHA256()))
    return ca, leaves, crl


def certificates(ca, leaves, crl):
    pem = serialization.Encoding.PEM
    der = serialization.Encoding.DER
    write("certificate", ca.public_bytes(pem))
    write("certificate", ca.public_bytes(der))
    for leaf, _ in leaves:
        write("certificate", leaf.public_bytes(pem))
        write("certificate", leaf.public_bytes(der))
    write("certificate", leaves[0][0].public_bytes(pem) + ca.public_bytes(pem))  # a chain file
    write("certificate", crl.public_bytes(pem))
    write("certificate", crl.public_bytes(der))


# JWS: detached compact serialisations, signed over a fixed payload, with the headers Gerbang
# writes (alg, kid, x5t#S256, x5c) and some it must refuse.
def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def jws(header, key):
    encoded_header = b64url(json.dumps(header, separators=(",", ":")).encode())
    payload = b'{"specversion":"1.0","id":"fuzz"}'
    signing_input = (encoded_header + "." + b64url(payload)).encode()
    if isinstance(key, ec.EllipticCurvePrivateKey):
        r, s = decode_dss_signature(key.sign(signing_input, ec.ECDSA(hashes.SHA256())))
        signature = r.to_bytes(32, "big") + s.to_bytes(32, "big")
    elif isinstance(key, ed25519.Ed25519PrivateKey):
        signature = key.sign(signing_input)
    elif header["alg"] == "RS256":
        signature = key.sign(signing_input, padding.PKCS1v15(), hashes.SHA256())
    else:
        signature = key.sign(signing_input, padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=32), hashes.SHA256())
    return encoded_header + ".." + b64url(signature)


def jws_seeds(ca, leaves):
    der = serialization.Encoding.DER
    for (leaf, key), alg in zip(leaves, ["ES256", "EdDSA", "PS256"]):
        leaf_der = leaf.public_bytes(der)
        thumbprint = b64url(hashlib.sha256(leaf_der).digest())
        write("jws", jws({"alg": alg, "kid": f"agency:{leaf.serial_number:X}", "x5t#S256": thumbprint}, key))
        chain = [base64.b64encode(leaf_der).decode(), base64.b64encode(ca.public_bytes(der)).decode()]
        write("jws", jws({"alg": alg, "kid": f"agency:{leaf.serial_number:X}", "x5t#S256": thumbprint, "x5c": chain}, key))
    ec_key = leaves[0][1]
    write("jws", jws({"alg": "Ed25519"}, leaves[1][1]))
    write("jws", jws({"alg": "RS256", "typ": "JOSE"}, leaves[2][1]))
    write("jws", jws({"alg": "ES256", "crit": ["b64"], "b64": False}, ec_key))
    write("jws", jws({"alg": "ES256", "jwk": {"kty": "EC"}, "jku": "https://x.invalid/"}, ec_key))
    write("jws", b64url(b'{"alg":"none"}') + ".." + b64url(b"\x00"))
    write("jws", b64url(b'{"alg":"HS256"}') + ".." + b64url(b"\x01" * 32))


# Schemas: the catalogue's schemas, the draft 2020-12 meta-schemas, and the first schemas of each
# file of the JSON Schema test suite.
def schemas():
    for path in sorted((ROOT / "Config/schemas").rglob("*.schema.json")):
        write("schema", path.read_bytes())
    meta = SHARED / "json-schema-meta" / "draft2020-12"
    for path in sorted(meta.rglob("*.json")):
        write("schema", path.read_bytes())
    suite = SHARED / "json-schema-test-suite" / "tests" / "draft2020-12"
    for path in sorted(suite.glob("*.json")):
        for group in json.loads(path.read_text())[:3]:
            write("schema", json.dumps(group["schema"], indent=1, ensure_ascii=False))


if __name__ == "__main__":
    gmp()
    json_seeds()
    envelope()
    ca, leaves, crl = development_pki()
    certificates(ca, leaves, crl)
    jws_seeds(ca, leaves)
    schemas()
    for target in sorted(p.name for p in CORPUS.iterdir()):
        files = list((CORPUS / target).iterdir())
        print(f"{target}: {len(files)} files, {sum(f.stat().st_size for f in files)} bytes")
