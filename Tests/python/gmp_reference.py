"""GMP/1 reference encoder and decoder, written from docs/protocol.md alone.

It shows that the protocol document is enough to implement GMP/1 in another language, and it is
checked against the same test vectors as the Swift codec (Tests/GMPTests/Vectors/, see
test_gmp_vectors.py). It has no dependency beyond the standard library; an adapter sends the
frames it produces with pyzmq's ``socket.send_multipart(frames)`` on a DEALER socket, and decodes
``socket.recv_multipart()``.

Messages are ``(command, fields)`` pairs: the command name ("HELLO", ...) and a dict whose keys are
the field names of the protocol document in snake_case (durations end in ``_ms``; event payloads
are ``bytes``).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

SIGNATURE = b"GMP"
VERSION = 1
SUPPORTED_VERSIONS = (1,)

# Section 3.1: code, name, senders, header length (header frame bytes).
COMMANDS = {
    0x01: ("HELLO", {"adapter"}, 5),
    0x02: ("WELCOME", {"broker"}, 36),
    0x03: ("HEARTBEAT", {"adapter", "broker"}, 5),
    0x04: ("BYE", {"adapter", "broker"}, 5),
    0x05: ("ERROR", {"adapter", "broker"}, 5),
    0x10: ("PUBLISH", {"adapter"}, 5),
    0x11: ("ACCEPTED", {"broker"}, 22),
    0x12: ("REJECTED", {"broker"}, 13),
    0x20: ("DELIVER", {"broker"}, 29),
    0x21: ("ACK", {"adapter"}, 13),
    0x22: ("NACK", {"adapter"}, 18),
    0x23: ("CREDIT", {"adapter"}, 9),
}
CODES = {name: code for code, (name, _, _) in COMMANDS.items()}

# Fixed header fields after the 5-byte prefix, in offset order (sections 3.3-3.13).
HEADER_FIELDS = {
    "WELCOME": [("session_id", "Q"), ("heartbeat_interval_ms", "I"), ("heartbeat_liveness", "B"),
                ("max_frame_bytes", "I"), ("max_event_bytes", "I"), ("max_events_per_publish", "H"),
                ("max_credit", "I"), ("lease_ms", "I")],
    "ACCEPTED": [("tag", "Q"), ("sequence", "Q"), ("flags", "B")],
    "REJECTED": [("tag", "Q")],
    "DELIVER": [("delivery_id", "Q"), ("sequence", "Q"), ("attempt", "I"), ("lease_ms", "I")],
    "ACK": [("delivery_id", "Q")],
    "NACK": [("delivery_id", "Q"), ("disposition", "B"), ("delay_ms", "I")],
    "CREDIT": [("credit", "I")],
}

# Field frames (section 3): (name, type). Types: identifier, identifier?, label, text(N), bytes.
FIELD_FRAMES = {
    "HELLO": [("agency", "identifier"), ("adapter_name", "identifier"), ("adapter_version", "label")],
    "WELCOME": [("broker_id", "label")],
    "HEARTBEAT": [],
    "BYE": [("reason", "identifier")],
    "ERROR": [("reason", "identifier"), ("detail", 4096)],
    "ACCEPTED": [],
    "REJECTED": [("reason", "identifier"), ("specific_code", "identifier?"), ("message", 4096), ("location", 1024)],
    "DELIVER": [("subscription", "identifier"), ("event", "bytes")],
    "ACK": [],
    "NACK": [("reason", "identifier"), ("message", 4096)],
    "CREDIT": [],
}
# Optional trailing frames (section 3.11: ACK's further delivery ids).
OPTIONAL_FRAMES = {"ACK": 1}
# Commands ending in repeated subscription frames (section 3.2, 3.3).
REPEATED_SUBSCRIPTIONS = {"HELLO", "WELCOME"}
IDENTIFIER_CHARS = set(b"abcdefghijklmnopqrstuvwxyz0123456789._-")


class GMPError(Exception):
    """A message that is not valid GMP/1: a reason code and the frame at fault (None: the whole)."""

    def __init__(self, reason: str, frame: int | None, message: str):
        super().__init__(f"{reason} (frame {frame}): {message}")
        self.reason = reason
        self.frame = frame


@dataclass
class Limits:
    """Section 8, with the documented defaults."""
    max_frames: int = 513
    max_frame_bytes: int = 1_048_576
    max_events_per_publish: int = 256
    max_subscriptions: int = 64


# --- field types (section 2.3) ---------------------------------------------------------------

def _check_text(data: bytes, kind, field: str, frame: int) -> str:
    maximum = kind if isinstance(kind, int) else 64
    if len(data) > maximum:
        raise GMPError("protocol.field-too-long", frame, f"{field} is {len(data)} bytes, at most {maximum}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise GMPError("protocol.invalid-utf8", frame, f"{field} is not valid UTF-8") from None
    if kind == "identifier?" and data == b"":
        return text
    if kind in ("identifier", "identifier?"):
        if not data or data[0] in b"._-" or any(b not in IDENTIFIER_CHARS for b in data):
            raise GMPError("protocol.invalid-field", frame, f"{field} must match [a-z0-9][a-z0-9._-]*")
    elif kind == "label":
        if not data or any(b < 0x21 or b > 0x7E for b in data):
            raise GMPError("protocol.invalid-field", frame, f"{field} must be 1-64 bytes of printable ASCII")
    return text


def _field_bytes(value, kind, field: str, frame: int) -> bytes:
    if kind == "bytes":
        return bytes(value)
    data = value.encode("utf-8")
    _check_text(data, kind, field, frame)
    return data


# --- value rules of section 3 -----------------------------------------------------------------

def _check_header_values(name: str, values: dict) -> None:
    def invalid(message):
        raise GMPError("protocol.invalid-field", 0, message)
    if name == "WELCOME":
        for key, _ in HEADER_FIELDS["WELCOME"][1:]:
            if values[key] == 0:
                invalid(f"WELCOME {key} must be at least 1")
    elif name == "ACCEPTED" and values["flags"] & 0xFE:
        invalid("ACCEPTED flags bits 1-7 must be 0")
    elif name == "DELIVER":
        if values["attempt"] == 0:
            invalid("DELIVER attempt must be at least 1")
        if values["lease_ms"] == 0:
            invalid("DELIVER lease must be at least 1")
    elif name == "NACK":
        if values["disposition"] not in (1, 2):
            invalid("NACK disposition must be 1 or 2")
        if values["disposition"] == 2 and values["delay_ms"] != 0:
            invalid("a permanent NACK must have delay 0")


# --- decoding (section 9.1) -------------------------------------------------------------------

def decode(frames: list[bytes], limits: Limits | None = None, sender: str | None = None) -> tuple[str, dict]:
    """Decodes one message; raises GMPError with the reason of section 9.1."""
    limits = limits or Limits()
    if len(frames) == 0:
        raise GMPError("protocol.missing-frame", 0, "no frame")
    if len(frames) > limits.max_frames:
        raise GMPError("protocol.too-many-frames", None, f"{len(frames)} frames")
    for index, frame in enumerate(frames):
        if len(frame) > limits.max_frame_bytes:
            raise GMPError("protocol.frame-too-large", index, f"{len(frame)} bytes")
    header = frames[0]
    if len(header) < 5:
        raise GMPError("protocol.malformed-frame", 0, "header shorter than 5 bytes")
    if header[0:3] != SIGNATURE:
        raise GMPError("protocol.bad-magic", 0, "not GMP")
    if header[3] not in SUPPORTED_VERSIONS:
        raise GMPError("protocol.unsupported-version", 0,
                       f"version {header[3]} is not supported; supported: {','.join(map(str, SUPPORTED_VERSIONS))}")
    if header[4] not in COMMANDS:
        raise GMPError("protocol.unknown-command", 0, f"command {header[4]}")
    name, senders, header_length = COMMANDS[header[4]]
    if sender is not None and sender not in senders:
        raise GMPError("protocol.unexpected-command", 0, f"{name} is not sent by the {sender}")
    if len(header) != header_length:
        raise GMPError("protocol.malformed-frame", 0, f"{name} header must be {header_length} bytes")

    field_frames = len(frames) - 1
    if name == "PUBLISH":
        if field_frames == 0:
            raise GMPError("protocol.empty-batch", None, "no event")
        if field_frames % 2:
            raise GMPError("protocol.missing-frame", len(frames), "tag without event")
        if field_frames // 2 > limits.max_events_per_publish:
            raise GMPError("protocol.batch-too-large", None, f"{field_frames // 2} events")
    else:
        required = len(FIELD_FRAMES[name])
        maximum = required + (limits.max_subscriptions if name in REPEATED_SUBSCRIPTIONS else 0) + OPTIONAL_FRAMES.get(name, 0)
        if field_frames < required:
            raise GMPError("protocol.missing-frame", len(frames), f"{name} needs {required + 1} frames")
        if field_frames > maximum:
            raise GMPError("protocol.too-many-frames", maximum + 1, f"{name} allows {maximum + 1} frames")

    fields: dict = {}
    layout = HEADER_FIELDS.get(name, [])
    if layout:
        values = struct.unpack(">" + "".join(t for _, t in layout), header[5:])
        fields.update(zip((k for k, _ in layout), values))
        _check_header_values(name, fields)

    if name == "PUBLISH":
        events = []
        for index in range(1, len(frames), 2):
            if len(frames[index]) != 8:
                raise GMPError("protocol.malformed-frame", index, "tag must be 8 bytes")
            events.append({"tag": struct.unpack(">Q", frames[index])[0], "event": bytes(frames[index + 1])})
        return name, {"events": events}

    for index, (field, kind) in enumerate(FIELD_FRAMES[name], start=1):
        data = bytes(frames[index])
        fields[field] = data if kind == "bytes" else _check_text(data, kind, field, index)
    if name in REPEATED_SUBSCRIPTIONS:
        start = len(FIELD_FRAMES[name]) + 1
        fields["subscriptions"] = [_check_text(bytes(frames[i]), "identifier", "subscription", i)
                                   for i in range(start, len(frames))]
    if name == "ACK" and len(frames) > 1:
        more = bytes(frames[1])
        if not more or len(more) % 8:
            raise GMPError("protocol.malformed-frame", 1, "further delivery ids must be 8 bytes each, at least one")
        fields["more_delivery_ids"] = list(struct.unpack(f">{len(more) // 8}Q", more))
    if name == "ACCEPTED":
        fields["duplicate"] = bool(fields.pop("flags") & 1)
    if name == "NACK":
        fields["disposition"] = "retry" if fields["disposition"] == 1 else "permanent"
    return name, fields


# --- encoding ---------------------------------------------------------------------------------

def encode(name: str, fields: dict | None = None) -> list[bytes]:
    """Encodes one message; raises GMPError when a field breaks a rule of the document."""
    fields = dict(fields or {})
    if name not in CODES:
        raise GMPError("protocol.unknown-command", 0, name)
    if name == "ACCEPTED":
        fields["flags"] = 1 if fields.get("duplicate") else 0
    if name == "NACK":
        fields["disposition"] = {"retry": 1, "permanent": 2}[fields["disposition"]]
        fields.setdefault("delay_ms", 0)
    layout = HEADER_FIELDS.get(name, [])
    if layout:
        _check_header_values(name, fields)
    header = SIGNATURE + bytes([VERSION, CODES[name]])
    header += struct.pack(">" + "".join(t for _, t in layout), *(fields[k] for k, _ in layout)) if layout else b""
    frames = [header]
    if name == "PUBLISH":
        if not fields.get("events"):
            raise GMPError("protocol.empty-batch", None, "no event")
        for event in fields["events"]:
            frames += [struct.pack(">Q", event["tag"]), bytes(event["event"])]
        return frames
    for field, kind in FIELD_FRAMES[name]:
        frames.append(_field_bytes(fields[field], kind, field, len(frames)))
    if name in REPEATED_SUBSCRIPTIONS:
        for subscription in fields.get("subscriptions", []):
            frames.append(_field_bytes(subscription, "identifier", "subscription", len(frames)))
    if name == "ACK" and fields.get("more_delivery_ids"):
        more = fields["more_delivery_ids"]
        frames.append(struct.pack(f">{len(more)}Q", *more))
    return frames
