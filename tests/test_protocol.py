"""The protocol round-trips, refuses what it should, and docs/protocol.md matches it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from meetings import protocol as p
from meetings.errors import ErrorCode

DOCS = Path(__file__).resolve().parents[1] / "docs"
# The core page and every feature's page (docs/protocol-<feature>.md).
PAGES = [DOCS / "protocol.md", *sorted(DOCS.glob("protocol-*.md"))]
BLOCKS = [
    json.loads(b)
    for page in PAGES
    for b in re.findall(r"```json\n(.*?)```", page.read_text(), re.S)
]
SERVER_TYPES = {
    "result",
    "error",
    "meeting.updated",
    "meeting.removed",
    "document.added",
    "comment.added",
    "note.changed",
    "note.deleted",
    "session.ended",
} | set(p.EVENT_TYPES)


def test_every_request_type_is_documented_with_an_example() -> None:
    documented = {b["type"] for b in BLOCKS}
    assert p.REQUEST_TYPES - documented == set()
    assert SERVER_TYPES - {"result"} - documented == set()


@pytest.mark.parametrize(
    "block", [b for b in BLOCKS if b["type"] in p.REQUEST_TYPES], ids=lambda b: b["id"]
)
def test_documented_requests_are_valid_and_round_trip(block: dict[str, object]) -> None:
    request = p.decode_request(json.dumps(block))
    assert p.decode_request(p.encode_request(request)) == request


@pytest.mark.parametrize(
    "block", [b for b in BLOCKS if b["type"] in SERVER_TYPES], ids=lambda b: str(b["type"])
)
def test_documented_server_messages_are_valid_and_round_trip(block: dict[str, object]) -> None:
    message = p.decode_server(json.dumps(block))
    assert p.decode_server(p.encode(message)) == message


def test_every_documented_block_is_a_known_message() -> None:
    assert {b["type"] for b in BLOCKS} <= p.REQUEST_TYPES | SERVER_TYPES


def test_binary_frames_round_trip() -> None:
    header = {"type": "upload.chunk", "id": "c1", "upload_id": "upl_1", "offset": 1024}
    frame = p.join_binary(header, b"\x00\x01%PDF")
    request, payload = p.decode_binary_request(frame)
    assert isinstance(request, p.UploadChunk) and request.offset == 1024
    assert payload == b"\x00\x01%PDF"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", ErrorCode.BAD_REQUEST),
        ("null", ErrorCode.BAD_REQUEST),
        ('{"type": 5, "id": "x"}', ErrorCode.UNKNOWN_TYPE),
        ('{"type": "meeting.get", "id": "x"}', ErrorCode.BAD_REQUEST),
        ('{"type": "meeting.get", "id": "x", "meeting_id": 7}', ErrorCode.BAD_REQUEST),
        (
            '{"type": "agenda.add", "id": "x", "meeting_id": "m", "title": "t",'
            ' "planned_minutes": -5}',
            ErrorCode.BAD_REQUEST,
        ),
        (
            '{"type": "meeting.create", "id": "x", "title": "t", "organiser_unit_id": "u",'
            ' "starts_at": "2026-12-01T08:00:00", "ends_at": "2026-12-01T09:00:00+07:00"}',
            ErrorCode.BAD_REQUEST,
        ),
        (
            '{"type": "upload.begin", "id": "x", "meeting_id": "m", "filename": "a.pdf",'
            ' "title": "t", "size": 1, "sha256": "ABC"}',
            ErrorCode.BAD_REQUEST,
        ),
    ],
)
def test_bad_requests_are_refused_with_a_code(text: str, code: ErrorCode) -> None:
    with pytest.raises(p.ProtocolError) as caught:
        p.decode_request(text)
    assert caught.value.code == code


def test_a_validation_error_names_the_field() -> None:
    with pytest.raises(p.ProtocolError) as caught:
        p.decode_request('{"type": "meeting.get", "id": "x", "meeting_id": 7}')
    assert caught.value.request_id == "x"
    assert caught.value.details["problems"][0]["field"] == "meeting_id"
