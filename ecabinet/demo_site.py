"""A ward hall in the demo's video call with no screen: a room account that joins with
synthetic tracks and receives the others, the way a room PC would, for the headless tour.

Everything of one site runs on a `MediaThread` of its own (a plain asyncio loop in a thread),
its websocket client included: RTP on the GUI's loop is what docs/call-client.md explains
the client avoids, and the tour's Qt events must keep flowing while three sites send. ICE is
`media.ice.LOOPBACK`-style (whatever `IceSettings` the caller gives, no STUN or TURN), the
tracks are `media.synthetic`'s (the caller may pass captioned ones built in the GUI thread).
No Qt here.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Sequence
from typing import Any

from aiortc import MediaStreamTrack, RTCPeerConnection, RTCSessionDescription
from aiortc.mediastreams import MediaStreamError

from ecabinet.call.media_thread import MediaThread
from ecabinet.net.client import Client
from media.ice import LOOPBACK, IceSettings, apply_host_addresses, force_codecs, rtc_configuration
from media.synthetic import LOW_SIZE, SyntheticAudioTrack, SyntheticVideoTrack
from meetings import protocol_call as pc

log = logging.getLogger(__name__)

WAIT = 30.0  # seconds for any one request
MAX_EVENTS = 10_000_000  # the event pump's bound: far more than a demo call sends
MAX_FRAMES = 100_000_000  # a reader's bound


def synthetic_tracks(number: int, fps: int = 10) -> list[MediaStreamTrack]:
    """Audio (a tone), video high and low drawing ``number``: the order a site offers."""
    return [
        SyntheticAudioTrack(),
        SyntheticVideoTrack(number, fps=fps, texture=False),
        SyntheticVideoTrack(number, LOW_SIZE, fps=fps, texture=False),
    ]


class SyntheticSite:
    """One room account in the call: joins, answers the server's offers, reads what comes.

    ``frames[site]`` counts the video frames received from each other site (written on the
    site's thread, read from anywhere). Call `leave` to hang up; it also stops the thread.
    """

    def __init__(
        self,
        url: str,
        fingerprint: str | None,
        username: str,
        password: str,
        tracks: Sequence[MediaStreamTrack],
        *,
        ice: IceSettings = LOOPBACK,
    ) -> None:
        self.url, self.fingerprint = url, fingerprint
        self.username, self.password = username, password
        self.tracks = list(tracks)
        self.ice = ice
        if ice.addresses:
            apply_host_addresses(ice)  # as the call client does: process-wide, for aioice
        self.thread = MediaThread(f"demo-site-{username}")
        self.site = ""
        self.meeting_id = ""
        self.frames: dict[str, int] = {}
        self.events: list[Any] = []
        self._client: Client | None = None
        self._publish: RTCPeerConnection | None = None
        self._receive: RTCPeerConnection | None = None
        self._known_mids: set[str] = set()
        self._tasks: list[asyncio.Task[None]] = []
        self._pump: asyncio.Task[None] | None = None

    async def join(self, meeting_id: str) -> str:
        """Sign in and join the meeting's call; the site's id."""
        return await self.thread.run(self._join(meeting_id))

    async def call(self, kind: str, /, **fields: Any) -> Any:
        """A request of the site's account (``live.ask_floor``, say), sent from its thread."""

        async def send() -> Any:
            assert self._client is not None, "join first"
            return await self._client.call(kind, timeout=WAIT, **fields)

        return await self.thread.run(send())

    async def leave(self) -> None:
        """Leave the call, close the connections and the client, stop the thread."""
        try:
            await self.thread.run(self._leave())
        finally:
            await self.thread.stop()

    # --- on the site's thread -------------------------------------------------------------

    async def _join(self, meeting_id: str) -> str:
        self.meeting_id = meeting_id
        client = await Client.connect(self.url, pinned=self.fingerprint)
        self._client = client
        await asyncio.wait_for(client.login(self.username, self.password), WAIT)
        self._pump = asyncio.get_running_loop().create_task(self._read_events())
        publish = RTCPeerConnection(rtc_configuration(self.ice))
        self._publish = publish
        for track in self.tracks:
            force_codecs(publish.addTransceiver(track, direction="sendonly"))
        await publish.setLocalDescription(await publish.createOffer())
        data = await client.call(
            "call.join", timeout=WAIT, meeting_id=meeting_id, offer=publish.localDescription.sdp
        )
        joined = pc.CallJoined.model_validate(data)
        self.site = joined.site
        await publish.setRemoteDescription(RTCSessionDescription(sdp=joined.answer, type="answer"))
        return joined.site

    async def _read_events(self) -> None:
        client = self._client
        assert client is not None
        with contextlib.suppress(asyncio.CancelledError):
            for _ in range(MAX_EVENTS):
                event = await client.events.get()
                self.events.append(event)
                if isinstance(event, pc.CallOffer):
                    try:
                        await self._on_offer(event)
                    except Exception:  # one bad offer must not end the pump
                        log.exception("%s: could not answer an offer", self.username)

    async def _on_offer(self, offer: pc.CallOffer) -> None:
        if offer.fresh or self._receive is None:
            if self._receive is not None:
                await self._receive.close()
            self._receive = RTCPeerConnection(rtc_configuration(self.ice))
            self._known_mids = set()
        connection = self._receive
        await connection.setRemoteDescription(RTCSessionDescription(sdp=offer.sdp, type="offer"))
        by_mid = {t.mid: t for t in connection.getTransceivers()}
        for track in offer.tracks:
            if track.mid in self._known_mids or track.mid not in by_mid:
                continue
            self._known_mids.add(track.mid)
            reader = self._read(by_mid[track.mid].receiver.track, track.site, track.kind)
            self._tasks.append(asyncio.get_running_loop().create_task(reader))
        await connection.setLocalDescription(await connection.createAnswer())
        assert self._client is not None
        await self._client.call(
            "call.answer",
            timeout=WAIT,
            meeting_id=offer.meeting_id,
            revision=offer.revision,
            answer=connection.localDescription.sdp,
        )

    async def _read(self, track: MediaStreamTrack, site: str, kind: str) -> None:
        """Take what arrives (so nothing piles up in the track), counting video frames."""
        with contextlib.suppress(MediaStreamError, asyncio.CancelledError):
            for _ in range(MAX_FRAMES):
                await track.recv()
                if kind == "video":
                    self.frames[site] = self.frames.get(site, 0) + 1

    async def _leave(self) -> None:
        client = self._client
        if client is not None and self.site:
            with contextlib.suppress(Exception):
                await client.call("call.leave", timeout=5, meeting_id=self.meeting_id)
        tasks = [t for t in (self._pump, *self._tasks) if t is not None]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        for connection in (self._publish, self._receive):
            if connection is not None:
                await connection.close()
        for track in self.tracks:
            track.stop()
        if client is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(client.close(), 5)
