"""A server killed mid-vote restarts with every acknowledged ballot and the vote still open;
a restarted server closes a timed vote when it is due."""

from __future__ import annotations

import asyncio
import os
import signal
from pathlib import Path

from ecabinet.net.client import Client
from meetings import protocol_live as pl
from server import launcher
from server.app import running
from server.config import ServerConfig
from server.handlers.live import resume_timers, stop_timers
from tests.live.conftest import DELEGATES, event_where, running_meeting, seed_hall
from tests.server import org
from tests.server.conftest import FAST_AUTH


async def _login(server: launcher.ServerProcess, username: str) -> Client:
    client = await Client.connect(server.url, pinned=server.fingerprint)
    await client.login(username, org.PASSWORD)
    return client


async def test_acknowledged_ballots_survive_sigkill(tmp_path: Path) -> None:
    data = tmp_path / "data"
    seed_hall(data)
    server = launcher.start(data)
    clients: list[Client] = []
    try:
        secretary = await _login(server, "thuky")
        chair = await _login(server, "chutich")
        delegates = [await _login(server, name) for name in DELEGATES[:8]]
        clients = [secretary, chair, *delegates]
        meeting = await running_meeting(secretary, chair)
        mid = meeting["id"]
        for client in delegates:
            await client.call("live.check_in", meeting_id=mid)
        await chair.call("live.next_item", meeting_id=mid, expected_item_id=None)
        named = await chair.call("live.open_vote", meeting_id=mid, question="Thông qua?")
        await asyncio.gather(
            *(
                c.call("live.cast", meeting_id=mid, vote_id=named["id"], choice="yes")
                for c in delegates[:5]
            )
        )
        # The last acknowledgement is in; kill without any chance to flush or clean up.
        os.kill(server.process.pid, signal.SIGKILL)
        server.process.wait()
        for client in clients:
            await client.closed.wait()
    finally:
        server.stop()

    server = launcher.start(data)
    try:
        chair = await _login(server, "chutich")
        late = [await _login(server, name) for name in DELEGATES[5:8]]
        state = await chair.call("live.state.get", meeting_id=mid)
        vote = state["votes"][0]
        assert (vote["status"], vote["cast"], vote["eligible"]) == ("open", 5, 8)
        assert vote["counts"] == {"yes": 5, "no": 0, "abstain": 0}
        # The delegates who had not voted vote after reconnecting; the others cannot again.
        for client in late:
            await client.call("live.cast", meeting_id=mid, vote_id=vote["id"], choice="no")
        closed = await chair.call("live.close_vote", meeting_id=mid, vote_id=vote["id"])
        assert closed["counts"] == {"yes": 5, "no": 3, "abstain": 0}
        for client in [chair, *late]:
            await client.close()
    finally:
        server.stop()


async def test_a_restarted_server_closes_a_timed_vote_by_itself(hall_dir: Path) -> None:
    config = ServerConfig(data_dir=hall_dir, port=0, auth=FAST_AUTH)
    async with running(config) as srv:
        secretary = await Client.connect(srv.url, pinned=srv.fingerprint)
        await secretary.login("thuky", org.PASSWORD)
        chair = await Client.connect(srv.url, pinned=srv.fingerprint)
        await chair.login("chutich", org.PASSWORD)
        meeting = await running_meeting(secretary, chair)
        mid = meeting["id"]
        for name in DELEGATES[:7]:
            client = await Client.connect(srv.url, pinned=srv.fingerprint)
            await client.login(name, org.PASSWORD)
            await client.call("live.check_in", meeting_id=mid)
            await client.close()
        await chair.call("live.next_item", meeting_id=mid, expected_item_id=None)
        vote = await chair.call("live.open_vote", meeting_id=mid, question="Hẹn giờ?", seconds=5)
        await chair.close()
        await secretary.close()
        stop_timers(srv.state)  # as the server does on shutdown
    # A new server on the same data: nobody touches the meeting, yet the vote closes.
    async with running(config) as srv:
        assert await resume_timers(srv.state) == 1
        watcher = await Client.connect(srv.url, pinned=srv.fingerprint)
        await watcher.login("thuky", org.PASSWORD)
        closed = await event_where(
            watcher,
            lambda e: isinstance(e, pl.VoteChanged) and e.reason == "closed",
            timeout=30,
        )
        assert isinstance(closed, pl.VoteChanged) and closed.vote.id == vote["id"]
        assert closed.vote.closed_at == closed.vote.closes_at
        await watcher.close()
