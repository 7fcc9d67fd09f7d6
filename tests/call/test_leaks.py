"""Fifty joins and leaves through the real server leave no connection, task or thread behind."""

from __future__ import annotations

import asyncio
import gc
import threading
import weakref
from typing import Any

import pytest

from server.app import RunningServer
from server.sfu import sfu_of
from tests.call.conftest import SETTINGS, Login, Sites
from tests.call.peers import CallSite, Progress

JOINS = 50


def decoder_threads() -> int:
    return sum(1 for t in threading.enumerate() if t.name.endswith("-decoder"))


@pytest.mark.timeout(400)
async def test_fifty_joins_and_leaves_leak_nothing(
    new_site: Sites,
    login: Login,
    meeting: dict[str, Any],
    progress: Progress,
    server: RunningServer,
) -> None:
    chair = await new_site("chair", 1)
    client = await login("room")
    tasks = asyncio.all_tasks()
    threads = decoder_threads()
    await chair.join(meeting["id"])
    sfu = sfu_of(server.state)
    room = sfu.find(meeting["id"])
    assert room is not None
    connections: list[weakref.ref[object]] = []
    for index in range(JOINS):
        guest = CallSite(client, 2, progress)
        await guest.join(meeting["id"])
        session = room.sessions[guest.site]
        got = guest.of(chair.site)
        await progress.wait_for(lambda got=got: len(got.video) >= 2, f"join {index}: the hall")
        seen = chair.of(guest.site)
        await progress.wait_for(
            lambda seen=seen: any(w > 0 for _, w in seen.keyframes), f"join {index}: the guest"
        )
        connections += [weakref.ref(session.publish_pc), weakref.ref(session.subscribe_pc)]
        connections += [weakref.ref(guest.publish), weakref.ref(guest.receive)]
        if index % 2:
            await guest.call("call.leave")
        else:
            await client.ws.send('{"type": "ping", "id": "x"}')  # the other half just go
            await guest.publish.close()
        await progress.wait_for(lambda: list(room.sessions) == [chair.site], "the guest's exit")
        await guest.close()
        seen.keyframes.clear()
        del guest, session, got, seen
    # The hall's receiving connection was replaced as ended m-lines piled up.
    hall = room.sessions[chair.site]
    assert hall.dead <= SETTINGS.max_dead_tracks + 2
    assert list(room.forwarder.publishers) == [chair.site]
    assert not room.forwarder.feeds
    # The hall leaves last: the room closes and everything since the start is gone.
    connections += [weakref.ref(hall.publish_pc), weakref.ref(hall.subscribe_pc)]
    del hall
    await chair.call("call.leave")
    await chair.close()
    assert sfu.find(meeting["id"]) is None
    await progress.wait_for(lambda: room.closed and not room.sessions, "the room to close")
    extra = asyncio.all_tasks() - tasks - {asyncio.current_task()}
    if extra:
        await asyncio.wait(extra, timeout=10)
    left = {t for t in asyncio.all_tasks() - tasks if not t.done()} - {asyncio.current_task()}
    assert not left, f"{len(left)} tasks left: {sorted(repr(t.get_coro()) for t in left)}"
    gc.collect()
    alive = [ref for ref in connections if ref() is not None]
    assert not alive, f"{len(alive)} of {len(connections)} peer connections still alive"
    assert decoder_threads() == threads
