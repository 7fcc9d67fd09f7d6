"""What a test peer receives of one site: decoded pattern samples, audio frames, keyframes.

Shared by the SFU core's peers (tests/media/sfu_peers.py) and the call sites
(tests/call/peers.py): the readers decode the synthetic pattern (media.synthetic) from every
video frame and count audio frames; `watch_keyframes` notes VP8 keyframes as their first
packets reach a receiver.
"""

from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass, field
from typing import NamedTuple

import av
from aiortc import MediaStreamTrack, RTCRtpReceiver
from aiortc.codecs.vpx import VpxPayloadDescriptor
from aiortc.mediastreams import MediaStreamError
from aiortc.rtp import RtpPacket

from media.exceptions import PatternError
from media.frame_assembly import vp8_flags
from media.synthetic import read_pattern
from tests.support.progress import Progress

MAX_FRAMES = 10_000_000


@dataclass
class VideoSample:
    at: float
    number: int
    """The site number drawn in the pattern."""
    counter: int
    size: tuple[int, int]


class Keyframe(NamedTuple):
    at: float
    """When its first packet arrived (libvpx's decoder does not say which frames are keys)."""
    width: int
    """The picture width it announces, 0 if unreadable."""


@dataclass
class Received:
    """What a peer gets of one site."""

    video: list[VideoSample] = field(default_factory=list)
    unreadable: int = 0
    audio_frames: int = 0
    keyframes: list[Keyframe] = field(default_factory=list)
    video_ended: bool = False
    audio_ended: bool = False
    audio_track: MediaStreamTrack | None = None
    video_track: MediaStreamTrack | None = None


def vp8_width(data: bytes) -> int:
    """The picture width a VP8 keyframe announces (RFC 6386, 9.1), 0 if unreadable."""
    if len(data) < 10 or data[3:6] != b"\x9d\x01\x2a":
        return 0
    return int.from_bytes(data[6:8], "little") & 0x3FFF


def watch_keyframes(receiver: RTCRtpReceiver, into: Received, progress: Progress) -> None:
    """Note VP8 keyframes as their first packets reach the receiver (with their width)."""
    handle = receiver._handle_rtp_packet

    async def handle_rtp_packet(packet: RtpPacket, arrival_time_ms: int) -> None:
        if packet.payload:
            with contextlib.suppress(ValueError):
                _, data = VpxPayloadDescriptor.parse(packet.payload)
                start, keyframe = vp8_flags(packet.payload, data)
                if start and keyframe:
                    into.keyframes.append(Keyframe(time.monotonic(), vp8_width(data)))
                    progress.notify()
        await handle(packet, arrival_time_ms)

    receiver._handle_rtp_packet = handle_rtp_packet  # type: ignore[method-assign]


async def read_video(track: MediaStreamTrack, into: Received, progress: Progress) -> None:
    """Decode the pattern of every frame until the track ends."""
    with contextlib.suppress(MediaStreamError):
        for _ in range(MAX_FRAMES):
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


async def read_audio(track: MediaStreamTrack, into: Received, progress: Progress) -> None:
    """Count audio frames until the track ends."""
    with contextlib.suppress(MediaStreamError):
        for _ in range(MAX_FRAMES):
            await track.recv()
            into.audio_frames += 1
            progress.notify()
    into.audio_ended = True
    progress.notify()
