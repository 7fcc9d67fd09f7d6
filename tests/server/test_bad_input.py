"""Malformed, hostile and oversized messages: a typed error, and nobody else notices."""

from __future__ import annotations

import asyncio
import json
import struct

import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from ecabinet.net.tls import pinning_context
from meetings import protocol as p
from server.app import RunningServer
from tests.server import org
from tests.server.conftest import Login


async def raw(server: RunningServer):  # type: ignore[no-untyped-def]
    return await connect(server.url, ssl=pinning_context(), max_size=None, compression=None)


async def exchange(ws: object, frame: str | bytes) -> dict[str, object]:
    await ws.send(frame)  # type: ignore[attr-defined]
    reply = await asyncio.wait_for(ws.recv(), 10)  # type: ignore[attr-defined]
    return json.loads(reply)


@pytest.mark.parametrize(
    ("frame", "code", "request_id"),
    [
        ("{not json", "bad_request", None),
        ("[1, 2, 3]", "bad_request", None),
        ('"just a string"', "bad_request", None),
        ('{"type": "meeting.explode", "id": "a1"}', "unknown_type", "a1"),
        ('{"id": "a2"}', "unknown_type", "a2"),
        ('{"type": "auth.login", "id": "a3", "username": 5, "password": []}', "bad_request", "a3"),
        ('{"type": "auth.login", "id": "a4", "username": "x"}', "bad_request", "a4"),
        ('{"type": "ping", "id": "a5", "surprise": true}', "bad_request", "a5"),
        ('{"type": "ping", "id": "bad id with spaces"}', "bad_request", "bad id with spaces"),
        ('{"type": "ping", "id": "' + "x" * 100 + '"}', "bad_request", None),
        ('{"type": "ping"}', "bad_request", None),
        (
            '{"type": "upload.chunk", "id": "a6", "upload_id": "u", "offset": 0}',
            "unauthenticated",
            "a6",
        ),
    ],
)
async def test_malformed_messages_get_a_typed_error_and_the_connection_stays(
    server: RunningServer, frame: str, code: str, request_id: str | None
) -> None:
    async with await raw(server) as ws:
        reply = await exchange(ws, frame)
        assert reply["type"] == "error" and reply["code"] == code
        assert reply["id"] == request_id
        assert reply["message"] and reply["message_vi"]
        pong = await exchange(ws, '{"type": "ping", "id": "after"}')
        assert pong == {"type": "result", "id": "after", "data": pong["data"]}


@pytest.mark.parametrize(
    "frame",
    [
        b"",
        b"\x00\x00",
        struct.pack(">I", 999_999) + b"{}",
        struct.pack(">I", 3) + b"abc",
        p.join_binary({"type": "ping", "id": "b1"}, b"payload"),
    ],
)
async def test_bad_binary_frames(server: RunningServer, frame: bytes) -> None:
    async with await raw(server) as ws:
        reply = await exchange(ws, frame)
        assert reply["type"] == "error" and reply["code"] == "bad_request"
        assert (await exchange(ws, '{"type": "ping", "id": "x"}'))["type"] == "result"


async def test_an_oversized_frame_closes_that_connection_only(
    server: RunningServer, login: Login
) -> None:
    bystander = await login("delegate")
    async with await raw(server) as ws:
        await ws.send("x" * (server.state.config.limits.max_frame_bytes + 10))
        with pytest.raises(ConnectionClosed) as closed:
            await asyncio.wait_for(ws.recv(), 10)
        assert closed.value.rcvd is not None and closed.value.rcvd.code == 1009  # too big
    assert await bystander.call("meetings.list") == []


async def test_a_large_text_frame_under_the_limit_is_refused_politely(
    server: RunningServer,
) -> None:
    async with await raw(server) as ws:
        frame = json.dumps({"type": "ping", "id": "big", "pad": "x" * (p.MAX_TEXT_FRAME + 1)})
        reply = await exchange(ws, frame)
        assert reply["code"] == "too_large"


async def test_a_client_that_vanishes_mid_request_does_not_disturb_others(
    server: RunningServer, login: Login
) -> None:
    bystander = await login("secretary")
    for _ in range(20):
        ws = await raw(server)
        await ws.send(
            json.dumps(
                {"type": "auth.login", "id": "1", "username": "thuky", "password": org.PASSWORD}
            )
        )
        ws.transport.abort()
    assert isinstance(await bystander.call("meetings.list"), list)


async def test_other_endpoints_are_not_found(server: RunningServer) -> None:
    from websockets.exceptions import InvalidStatus

    with pytest.raises(InvalidStatus) as refused:
        await connect(server.url.replace("/ws", "/admin"), ssl=pinning_context())
    assert refused.value.response.status_code == 404
