"""A site of a video call as the tests drive it: a logged-in protocol client, a publishing
connection with synthetic tracks, and a receiving connection answering the server's offers.

Everything is real: the websocket to the real server, ICE/DTLS/SRTP over 127.0.0.1 UDP.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

from aiortc import RTCPeerConnection, RTCSessionDescription

from ecabinet.net.client import Client
from media.ice import LOOPBACK, force_codecs, rtc_configuration
from media.synthetic import LOW_SIZE, SyntheticAudioTrack, SyntheticVideoTrack
from meetings import protocol as p
from meetings import protocol_call as pc
from tests.support.progress import Progress
from tests.support.received import Received, read_audio, read_video, watch_keyframes

TIMEOUT = 30.0

__all__ = ["CallSite", "Progress", "Received"]


class CallSite:
    """One site: joins with audio and two synthetic video layers drawing ``number``."""

    def __init__(self, client: Client, number: int, progress: Progress, *, fps: int = 10) -> None:
        self.client = client
        self.number = number
        self.progress = progress
        self.fps = fps
        self.site = ""
        self.meeting_id = ""
        self.publish = RTCPeerConnection(rtc_configuration(LOOPBACK))
        self.receive: RTCPeerConnection | None = None
        self.received: dict[str, Received] = {}
        self.events: list[p.Model] = []
        self.offers = 0
        self.joined: pc.CallJoined | None = None
        self._known_mids: set[str] = set()
        self._tasks: list[asyncio.Task[None]] = []
        self._old: list[RTCPeerConnection] = []
        self._pump = asyncio.get_running_loop().create_task(self._read_events())

    # --- joining ----------------------------------------------------------------------------

    def offer_tracks(self) -> None:
        for track in (
            SyntheticAudioTrack(),
            SyntheticVideoTrack(self.number, fps=self.fps, texture=False),
            SyntheticVideoTrack(self.number, LOW_SIZE, fps=self.fps, texture=False),
        ):
            force_codecs(self.publish.addTransceiver(track, direction="sendonly"))

    async def join(self, meeting_id: str, **options: Any) -> pc.CallJoined:
        """Join (again: with a new publishing connection) with a fresh offer."""
        self.meeting_id = meeting_id
        if self.publish.getTransceivers():
            await self.publish.close()
            self.publish = RTCPeerConnection(rtc_configuration(LOOPBACK))
        self.offer_tracks()
        await self.publish.setLocalDescription(await self.publish.createOffer())
        data = await self.client.call(
            "call.join", meeting_id=meeting_id, offer=self.publish.localDescription.sdp, **options
        )
        joined = pc.CallJoined.model_validate(data)
        self.joined, self.site = joined, joined.site
        await self.publish.setRemoteDescription(
            RTCSessionDescription(sdp=joined.answer, type="answer")
        )
        return joined

    async def call(self, kind: str, **fields: Any) -> Any:
        return await self.client.call(kind, meeting_id=self.meeting_id, **fields)

    # --- what arrives -----------------------------------------------------------------------

    def of(self, site: str) -> Received:
        return self.received.setdefault(site, Received())

    def events_of(self, kind: type[p.Model]) -> list[Any]:
        return [e for e in self.events if isinstance(e, kind)]

    async def _read_events(self) -> None:
        with contextlib.suppress(asyncio.CancelledError):
            for _ in range(10_000_000):
                event = await self.client.events.get()
                if isinstance(event, pc.CallOffer):
                    await self._on_offer(event)
                self.events.append(event)
                self.progress.notify()

    async def _on_offer(self, offer: pc.CallOffer) -> None:
        if offer.fresh or self.receive is None:
            if self.receive is not None:
                self._old.append(self.receive)
                await self.receive.close()
            self.receive = RTCPeerConnection(rtc_configuration(LOOPBACK))
            self._known_mids = set()
        connection = self.receive
        await connection.setRemoteDescription(RTCSessionDescription(sdp=offer.sdp, type="offer"))
        by_mid = {t.mid: t for t in connection.getTransceivers()}
        for track in offer.tracks:
            if track.mid in self._known_mids:
                continue
            self._known_mids.add(track.mid)
            transceiver = by_mid[track.mid]
            into = self.of(track.site)
            if track.kind == "video":
                watch_keyframes(transceiver.receiver, into, self.progress)
                reader = read_video(transceiver.receiver.track, into, self.progress)
            else:
                reader = read_audio(transceiver.receiver.track, into, self.progress)
            self._tasks.append(asyncio.get_running_loop().create_task(reader))
        await connection.setLocalDescription(await connection.createAnswer())
        self.offers += 1
        await self.client.call(
            "call.answer",
            meeting_id=offer.meeting_id,
            revision=offer.revision,
            answer=connection.localDescription.sdp,
        )

    async def close(self) -> None:
        self._pump.cancel()
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(self._pump, *self._tasks, return_exceptions=True)
        await self.publish.close()
        if self.receive is not None:
            await self.receive.close()
