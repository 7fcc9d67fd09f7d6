"""What a site sends: a microphone and a camera, or the synthetic source standing in for them.

A `MediaSource` is three aiortc tracks in the order the publishing connection offers them
(audio, video high ~960x540, video low ~320x180), wrapped so that the microphone button and
the camera button act on them (`GatedAudioTrack`, `GatedVideoTrack`).

The synthetic source draws `media.synthetic`'s test pattern (the site number and a frame
counter, readable back after VP8) and, in the bottom quarter the pattern leaves free, the
site's name and a clock; its sound is a tone. Text is drawn from bitmaps rendered once (by Qt,
in `ecabinet.call.stamps`), so the frames themselves are built without Qt.

Camera off sends black frames at the same rate instead of replacing the track with None:
aiortc 1.16's sender reads ``track.recv()`` in a loop and a None track ends that loop for good,
so turning the camera back on would need a new negotiation. Black frames cost the encoder
almost nothing and keep both layers and the receivers' decoders alive.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import av
from aiortc import MediaStreamTrack
from aiortc.mediastreams import MediaStreamError

from media.synthetic import (
    BLACK,
    HIGH_SIZE,
    LOW_SIZE,
    SyntheticAudioTrack,
    SyntheticVideoTrack,
)

log = logging.getLogger(__name__)

FrameTap = Callable[[av.VideoFrame], None]


@dataclass(frozen=True, slots=True)
class Bitmap:
    """A grey-level picture (one byte per pixel, rows of ``width``), e.g. a rendered text."""

    width: int
    height: int
    luma: bytes

    def __post_init__(self) -> None:
        if len(self.luma) != self.width * self.height:
            raise ValueError("luma must hold width * height bytes")


Stamp = Callable[[str, int], Bitmap]
"""Renders a text at a pixel height into a `Bitmap` (white text on the pattern's grey)."""

CLOCK_CHARACTERS = "0123456789:"


def _paste(luma: bytearray, stride: int, bitmap: Bitmap, x: int, y: int, limit: int) -> int:
    """Copy ``bitmap`` into the plane at (x, y), cut at column ``limit``; returns its width."""
    width = max(0, min(bitmap.width, limit - x))
    for row in range(bitmap.height):
        start = (y + row) * stride + x
        luma[start : start + width] = bitmap.luma[row * bitmap.width : row * bitmap.width + width]
    return width


class CaptionedPatternTrack(SyntheticVideoTrack):
    """The test pattern with the site's name and the time of day under it."""

    def __init__(
        self,
        number: int,
        size: tuple[int, int],
        fps: int,
        name: Bitmap | None,
        digits: dict[str, Bitmap] | None,
    ) -> None:
        super().__init__(number, size, fps, texture=False)
        self._name = name
        self._digits = digits or {}

    async def recv(self) -> av.VideoFrame:
        frame = await super().recv()
        if self._name is None and not self._digits:
            return frame
        width, height = frame.width, frame.height
        plane = frame.planes[0]
        stride = plane.line_size
        luma = bytearray(bytes(plane))
        top = height * 3 // 4 + max(2, height // 60)
        margin = max(4, width // 80)
        x = margin
        if self._name is not None and top + self._name.height <= height:
            _paste(luma, stride, self._name, x, top, width - margin)
        clock = time.strftime("%H:%M:%S")
        glyphs = [self._digits[c] for c in clock if c in self._digits]
        if glyphs:
            line_height = glyphs[0].height
            y = height - line_height - max(2, height // 60)
            x = width - margin - sum(g.width for g in glyphs)
            if x > 0 and y > top:
                for glyph in glyphs:
                    x += _paste(luma, stride, glyph, x, y, width)
        plane.update(bytes(luma))
        return frame


async def _recv(gate: GatedAudioTrack | GatedVideoTrack, inner: MediaStreamTrack) -> object:
    """The next frame of the gate's inner track; if the inner track was swapped (other
    devices chosen) and the old one ended under the reader, the new one's next frame."""
    try:
        return await inner.recv()
    except MediaStreamError:
        if gate.inner is inner:
            raise
        return await gate.inner.recv()


class GatedAudioTrack(MediaStreamTrack):
    """The microphone as sent: silence while muted (the server drops a muted site's audio
    too; silence here keeps the room private even from the server)."""

    kind = "audio"

    def __init__(self, inner: MediaStreamTrack, tap: Callable[[av.AudioFrame], None] | None = None):
        super().__init__()
        self.inner = inner
        self.muted = False
        self.tap = tap

    async def recv(self) -> av.AudioFrame:
        if self.readyState != "live":
            raise MediaStreamError
        frame = await _recv(self, self.inner)
        assert isinstance(frame, av.AudioFrame)
        if self.tap is not None:
            self.tap(frame)
        if not self.muted:
            return frame
        silent = av.AudioFrame(
            format=frame.format.name, layout=frame.layout.name, samples=frame.samples
        )
        for plane in silent.planes:
            plane.update(bytes(plane.buffer_size))
        silent.pts, silent.sample_rate, silent.time_base = (
            frame.pts,
            frame.sample_rate,
            frame.time_base,
        )
        return silent

    def stop(self) -> None:
        self.inner.stop()
        super().stop()


def black_frame(width: int, height: int) -> av.VideoFrame:
    frame = av.VideoFrame(width, height, "yuv420p")
    frame.planes[0].update(bytes([BLACK]) * frame.planes[0].buffer_size)
    for plane in frame.planes[1:]:
        plane.update(bytes([128]) * plane.buffer_size)
    return frame


class GatedVideoTrack(MediaStreamTrack):
    """A camera layer as sent: black frames at the same pace while the camera is off.

    ``size`` rescales what the camera gives (a real camera's size is its own choice).
    ``tap`` sees every frame sent (the self view).
    """

    kind = "video"

    def __init__(
        self, inner: MediaStreamTrack, size: tuple[int, int], tap: FrameTap | None = None
    ) -> None:
        super().__init__()
        self.inner = inner
        self.size = size
        self.enabled = True
        self.tap = tap
        self._black: av.VideoFrame | None = None

    async def recv(self) -> av.VideoFrame:
        if self.readyState != "live":
            raise MediaStreamError
        frame = await _recv(self, self.inner)
        assert isinstance(frame, av.VideoFrame)
        if (frame.width, frame.height) != self.size:
            pts, time_base = frame.pts, frame.time_base
            frame = frame.reformat(width=self.size[0], height=self.size[1], format="yuv420p")
            frame.pts, frame.time_base = pts, time_base
        if not self.enabled:
            pts, time_base = frame.pts, frame.time_base
            frame = black_frame(*self.size)
            frame.pts, frame.time_base = pts, time_base
        if self.tap is not None:
            self.tap(frame)
        return frame

    def stop(self) -> None:
        self.inner.stop()
        super().stop()


@dataclass
class MediaSource:
    """The three tracks of one publishing connection, and how to release the devices."""

    audio: GatedAudioTrack
    high: GatedVideoTrack
    low: GatedVideoTrack
    description: str
    _closers: list[Callable[[], None]] = field(default_factory=list)

    def tracks(self) -> tuple[MediaStreamTrack, MediaStreamTrack, MediaStreamTrack]:
        return self.audio, self.high, self.low

    def set_muted(self, muted: bool) -> None:
        self.audio.muted = muted

    def set_camera(self, on: bool) -> None:
        self.high.enabled = on
        self.low.enabled = on

    def take_devices(self, other: MediaSource) -> None:
        """Send ``other``'s devices from now on, through these same tracks (no renegotiation)."""
        old = (self.audio.inner, self.high.inner, self.low.inner)
        self.audio.inner, self.high.inner, self.low.inner = (
            other.audio.inner,
            other.high.inner,
            other.low.inner,
        )
        self.description = other.description
        closers, self._closers = self._closers, list(other._closers)
        for track in old:
            track.stop()
        for close in closers:
            with contextlib.suppress(Exception):
                close()

    def stop(self) -> None:
        for track in self.tracks():
            track.stop()
        for close in self._closers:
            with contextlib.suppress(Exception):
                close()


@dataclass(frozen=True, slots=True)
class SyntheticSpec:
    """The synthetic source of one site: its pattern number, its name, its tone."""

    number: int
    name: str = ""
    fps: int = 15
    frequency: float = 440.0
    level_dbov: float = -20.0


def synthetic_source(
    spec: SyntheticSpec, stamp: Stamp | None = None, tap: FrameTap | None = None
) -> MediaSource:
    """The test pattern with name and clock in both layers, and a tone."""

    def layer(size: tuple[int, int]) -> CaptionedPatternTrack:
        line = max(10, size[1] // 15)
        name = stamp(spec.name, line) if stamp is not None and spec.name else None
        digits = {c: stamp(c, line) for c in CLOCK_CHARACTERS} if stamp is not None else None
        return CaptionedPatternTrack(spec.number, size, spec.fps, name, digits)

    audio = SyntheticAudioTrack(spec.frequency, spec.level_dbov)
    return MediaSource(
        audio=GatedAudioTrack(audio),
        high=GatedVideoTrack(layer(HIGH_SIZE), HIGH_SIZE),
        low=GatedVideoTrack(layer(LOW_SIZE), LOW_SIZE, tap),
        description="synthetic",
    )
