"""Checks the GMP/1 reference implementation (gmp_reference.py, written from docs/protocol.md)
against the test vectors that the Swift codec checks too (Tests/GMPTests/Vectors/)."""

import json
import random
from pathlib import Path

import pytest

import gmp_reference as gmp

VECTORS = Path(__file__).resolve().parent.parent / "GMPTests" / "Vectors"
VALID = json.loads((VECTORS / "valid.json").read_text(encoding="utf-8"))["vectors"]
INVALID = json.loads((VECTORS / "invalid.json").read_text(encoding="utf-8"))["vectors"]


def frames_of(vector):
    return [bytes.fromhex(frame) for frame in vector["frames"]]


def expected_fields(vector):
    """The vector's fields with hex event payloads turned into bytes."""
    fields = json.loads(json.dumps(vector["fields"]))
    if "event" in fields:
        fields["event"] = bytes.fromhex(fields["event"])
    for event in fields.get("events", []):
        event["event"] = bytes.fromhex(event["event"])
    return fields


def test_vectors_cover_every_command():
    assert {vector["command"] for vector in VALID} == {name for name, _, _ in gmp.COMMANDS.values()}
    assert len(INVALID) >= 50


@pytest.mark.parametrize("vector", VALID, ids=[v["name"] for v in VALID])
def test_valid_vector_decodes_to_its_fields(vector):
    command, fields = gmp.decode(frames_of(vector))
    assert command == vector["command"]
    assert fields == expected_fields(vector)


@pytest.mark.parametrize("vector", VALID, ids=[v["name"] for v in VALID])
def test_valid_vector_fields_encode_to_its_frames(vector):
    assert gmp.encode(vector["command"], expected_fields(vector)) == frames_of(vector)


@pytest.mark.parametrize("vector", INVALID, ids=[v["name"] for v in INVALID])
def test_invalid_vector_fails_with_its_reason(vector):
    limits = gmp.Limits(**vector.get("limits", {}))
    with pytest.raises(gmp.GMPError) as failure:
        gmp.decode(frames_of(vector), limits, vector.get("sender"))
    assert failure.value.reason == vector["reason"]
    assert failure.value.frame == vector["frame"]


def test_random_mutations_never_crash_the_reference():
    rng = random.Random(0x474D5031)
    for _ in range(5000):
        frames = [bytearray(f) for f in frames_of(rng.choice(VALID))]
        index = rng.randrange(len(frames))
        if frames[index] and rng.random() < 0.5:
            frames[index][rng.randrange(len(frames[index]))] ^= 1 << rng.randrange(8)
        else:
            frames[index] = frames[index][: rng.randrange(len(frames[index]) + 1)]
        try:
            command, fields = gmp.decode([bytes(f) for f in frames])
        except gmp.GMPError as error:
            assert error.reason.startswith("protocol.")
        else:
            # The encoding is canonical: whatever decodes re-encodes to the same bytes.
            assert gmp.encode(command, fields) == [bytes(f) for f in frames]


def protocol_examples():
    """The byte listings of docs/protocol.md, section 13: (heading, frames) per message."""
    document = (Path(__file__).resolve().parents[2] / "docs" / "protocol.md").read_text(encoding="utf-8")
    section = document[document.index("## 13. Examples"):document.index("## 14.")]
    messages = []
    in_listing = False
    for line in section.splitlines():
        if line.startswith("```"):
            in_listing = line == "```" and not in_listing
            continue
        if not in_listing or not line.strip():
            continue
        if line.startswith(("A → B", "B → A")):
            messages.append((line, []))
            continue
        frames = messages[-1][1]
        body = line[11:]
        if line.startswith("  frame "):
            frames.append(b"")
        if body.startswith("("):
            frames[-1] += body.split(") ", 1)[1].encode("utf-8")
        else:
            frames[-1] += bytes.fromhex(body[:48])
    return messages


def test_protocol_document_examples_decode():
    examples = protocol_examples()
    assert len(examples) == 15
    for heading, frames in examples:
        count = int(heading.split(", ")[1].split()[0])
        assert len(frames) == count, heading
        if "version 2" in heading or frames[0][3] != 1:
            with pytest.raises(gmp.GMPError) as failure:
                gmp.decode(frames)
            assert failure.value.reason == "protocol.unsupported-version"
            continue
        command, fields = gmp.decode(frames, sender="adapter" if heading.startswith("A") else "broker")
        assert heading.split()[3].rstrip(",") == command, heading
        assert gmp.encode(command, fields) == frames
