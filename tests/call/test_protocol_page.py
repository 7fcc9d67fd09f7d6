"""docs/protocol-call.md shows every call request and event, and its examples are valid."""

from __future__ import annotations

import json
import re
from pathlib import Path

from meetings import protocol as p
from meetings import protocol_call as pc

PAGE = Path(__file__).resolve().parents[2] / "docs" / "protocol-call.md"
BLOCKS = [json.loads(b) for b in re.findall(r"```json\n(.*?)```", PAGE.read_text(), re.S)]


def test_every_call_message_has_an_example_that_round_trips() -> None:
    wanted = {m.model_fields["type"].default or "" for m in pc.EVENTS}
    wanted |= {m.model_fields["type"].annotation.__args__[0] for m in pc.REQUESTS}  # type: ignore[union-attr]
    assert wanted - {b["type"] for b in BLOCKS} == set()
    for block in BLOCKS:
        if block["type"] in p.REQUEST_TYPES:
            request = p.decode_request(json.dumps(block))
            assert p.decode_request(p.encode_request(request)) == request
        else:
            message = p.decode_server(json.dumps(block))
            assert p.decode_server(p.encode(message)) == message
