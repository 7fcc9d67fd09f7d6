"""The MediaRelay baseline: a plain aiortc server that decodes and re-encodes.

What an SFU built the obvious way on aiortc does: each published track is received as aiortc
always receives it (depacketised, jitter-buffered, decoded in its decoder thread), shared with
`aiortc.contrib.media.MediaRelay`, and every subscriber's sender encodes it again (VP8 or Opus,
one encoder per sender). Every published track is also drained by a `MediaBlackhole`, as the
relay reads a track only while someone consumes it and aiortc's decoded-frame queue is
unbounded. The server is its own process with a websocket for signalling on 127.0.0.1; the plan
(who receives which site in which layer) is the same as the eCabinet run's.

The sites cannot recognise re-encoded frames by their bytes, so here they decode the video
they receive and read the frame counter drawn in the picture (`media.synthetic`), which makes
this load generator more expensive than the others: the bench runs this baseline on fewer
sites and reports per-frame figures.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import multiprocessing as mp
from typing import Any

from aiortc import MediaStreamTrack, RTCPeerConnection, RTCSessionDescription
from aiortc.contrib.media import MediaBlackhole, MediaRelay
from websockets.asyncio.client import connect
from websockets.asyncio.server import ServerConnection, serve

from bench.sfu.sites import KINDS, Source, add_sending, publish_tracks, tap
from bench.sfu.workers import SiteContext, System
from media.ice import LOOPBACK, apply_host_addresses, force_codecs, rtc_configuration

START_TIMEOUT = 60.0


class RelayServer:
    """Signalling state of the relay server: the published tracks and every connection."""

    def __init__(self, plan: dict[str, dict[str, str]]) -> None:
        self.plan = plan
        self.relay = MediaRelay()
        self.published: dict[str, dict[str, MediaStreamTrack]] = {}
        self.connections: list[RTCPeerConnection] = []
        self.drains: list[MediaBlackhole] = []

    async def handle(self, ws: ServerConnection) -> None:
        site = ""
        for _ in range(100):
            try:
                message = json.loads(await ws.recv())
            except Exception:
                return
            site = message["site"]
            if message["type"] == "publish":
                answer = await self.publish(site, message["sdp"])
                await ws.send(json.dumps({"sdp": answer}))
            elif message["type"] == "subscribe":
                connection, offer, tracks = await self.subscribe(site)
                await ws.send(json.dumps({"sdp": offer, "tracks": tracks}))
                answer = json.loads(await ws.recv())
                await connection.setRemoteDescription(
                    RTCSessionDescription(sdp=answer["sdp"], type="answer")
                )

    async def publish(self, site: str, offer: str) -> str:
        connection = RTCPeerConnection(rtc_configuration(LOOPBACK))
        self.connections.append(connection)
        receivers = {}
        for kind in KINDS:
            transceiver = connection.addTransceiver(
                "audio" if kind == "audio" else "video", direction="recvonly"
            )
            force_codecs(transceiver)
            receivers[kind] = transceiver
        await connection.setRemoteDescription(RTCSessionDescription(sdp=offer, type="offer"))
        tracks = {kind: t.receiver.track for kind, t in receivers.items()}
        self.published[site] = tracks
        for track in tracks.values():
            drain = MediaBlackhole()
            drain.addTrack(self.relay.subscribe(track))
            await drain.start()
            self.drains.append(drain)
        await connection.setLocalDescription(await connection.createAnswer())
        return str(connection.localDescription.sdp)

    async def subscribe(self, site: str) -> tuple[RTCPeerConnection, str, list[dict[str, str]]]:
        connection = RTCPeerConnection(rtc_configuration(LOOPBACK))
        self.connections.append(connection)
        added = []
        for source, layer in self.plan[site].items():
            for kind in ("audio", layer):
                track = self.relay.subscribe(self.published[source][kind], buffered=False)
                transceiver = connection.addTransceiver(track, direction="sendonly")
                force_codecs(transceiver)
                added.append((transceiver, source, kind))
        await connection.setLocalDescription(await connection.createOffer())
        tracks = [{"mid": str(t.mid), "site": source, "kind": kind} for t, source, kind in added]
        return connection, str(connection.localDescription.sdp), tracks

    async def close(self) -> None:
        for drain in self.drains:
            await drain.stop()
        for connection in self.connections:
            await connection.close()


async def serve_main(plan: dict[str, dict[str, str]], conn: Any) -> None:
    apply_host_addresses(LOOPBACK)
    server = RelayServer(plan)
    async with serve(server.handle, "127.0.0.1", 0) as ws_server:
        port = next(iter(ws_server.sockets)).getsockname()[1]
        conn.send(port)
        await asyncio.to_thread(conn.recv)
        await server.close()


def serve_process(plan: dict[str, dict[str, str]], conn: Any) -> None:
    asyncio.run(serve_main(plan, conn))


class Relay:
    """The relay server process, for `bench.sfu.workers.drive`."""

    def __init__(self, wards: int) -> None:
        from bench.sfu.sites import planned

        context = mp.get_context("spawn")
        self._pipe, theirs = context.Pipe()
        self.process = context.Process(
            target=serve_process, args=(planned(wards), theirs), daemon=True
        )
        self.process.start()
        if not self._pipe.poll(START_TIMEOUT):
            self.close()
            raise RuntimeError("the MediaRelay server did not start")
        port = self._pipe.recv()
        assert self.process.pid is not None
        self.system = System(
            name="aiortc MediaRelay",
            site_main=site_main,
            server_pid=self.process.pid,
            params={"url": f"ws://127.0.0.1:{port}"},
        )

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self._pipe.send("stop")
        self.process.join(timeout=30)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(timeout=5)

    def __enter__(self) -> Relay:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


# --- one site in a worker ---------------------------------------------------------------------


async def site_main(context: SiteContext) -> None:
    publish = RTCPeerConnection(rtc_configuration(LOOPBACK))
    receive = RTCPeerConnection(rtc_configuration(LOOPBACK))
    try:
        async with connect(context.params["url"], open_timeout=START_TIMEOUT) as ws:
            add_sending(publish, publish_tracks(context.clips, context.sent))
            await publish.setLocalDescription(await publish.createOffer())
            sdp = publish.localDescription.sdp
            await ws.send(json.dumps({"type": "publish", "site": context.key, "sdp": sdp}))
            answer = json.loads(await asyncio.wait_for(ws.recv(), START_TIMEOUT))
            await publish.setRemoteDescription(
                RTCSessionDescription(sdp=answer["sdp"], type="answer")
            )
            if context.dropper is not None:
                context.dropper.install(publish)
            await context.control.barrier("published")
            await ws.send(json.dumps({"type": "subscribe", "site": context.key}))
            offer = json.loads(await asyncio.wait_for(ws.recv(), START_TIMEOUT))
            await receive.setRemoteDescription(
                RTCSessionDescription(sdp=offer["sdp"], type="offer")
            )
            mids = {t["mid"]: t for t in offer["tracks"]}
            for transceiver in receive.getTransceivers():
                track = mids.get(str(transceiver.mid))
                if track is None or transceiver.receiver.track is None:
                    continue
                source = Source(track["site"], track["kind"], None, decode=True)
                tap(transceiver.receiver, source, context.received)
            await receive.setLocalDescription(await receive.createAnswer())
            await ws.send(json.dumps({"sdp": receive.localDescription.sdp}))
            await context.control.barrier("receiving")
            await context.control.stopped.wait()
    finally:
        await publish.close()
        await receive.close()
