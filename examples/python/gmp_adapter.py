#!/usr/bin/env python3
"""A minimal Gerbang adapter in Python, written from docs/protocol.md (GMP/1) and docs/signing.md.

It publishes one signed `population.death.registered` event as Dukcapil and receives it as
Kemensos' `bansos` adapter (the route `kemensos.bansos` of Config/routes.yaml):

    CURVE connect → HELLO → WELCOME → PUBLISH → ACCEPTED          (publisher session)
    CURVE connect → HELLO → WELCOME → CREDIT → DELIVER → ACK      (consumer session)

Requirements: pyzmq and cryptography (`pip install pyzmq cryptography`). Run against a
`gerbangd --dev` (its data directory holds the development keys):

    python3 examples/python/gmp_adapter.py --endpoint tcp://127.0.0.1:5560 --data-dir data

The only non-obvious piece is the signature: a detached compact JWS (ES256) over the RFC 8785
canonical form of the event without its `gerbangjws` attribute. `canonical_json` below covers
the JSON this example produces (strings, integers, booleans, null, objects, arrays); a general
adapter should use a full RFC 8785 implementation (e.g. the `rfc8785` package) for numbers.
"""
import argparse
import base64
import datetime
import hashlib
import json
import pathlib
import struct
import time
import uuid

import zmq
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

# GMP/1 command codes (docs/protocol.md, section 3.1).
HELLO, WELCOME, HEARTBEAT, BYE, ERROR = 0x01, 0x02, 0x03, 0x04, 0x05
PUBLISH, ACCEPTED, REJECTED = 0x10, 0x11, 0x12
DELIVER, ACK, NACK, CREDIT = 0x20, 0x21, 0x22, 0x23
PREFIX = b"GMP\x01"
REPO = pathlib.Path(__file__).resolve().parents[2]


class GMPError(Exception):
    """The broker ended the session (ERROR), refused an event (REJECTED) or went silent."""


# --- Signing (docs/signing.md) -------------------------------------------------------------

def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def canonical_json(value) -> str:
    """RFC 8785 for strings, integers, booleans, null, objects and arrays (no floats)."""
    if isinstance(value, dict):
        keys = sorted(value, key=lambda key: key.encode("utf-16-be"))  # UTF-16 code unit order
        return "{" + ",".join(canonical_json(k) + ":" + canonical_json(value[k]) for k in keys) + "}"
    if isinstance(value, list):
        return "[" + ",".join(canonical_json(item) for item in value) + "]"
    if isinstance(value, float):
        raise ValueError("this minimal canonicaliser has no RFC 8785 number formatting; use the rfc8785 package")
    return json.dumps(value, ensure_ascii=False)


class Signer:
    """An agency's signing key and certificate (PEM files of the development PKI)."""

    def __init__(self, key_file: pathlib.Path, certificate_file: pathlib.Path, agency: str):
        self.key = serialization.load_pem_private_key(key_file.read_bytes(), password=None)
        certificate = x509.load_pem_x509_certificate(certificate_file.read_bytes())
        der = certificate.public_bytes(serialization.Encoding.DER)
        self.header = {"alg": "ES256", "kid": f"{agency}:{certificate.serial_number:X}",
                       "x5t#S256": b64url(hashlib.sha256(der).digest())}

    def sign(self, event: dict) -> bytes:
        """The event with its `gerbangjws` attribute, as UTF-8 JSON bytes."""
        unsigned = {k: v for k, v in event.items() if k != "gerbangjws"}
        header_b64 = b64url(json.dumps(self.header, separators=(",", ":")).encode())
        signing_input = f"{header_b64}.{b64url(canonical_json(unsigned).encode())}".encode()
        r, s = decode_dss_signature(self.key.sign(signing_input, ec.ECDSA(hashes.SHA256())))
        signature = r.to_bytes(32, "big") + s.to_bytes(32, "big")  # JWS ES256: R || S, 64 bytes
        signed = dict(unsigned, gerbangjws=f"{header_b64}..{b64url(signature)}")
        return json.dumps(signed, ensure_ascii=False, separators=(",", ":")).encode()


# --- GMP/1 session (docs/protocol.md) -----------------------------------------------------

class Session:
    """One GMP/1 session over a CURVE DEALER socket."""

    def __init__(self, endpoint: str, broker_public: bytes, agency_secret: bytes, timeout_ms: int = 10_000):
        self.socket = zmq.Context.instance().socket(zmq.DEALER)
        self.socket.curve_serverkey = broker_public
        self.socket.curve_secretkey = agency_secret
        self.socket.curve_publickey = zmq.curve_public(agency_secret)
        self.socket.linger = 0
        self.socket.rcvtimeo = timeout_ms
        self.socket.connect(endpoint)
        self.next_tag = 1
        self.heartbeat_s = 5.0
        self.last_sent = time.monotonic()

    def send(self, command: int, header_fields: bytes = b"", *frames: bytes):
        self.socket.send_multipart([PREFIX + bytes([command]) + header_fields, *frames])
        self.last_sent = time.monotonic()

    def receive(self):
        """The next message other than HEARTBEAT: (command, header fields, frames)."""
        while True:
            if time.monotonic() - self.last_sent >= self.heartbeat_s:
                self.send(HEARTBEAT)   # section 7: say something at least every interval
            try:
                header, *frames = self.socket.recv_multipart()
            except zmq.Again:
                raise GMPError("the broker sent nothing within the timeout") from None
            if header[:4] != PREFIX:
                raise GMPError(f"not a GMP/1 message: {header[:5]!r}")
            command = header[4]
            if command == ERROR:
                raise GMPError(f"ERROR {frames[0].decode()}: {frames[1].decode()}")
            if command == BYE:
                raise GMPError(f"BYE {frames[0].decode()}")
            if command != HEARTBEAT:
                return command, header[5:], frames

    def hello(self, agency: str, adapter: str, version: str = "1.0.0", subscriptions=()):
        self.send(HELLO, b"", agency.encode(), adapter.encode(), version.encode(), *(s.encode() for s in subscriptions))
        command, fields, frames = self.receive()
        if command != WELCOME or len(fields) != 31:
            raise GMPError(f"expected WELCOME, got command {command:#04x}")
        (session_id, interval_ms, _liveness, _max_frame, _max_event, _max_batch, _max_credit,
         _lease_ms) = struct.unpack(">QIBIIHII", fields)
        self.heartbeat_s = interval_ms / 1000
        return {"session": session_id, "broker": frames[0].decode(), "subscriptions": [f.decode() for f in frames[1:]]}

    def publish(self, event: bytes):
        """PUBLISH one event; returns (sequence, duplicate) or raises GMPError for REJECTED."""
        tag = self.next_tag
        self.next_tag += 1
        self.send(PUBLISH, b"", struct.pack(">Q", tag), event)
        while True:
            command, fields, frames = self.receive()
            if command == ACCEPTED:
                answered, sequence, flags = struct.unpack(">QQB", fields)
                if answered == tag:
                    return sequence, bool(flags & 1)
            elif command == REJECTED:
                (answered,) = struct.unpack(">Q", fields)
                if answered == tag:
                    reason, code, message, location = (f.decode() for f in frames)
                    raise GMPError(f"REJECTED {reason} ({code}) at {location or '-'}: {message}")

    def credit(self, credit: int):
        self.send(CREDIT, struct.pack(">I", credit))

    def next_delivery(self):
        """Waits for DELIVER: (delivery id, attempt, subscription, event dict)."""
        while True:
            command, fields, frames = self.receive()
            if command == DELIVER:
                delivery_id, _sequence, attempt, _lease_ms = struct.unpack(">QQII", fields)
                return delivery_id, attempt, frames[0].decode(), json.loads(frames[1])

    def ack(self, delivery_id: int):
        self.send(ACK, struct.pack(">Q", delivery_id))

    def close(self):
        self.send(BYE, b"", b"session.closed")
        self.socket.close()


# --- The example flow ---------------------------------------------------------------------

def death_event(agency_source: str) -> dict:
    """The catalogue example of a registered death with a fresh id and time."""
    event = json.loads((REPO / "Config" / "examples" / "population.death.registered.json").read_text())
    event["id"] = str(uuid.uuid4())
    event["source"] = agency_source
    event["time"] = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
    return event


def run(endpoint: str, data_dir: pathlib.Path, publisher="dukcapil", consumer="kemensos", consumer_adapter="bansos"):
    """Publishes one event and receives it; returns (sequence, delivery id, event id)."""
    broker_public = (data_dir / "curve" / "broker.pub").read_text().strip().encode()
    pki = data_dir / "pki" / "agencies"
    signer = Signer(pki / f"{publisher}.key.pem", pki / f"{publisher}.cert.pem", publisher)
    event = death_event(f"urn:gerbang:agency:{publisher}:python-example")

    publishing = Session(endpoint, broker_public, (data_dir / "curve" / "agencies" / f"{publisher}.key").read_text().strip().encode())
    publishing.hello(publisher, "python-example")
    sequence, duplicate = publishing.publish(signer.sign(event))
    print(f"published {event['id']}: ACCEPTED, sequence {sequence}{' (duplicate)' if duplicate else ''}")
    publishing.close()

    consuming = Session(endpoint, broker_public, (data_dir / "curve" / "agencies" / f"{consumer}.key").read_text().strip().encode())
    welcome = consuming.hello(consumer, consumer_adapter)
    consuming.credit(10)
    while True:
        delivery_id, attempt, subscription, delivered = consuming.next_delivery()
        consuming.ack(delivery_id)   # earlier events of the subscription are acknowledged too
        if delivered["id"] == event["id"]:
            print(f"received {delivered['id']} on {subscription} (attempt {attempt}, session {welcome['session']}): ACK")
            break
    consuming.close()
    return sequence, delivery_id, event["id"]


def main():
    parser = argparse.ArgumentParser(description="Publish and consume one event over GMP/1.")
    parser.add_argument("--endpoint", default="tcp://127.0.0.1:5560", help="gerbangd's adapter endpoint")
    parser.add_argument("--data-dir", default="data", type=pathlib.Path, help="gerbangd --dev data directory (keys, PKI)")
    arguments = parser.parse_args()
    run(arguments.endpoint, arguments.data_dir)


if __name__ == "__main__":
    main()
