"""The synthetic sites every system under test is driven with, and what they write down.

A site publishes audio and two video layers replayed from pre-encoded clips with real pacing
(never encoded in the loop) and notes when each frame went to its sender. It taps its
receivers (frames assembled from RTP, never handed to aiortc's decoder) and notes, for each
frame, whose it was, which clip frame (matched by its bytes) and when its last packet came.
Only frames that a server re-encoded (the MediaRelay baseline) cannot be matched by bytes:
those are decoded and the frame counter drawn in the picture is read instead.

Everything is stamped with ``time.monotonic()``, one clock for every process on the machine,
so the parent can cut the logs into measured windows afterwards.
"""

from __future__ import annotations

import asyncio
import hashlib
import random
import time
from dataclasses import dataclass, field
from typing import Any

import av
from aiortc import RTCPeerConnection, RTCRtpReceiver
from aiortc.rtp import is_rtcp

from media.aiortc_hooks import on_keyframe_request, tap_receiver
from media.exceptions import PatternError
from media.frame_assembly import EncodedFrame
from media.ice import force_codecs
from media.synthetic import (
    HIGH_SIZE,
    LOW_SIZE,
    EncodedClip,
    PreEncodedTrack,
    encode_video_clip,
    read_pattern,
)
from meetings import call

FPS = 30
CLIP_FRAMES = 30
KINDS = ("audio", "high", "low")
SPOTLIGHT_INDEX = 1
"""The chair pins the first ward: every site receives it in high, the rest in low."""


def site_names(wards: int) -> list[str]:
    """The hall first, then the wards: keys of the seeded accounts and of the sites."""
    return ["hall", *(f"ward{i}" for i in range(1, wards + 1))]


def planned(wards: int, last_n: int = call.DEFAULT_LAST_N) -> dict[str, dict[str, str]]:
    """Who receives what, from the room rules the eCabinet server uses (``meetings.call``):
    ``{receiver: {site: "high" | "low"}}`` (audio comes with every received site). The hall
    receives every ward; each ward the hall, the pinned site and the first ``last_n`` others
    (the pre-encoded audio carries no level, so the loudest are the first to join)."""
    names = site_names(wards)
    state = call.RoomState()
    for name in names:
        state = call.join(state, call.Site(id=name, name=name, hall=name == "hall"))
    state = call.RoomState(sites=state.sites, layouts=state.layouts, pinned=names[SPOTLIGHT_INDEX])
    result: dict[str, dict[str, str]] = {}
    for viewer, row in call.plan(state, {}, last_n).items():
        result[viewer] = {
            site: str(sub.quality) for site, sub in row.items() if sub.quality is not None
        }
    return result


def digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=8).digest()


@dataclass
class Clips:
    """A site's pre-encoded clips and, to recognise its frames, their digests."""

    number: int
    clips: dict[str, EncodedClip]
    index: dict[bytes, tuple[str, int]] = field(default_factory=dict)

    @classmethod
    def make(cls, number: int, audio: EncodedClip, video: dict[str, EncodedClip]) -> Clips:
        made = cls(number, {"audio": audio, **video})
        for kind, clip in made.clips.items():
            for position, frame in enumerate(clip.frames):
                made.index.setdefault(digest(frame), (kind, position))
        return made


def encode_site(number: int) -> dict[str, EncodedClip]:
    """A site's two layers, encoded once before the run (in a process pool)."""
    return {
        "high": encode_video_clip(number, HIGH_SIZE, frames=CLIP_FRAMES, gop=CLIP_FRAMES),
        "low": encode_video_clip(number, LOW_SIZE, frames=CLIP_FRAMES, gop=CLIP_FRAMES),
    }


class LoggedTrack(PreEncodedTrack):
    """Replays a clip and notes when each frame went to the sender."""

    def __init__(self, clip: EncodedClip, log: list[tuple[int, float]]) -> None:
        super().__init__(clip)
        self.log = log

    async def recv(self) -> Any:
        packet = await super().recv()
        self.log.append(((self._index - 1) % len(self.clip.frames), time.monotonic()))
        return packet


def publish_tracks(clips: Clips, sent: dict[str, list[tuple[int, float]]]) -> list[LoggedTrack]:
    """Audio, high, low: the order of the m-lines every system here expects."""
    return [LoggedTrack(clips.clips[kind], sent.setdefault(kind, [])) for kind in KINDS]


def add_sending(connection: RTCPeerConnection, tracks: list[LoggedTrack]) -> None:
    for track in tracks:
        transceiver = connection.addTransceiver(track, direction="sendonly")
        force_codecs(transceiver)
        if track.kind == "video":
            on_keyframe_request(transceiver.sender, track.request_keyframe)


@dataclass
class Received:
    """Frames a site received: (sender, kind, clip position or -1, arrival time)."""

    frames: list[tuple[str, str, int, float]] = field(default_factory=list)
    undecodable: int = 0


class Source:
    """What a tapped receiver carries: a site's audio, or its video in a known or any layer."""

    def __init__(self, site: str, kind: str, clips: Clips | None, decode: bool) -> None:
        self.site = site
        self.kind = kind
        self.clips = clips
        self.decoder = av.CodecContext.create("vp8", "r") if decode and kind != "audio" else None

    def identify(self, frame: EncodedFrame, into: Received) -> tuple[str, int]:
        if self.clips is not None:
            found = self.clips.index.get(digest(frame.data))
            if found is not None:
                return found
        if self.decoder is not None:
            try:
                pictures = self.decoder.decode(av.Packet(frame.data))
                if pictures:
                    return self.kind, read_pattern(pictures[-1]).counter % CLIP_FRAMES
            except (av.FFmpegError, PatternError):
                pass
            into.undecodable += 1
        return self.kind, -1


def tap(receiver: RTCRtpReceiver, source: Source, into: Received) -> None:
    """Tap one receiver: frames are assembled and noted, decoded only if the source says so."""
    holder: list[Any] = []

    def on_frame(frame: EncodedFrame) -> None:
        kind, position = source.identify(frame, into)
        into.frames.append((source.site, kind, position, frame.arrival))

    holder.append(tap_receiver(receiver, on_frame, lambda: holder[0].request_keyframe()))


async def connected(connection: RTCPeerConnection, seconds: float = 30.0) -> None:
    """Wait until ``connection`` is up; raise if it fails or takes longer than ``seconds``."""
    async with asyncio.timeout(seconds):
        for _ in range(int(seconds * 20) + 1):
            if connection.connectionState == "connected":
                return
            if connection.connectionState in ("failed", "closed"):
                break
            await asyncio.sleep(0.05)
    raise ConnectionError(f"the connection is {connection.connectionState}")


class SendDropper:
    """Drops a share of the RTP packets (retransmissions included) a connection sends:
    loss on a publisher's way to the server, made inside the load generator."""

    def __init__(self, seed: int) -> None:
        self.rate = 0.0
        self.rng = random.Random(seed)
        self.seen: list[float] = []
        self.dropped: list[float] = []

    def install(self, connection: RTCPeerConnection) -> None:
        """Call once the answer is set (the bundled transport is then the senders' own)."""
        transports = {t.sender.transport for t in connection.getTransceivers()}
        for transport in transports:
            send = transport._send_rtp

            async def send_rtp(data: bytes, send: Any = send) -> None:
                # Only media is dropped: RTCP (reports, NACKs, PLIs) always goes.
                if is_rtcp(data):
                    await send(data)
                    return
                now = time.monotonic()
                self.seen.append(now)
                if self.rate and self.rng.random() < self.rate:
                    self.dropped.append(now)
                    return
                await send(data)

            transport._send_rtp = send_rtp  # type: ignore[method-assign]
