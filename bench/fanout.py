"""Event fan-out: 500 clients subscribed to one meeting; time from a chair's change to the
last client's event, p50 and p99 (target: p99 under 50 ms).

The server runs as its own process; the 500 clients share this one. The same clients are then
measured against a bare websockets server that only broadcasts a message of the same size: the
baseline for what the machine and the client side cost. Run with `python -m bench.fanout`.
"""

from __future__ import annotations

import asyncio
import json
import ssl
import sys
import tempfile
import time
from pathlib import Path

from websockets.asyncio.client import connect
from websockets.asyncio.server import broadcast, serve

from bench.harness import seed_people, summary
from ecabinet.net.client import Client
from server import launcher

CLIENTS = 500
CHANGES = 100
TIMEOUT = 60.0


def client_context() -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


async def receiver(url: str, token: str) -> object:
    """A listening client kept as light as the baseline's: it only reads JSON frames."""
    ws = await connect(url, ssl=client_context(), compression=None, max_size=None)
    await ws.send(json.dumps({"type": "auth.resume", "id": "1", "token": token}))
    reply = json.loads(await ws.recv())
    assert reply["type"] == "result", reply
    return ws


async def arrivals(sockets: list[object], started: float) -> list[float]:
    async def arrival(ws: object) -> float:
        while True:
            message = json.loads(await asyncio.wait_for(ws.recv(), TIMEOUT))  # type: ignore[attr-defined]
            if message["type"] == "meeting.updated":
                return (time.perf_counter() - started) * 1000

    return await asyncio.gather(*(arrival(ws) for ws in sockets))


async def ours(data: Path) -> dict[str, object]:
    tokens, chair_token = seed_people(data, CLIENTS)
    server = launcher.start(data)
    try:
        chair = await Client.connect(server.url, pinned=server.fingerprint)
        await chair.resume(chair_token)
        meeting = await chair.call(
            "meeting.create",
            title="Phiên họp",
            organiser_unit_id="ubnd",
            starts_at="2026-12-01T08:00:00+07:00",
            ends_at="2026-12-01T11:00:00+07:00",
            hall="Hội trường",
            invited_unit_ids=["ubnd"],
        )
        await chair.call("agenda.add", meeting_id=meeting["id"], title="Khai mạc")
        await chair.call("meeting.transition", meeting_id=meeting["id"], to="published")
        sockets: list[object] = []
        for index in range(0, CLIENTS, 50):  # connect in batches, bounded
            sockets += await asyncio.gather(
                *(receiver(server.url, t) for t in tokens[index : index + 50])
            )
        last, every = [], []
        for number in range(CHANGES):
            started = time.perf_counter()
            change = chair.call(
                "meeting.update", meeting_id=meeting["id"], title=f"Phiên họp {number}"
            )
            times, _ = await asyncio.gather(arrivals(sockets, started), change)
            last.append(max(times))
            every.extend(times)
        for ws in sockets:
            await ws.close()  # type: ignore[attr-defined]
        await chair.close()
        return {"last_client_ms": summary(last), "every_client_ms": summary(every)}
    finally:
        server.stop()


async def baseline() -> dict[str, object]:
    """A bare websockets server over TLS that broadcasts a same-size message on request."""
    from server.tls import ensure_self_signed, server_context

    directory = Path(tempfile.mkdtemp(prefix="bench-fanout-"))
    cert, key = ensure_self_signed(directory, "127.0.0.1")
    payload = "x" * 1500  # about the size of a meeting.updated event
    connected: set[object] = set()

    async def handler(ws: object) -> None:
        connected.add(ws)
        try:
            async for message in ws:  # type: ignore[attr-defined]
                others = [c for c in connected if c is not ws]
                broadcast(others, json.dumps({"type": "meeting.updated", "p": payload}))  # type: ignore[arg-type]
                await ws.send(json.dumps({"type": "result", "id": json.loads(message)["id"]}))  # type: ignore[attr-defined]
        finally:
            connected.discard(ws)

    context = client_context()
    async with serve(
        handler, "127.0.0.1", 0, ssl=server_context(cert, key), compression=None
    ) as server:
        port = next(iter(server.sockets)).getsockname()[1]
        url = f"wss://127.0.0.1:{port}/"
        sockets = []
        for _ in range(0, CLIENTS, 50):
            sockets += await asyncio.gather(
                *(connect(url, ssl=context, compression=None) for _ in range(50))
            )
        chair = await connect(url, ssl=context, compression=None)
        last = []
        for number in range(CHANGES):
            started = time.perf_counter()
            await chair.send(json.dumps({"type": "x", "id": str(number)}))
            await chair.recv()

            async def arrival(ws: object, started: float) -> float:
                json.loads(await ws.recv())  # type: ignore[attr-defined]
                return time.perf_counter() - started

            times = await asyncio.gather(*(arrival(ws, started) for ws in sockets))
            last.append(max(times) * 1000)
        for ws in [*sockets, chair]:
            await ws.close()
    return {"last_client_ms": summary(last)}


async def run() -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="bench-fanout-") as tmp:
        result = await ours(Path(tmp) / "data")
    base = await baseline()
    ratio = result["last_client_ms"]["p99"] / base["last_client_ms"]["p99"]  # type: ignore[index]
    return {
        "clients": CLIENTS,
        "changes": CHANGES,
        "ecabinet": result,
        "bare_broadcast": base,
        "p99_ratio_to_bare": ratio,
    }


def main() -> None:
    result = asyncio.run(run())
    ours_last = result["ecabinet"]["last_client_ms"]  # type: ignore[index]
    base_last = result["bare_broadcast"]["last_client_ms"]  # type: ignore[index]
    print(f"fan-out to {CLIENTS} clients, {CHANGES} changes (time to the LAST client's event):")
    print(
        f"  eCabinet        p50 {ours_last['p50']:.1f} ms  p99 {ours_last['p99']:.1f} ms  "
        f"max {ours_last['max']:.1f} ms"
    )
    print(f"  bare broadcast  p50 {base_last['p50']:.1f} ms  p99 {base_last['p99']:.1f} ms")
    print(f"  ratio p99 eCabinet / bare: {result['p99_ratio_to_bare']:.2f}  (target: p99 < 50 ms)")
    every = result["ecabinet"]["every_client_ms"]  # type: ignore[index]
    print(f"  every client:   p50 {every['p50']:.1f} ms  p99 {every['p99']:.1f} ms")
    json.dump(
        result,
        sys.stdout if "--json" in sys.argv else open(Path("bench/out/fanout.json"), "w"),
        indent=1,
    )


if __name__ == "__main__":
    main()
