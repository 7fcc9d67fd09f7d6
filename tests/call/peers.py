"""A site of a video call as the tests drive it: a logged-in protocol client, a publishing
connection with synthetic tracks, and a receiving connection answering the server's offers.

Everything is real: the websocket to the real server, ICE/DTLS/SRTP over 127.0.0.1 UDP.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from dataclasses import dataclass, field
from typing import Any

import av
from aiortc import MediaStreamTrack, RTCPeerConnection, RTCRtpReceiver, RTCSessionDescription
from aiortc.codecs.vpx import VpxPayloadDescriptor
from aiortc.mediastreams import MediaStreamError
from aiortc.rtp import RtpPacket

from ecabinet.net.client import Client
from media.exceptions import PatternError
from media.frame_assembly import vp8_flags
from media.ice import LOOPBACK, force_codecs, rtc_configuration
from media.synthetic import LOW_SIZE, SyntheticAudioTrack, SyntheticVideoTrack, read_pattern
from meetings import protocol as p
from meetings import protocol_call as pc
from tests.support.progress import Progress

TIMEOUT = 30.0


@dataclass
class VideoSample:
    at: float
    number: int
    counter: int
    size: tuple[int, int]


@dataclass
class Received:
    """What this site gets of one other site."""

    video: list[VideoSample] = field(default_factory=list)
    unreadable: int = 0
    audio_frames: int = 0
    keyframes: list[tuple[float, int]] = field(default_factory=list)
    """(arrival, payload bytes of the keyframe's first packet)"""
    video_ended: bool = False
    audio_ended: bool = False


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
                reader = _read_video(transceiver.receiver.track, into, self.progress)
            else:
                reader = _read_audio(transceiver.receiver.track, into, self.progress)
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


def watch_keyframes(receiver: RTCRtpReceiver, into: Received, progress: Progress) -> None:
    """Note VP8 keyframes as their first packets reach the receiver (with their size)."""
    handle = receiver._handle_rtp_packet

    async def handle_rtp_packet(packet: RtpPacket, arrival_time_ms: int) -> None:
        if packet.payload:
            with contextlib.suppress(ValueError):
                _, data = VpxPayloadDescriptor.parse(packet.payload)
                start, keyframe = vp8_flags(packet.payload, data)
                if start and keyframe:
                    into.keyframes.append((time.monotonic(), _vp8_width(data)))
                    progress.notify()
        await handle(packet, arrival_time_ms)

    receiver._handle_rtp_packet = handle_rtp_packet  # type: ignore[method-assign]


def _vp8_width(data: bytes) -> int:
    """The picture width a VP8 keyframe announces (RFC 6386, 9.1), 0 if unreadable."""
    if len(data) < 10 or data[3:6] != b"\x9d\x01\x2a":
        return 0
    return int.from_bytes(data[6:8], "little") & 0x3FFF


async def _read_video(track: MediaStreamTrack, into: Received, progress: Progress) -> None:
    with contextlib.suppress(MediaStreamError):
        for _ in range(10_000_000):
            frame = await track.recv()
            assert isinstance(frame, av.VideoFrame)
            try:
                pattern = read_pattern(frame)
            except PatternError:
                into.unreadable += 1
                progress.notify()
                continue
            into.video.append(
                VideoSample(
                    time.monotonic(), pattern.site, pattern.counter, (frame.width, frame.height)
                )
            )
            progress.notify()
    into.video_ended = True
    progress.notify()


async def _read_audio(track: MediaStreamTrack, into: Received, progress: Progress) -> None:
    with contextlib.suppress(MediaStreamError):
        for _ in range(10_000_000):
            await track.recv()
            into.audio_frames += 1
            progress.notify()
    into.audio_ended = True
    progress.notify()
