"""Votes: 200 voters cast their ballots within the same second; every ballot is counted, and
the time from the last ballot sent to the result (the tally with all 200) on every client is
measured, p50 and p99 (target: p99 under 200 ms). A named and a secret vote.

The baseline is the same clients in the same run doing `ping` round trips all at once: the
time from the last ping sent to each reply, i.e. what the machine, TLS and the client side
cost without any vote. Run with `python -m bench.votes`.
"""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from websockets.asyncio.client import ClientConnection, connect

from bench.fanout import client_context
from bench.harness import seed_people, summary
from meetings.people import Role
from server import directory_ops as ops
from server import launcher
from server.auth import new_token
from server.store import directory_repo
from server.store.clock import now
from server.store.db import Store

VOTERS = 200
TIMEOUT = 60.0


def add_chair(data: Path) -> str:
    """A chair in the bench's unit, with a ready session; returns the token."""
    store = Store(f"sqlite:///{data / 'ecabinet.sqlite3'}")

    def seed(db: Any) -> str:
        person = ops.add_person(
            db, "per_chair", "chutich", "Chủ tịch", "Chủ tịch", [("ubnd", Role.CHAIR)], None, "b"
        )
        token, token_hash = new_token()
        expires = now().replace(year=now().year + 1)
        directory_repo.create_session(db, token_hash, person.id, now(), expires)
        return token

    try:
        return store.write_sync(seed)
    finally:
        store.engine.dispose()


class Peer:
    """One light client: requests by id, and the arrival time of the first event matching a
    wanted vote tally."""

    def __init__(self, ws: ClientConnection) -> None:
        self.ws = ws
        self.pending: dict[str, asyncio.Future[Any]] = {}
        self.counter = 0
        self.wanted: tuple[str, int] | None = None
        self.arrived: asyncio.Future[float] | None = None
        self.reader = asyncio.create_task(self.read())

    async def read(self) -> None:
        async for frame in self.ws:
            message = json.loads(frame)
            if message["type"] in ("result", "error"):
                future = self.pending.pop(message["id"], None)
                if future is not None and not future.done():
                    future.set_result(message)
            elif (
                message["type"] == "live.vote"
                and self.wanted is not None
                and self.arrived is not None
                and not self.arrived.done()
                and message["vote"]["id"] == self.wanted[0]
                and message["vote"]["cast"] >= self.wanted[1]
            ):
                self.arrived.set_result(time.perf_counter())

    async def call(self, message_type: str, /, **fields: Any) -> Any:
        self.counter += 1
        request_id = f"r{self.counter}"
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self.pending[request_id] = future
        await self.ws.send(json.dumps({"type": message_type, "id": request_id, **fields}))
        reply = await asyncio.wait_for(future, TIMEOUT)
        if reply["type"] == "error":
            raise RuntimeError(f"{message_type}: {reply['message']}")
        return reply["data"]

    def expect(self, vote_id: str, cast: int) -> None:
        self.wanted = (vote_id, cast)
        self.arrived = asyncio.get_running_loop().create_future()

    async def close(self) -> None:
        await self.ws.close()
        self.reader.cancel()


async def peer(url: str, token: str) -> Peer:
    ws = await connect(url, ssl=client_context(), compression=None, max_size=None)
    client = Peer(ws)
    await client.call("auth.resume", token=token)
    return client


async def one_vote(chair: Peer, voters: list[Peer], mid: str, kind: str) -> dict[str, Any]:
    vote = await chair.call("live.open_vote", meeting_id=mid, kind=kind, question=f"{kind}?")
    everyone = [chair, *voters]
    for client in everyone:
        client.expect(vote["id"], VOTERS)
    choices = ["yes", "no", "abstain"]
    sent: list[float] = []

    async def cast(index: int, client: Peer) -> float:
        request = client.call(
            "live.cast", meeting_id=mid, vote_id=vote["id"], choice=choices[index % 3]
        )
        sent.append(time.perf_counter())
        started = sent[-1]
        await request
        return (time.perf_counter() - started) * 1000

    begun = time.perf_counter()
    acks = await asyncio.gather(*(cast(i, c) for i, c in enumerate(voters)))
    last_sent = max(sent)
    arrivals = await asyncio.gather(*(c.arrived for c in everyone if c.arrived is not None))
    closed = await chair.call("live.close_vote", meeting_id=mid, vote_id=vote["id"])
    counted = sum(closed["counts"].values())
    return {
        "kind": kind,
        "counted": counted,
        "all_counted": counted == VOTERS and closed["cast"] == VOTERS,
        "sending_spread_ms": (last_sent - begun) * 1000,
        "result_after_last_ballot_ms": summary([(t - last_sent) * 1000 for t in arrivals]),
        "ballot_ack_ms": summary(acks),
    }


async def pings(clients: list[Peer]) -> dict[str, float]:
    sent: list[float] = []

    async def ping(client: Peer) -> float:
        request = client.call("ping")
        sent.append(time.perf_counter())
        await request
        return time.perf_counter()

    done = await asyncio.gather(*(ping(c) for c in clients))
    last = max(sent)
    return summary([(t - last) * 1000 for t in done])


async def run(data: Path) -> dict[str, Any]:
    tokens, _secretary = seed_people(data, VOTERS)
    chair_token = add_chair(data)
    server = launcher.start(data)
    try:
        chair = await peer(server.url, chair_token)
        meeting = await chair.call(
            "meeting.create",
            title="Kỳ họp",
            organiser_unit_id="ubnd",
            starts_at="2026-12-01T08:00:00+07:00",
            ends_at="2026-12-01T11:00:00+07:00",
            hall="Hội trường",
            invited_unit_ids=["ubnd"],
        )
        mid = meeting["id"]
        await chair.call("agenda.add", meeting_id=mid, title="Biểu quyết")
        await chair.call("meeting.transition", meeting_id=mid, to="published")
        await chair.call("meeting.transition", meeting_id=mid, to="in_progress")
        voters: list[Peer] = []
        for index in range(0, VOTERS, 50):  # connect in batches, bounded
            voters += await asyncio.gather(
                *(peer(server.url, t) for t in tokens[index : index + 50])
            )
        for index in range(0, VOTERS, 50):
            await asyncio.gather(
                *(v.call("live.check_in", meeting_id=mid) for v in voters[index : index + 50])
            )
        await chair.call("live.next_item", meeting_id=mid, expected_item_id=None)
        baseline = await pings([chair, *voters])
        named = await one_vote(chair, voters, mid, "named")
        secret = await one_vote(chair, voters, mid, "secret")
        baseline_after = await pings([chair, *voters])
        for client in [chair, *voters]:
            await client.close()
        return {
            "voters": VOTERS,
            "named": named,
            "secret": secret,
            "ping_baseline_ms": baseline,
            "ping_baseline_after_ms": baseline_after,
        }
    finally:
        server.stop()


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-votes-") as tmp:
        result = asyncio.run(run(Path(tmp) / "data"))
    base = result["ping_baseline_ms"]
    print(f"{VOTERS} voters casting at once, time from the last ballot sent to the full tally")
    print("on every client (the chair and the voters):")
    for kind in ("named", "secret"):
        vote = result[kind]
        after = vote["result_after_last_ballot_ms"]
        acks = vote["ballot_ack_ms"]
        print(
            f"  {kind:6}  counted {vote['counted']}/{VOTERS} "
            f"({'all' if vote['all_counted'] else 'MISSING'}), sent within "
            f"{vote['sending_spread_ms']:.0f} ms; result p50 {after['p50']:.1f} ms "
            f"p99 {after['p99']:.1f} ms max {after['max']:.1f} ms; "
            f"ballot ack p99 {acks['p99']:.1f} ms"
        )
        print(f"          p99 ratio to the ping baseline: {after['p99'] / base['p99']:.1f}")
    print(
        f"  baseline: {VOTERS + 1} pings at once, last ping to each reply "
        f"p50 {base['p50']:.1f} ms p99 {base['p99']:.1f} ms (target for votes: p99 < 200 ms)"
    )
    out = Path("bench/out/votes.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    json.dump(result, sys.stdout if "--json" in sys.argv else out.open("w"), indent=1)


if __name__ == "__main__":
    main()
