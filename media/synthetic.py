"""Synthetic sources for tests, benches and rooms without devices.

The video picture's top three quarters are a grid of 8 x 4 black or white cells carrying 32
bits: the site number (8 bits), a frame counter (20 bits) and a check nibble. Cells this large
survive VP8 at any bitrate the project uses, so a receiver can read the site and counter back
from the decoded picture (:func:`read_pattern`) and tell that frames arrive, in order, from the
right site. The bottom quarter is fresh noise in every frame, so that frames are as large as
a camera's (several RTP packets each) and loss and retransmission get exercised.
"""

from __future__ import annotations

import asyncio
import math
import os
import struct
import time
from dataclasses import dataclass
from fractions import Fraction

import av
from aiortc import MediaStreamTrack
from aiortc.mediastreams import MediaStreamError

from media.exceptions import PatternError

COLUMNS = 8
ROWS = 4
SITE_BITS = 8
COUNTER_BITS = 20
COUNTER_MODULO = 1 << COUNTER_BITS
BLACK = 16
WHITE = 235
HIGH_SIZE = (960, 540)
LOW_SIZE = (320, 180)
VIDEO_CLOCK = 90000
AUDIO_RATE = 48000
AUDIO_PTIME = 0.02
TEXTURE_BLOCK = 8


@dataclass(frozen=True, slots=True)
class Pattern:
    site: int
    counter: int


def _check_nibble(value: int) -> int:
    # Seeded so that an all-black or all-white picture does not pass.
    nibble = 0x5
    for shift in range(0, SITE_BITS + COUNTER_BITS, 4):
        nibble ^= (value >> shift) & 0xF
    return nibble


def _pattern_bits(site: int, counter: int) -> list[int]:
    value = (site << COUNTER_BITS) | (counter % COUNTER_MODULO)
    word = (value << 4) | _check_nibble(value)
    return [(word >> (31 - i)) & 1 for i in range(COLUMNS * ROWS)]


def _edges(size: int, cells: int) -> list[int]:
    return [size * i // cells for i in range(cells + 1)]


def _grid_height(height: int) -> int:
    return height * 3 // 4


def _texture(width: int, height: int, stride: int, noisy: bool) -> bytes:
    """Random 8x8 blocks: costs the encoder a few kilobytes per frame, like a camera."""
    if not noisy:
        return bytes([128]) * (stride * height)
    lines = []
    for _ in range(0, height, TEXTURE_BLOCK):
        line = b"".join(bytes([v]) * TEXTURE_BLOCK for v in os.urandom(-(-width // TEXTURE_BLOCK)))
        lines.append(line[:width].ljust(stride, b"\0") * TEXTURE_BLOCK)
    return b"".join(lines)[: stride * height]


def draw_pattern(
    site: int, counter: int, width: int, height: int, *, texture: bool = True
) -> av.VideoFrame:
    """A yuv420p picture carrying ``site`` (0-255) and ``counter`` (kept modulo 2**20)."""
    if not 0 <= site < 1 << SITE_BITS:
        raise ValueError("site must be 0..255")
    if width < 2 * COLUMNS or height < 2 * ROWS or width % 2 or height % 2:
        raise ValueError("picture too small or of odd size")
    bits = _pattern_bits(site, counter)
    frame = av.VideoFrame(width, height, "yuv420p")
    luma = frame.planes[0]
    xs, ys = _edges(width, COLUMNS), _edges(_grid_height(height), ROWS)
    rows = []
    for row in range(ROWS):
        line = b"".join(
            bytes([WHITE if bits[row * COLUMNS + c] else BLACK]) * (xs[c + 1] - xs[c])
            for c in range(COLUMNS)
        ).ljust(luma.line_size, b"\0")
        rows.append(line * (ys[row + 1] - ys[row]))
    rows.append(_texture(width, height - ys[-1], luma.line_size, texture))
    luma.update(b"".join(rows))
    for plane in frame.planes[1:]:
        plane.update(bytes([128]) * plane.buffer_size)
    return frame


def read_pattern(frame: av.VideoFrame) -> Pattern:
    """Read the site and counter back from a (decoded) picture; :class:`PatternError` if not."""
    if frame.format.name not in ("yuv420p", "yuvj420p"):
        frame = frame.reformat(format="yuv420p")
    luma = frame.planes[0]
    data = bytes(luma)
    stride = luma.line_size
    xs, ys = _edges(frame.width, COLUMNS), _edges(_grid_height(frame.height), ROWS)
    bits = []
    for row in range(ROWS):
        for col in range(COLUMNS):
            # Sample the middle half of the cell, away from edges blurred by compression.
            x0, x1 = xs[col], xs[col + 1]
            y0, y1 = ys[row], ys[row + 1]
            samples = [
                data[(y0 + (y1 - y0) * fy // 8) * stride + x0 + (x1 - x0) * fx // 8]
                for fy in range(2, 7)
                for fx in range(2, 7)
            ]
            mean = sum(samples) / len(samples)
            if abs(mean - (BLACK + WHITE) / 2) < (WHITE - BLACK) / 4:
                raise PatternError(f"cell {row},{col} is neither black nor white ({mean:.0f})")
            bits.append(1 if mean > (BLACK + WHITE) / 2 else 0)
    word = 0
    for bit in bits:
        word = (word << 1) | bit
    value, check = word >> 4, word & 0xF
    if _check_nibble(value) != check:
        raise PatternError(f"pattern check failed (bits {word:032b})")
    return Pattern(site=value >> COUNTER_BITS, counter=value % COUNTER_MODULO)


class _Pacer:
    """Real-time pacing: the n-th call returns no earlier than start + n * period."""

    def __init__(self, period: float) -> None:
        self.period = period
        self.count = -1
        self._start: float | None = None

    async def next(self) -> int:
        self.count += 1
        if self._start is None:
            self._start = time.monotonic()
        else:
            delay = self._start + self.count * self.period - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
        return self.count


class SyntheticVideoTrack(MediaStreamTrack):
    """A video track drawing the site number and a frame counter, at ``fps``."""

    kind = "video"

    def __init__(
        self,
        site: int,
        size: tuple[int, int] = HIGH_SIZE,
        fps: int = 30,
        *,
        texture: bool = True,
    ) -> None:
        super().__init__()
        if not 1 <= fps <= 60:
            raise ValueError("fps must be 1..60")
        draw_pattern(site, 0, *size)  # validate now rather than inside the sender's task
        self.site = site
        self.size = size
        self.fps = fps
        self.texture = texture
        self._pacer = _Pacer(1 / fps)

    async def recv(self) -> av.VideoFrame:
        if self.readyState != "live":
            raise MediaStreamError
        count = await self._pacer.next()
        frame = draw_pattern(self.site, count, *self.size, texture=self.texture)
        frame.pts = count * VIDEO_CLOCK // self.fps
        frame.time_base = Fraction(1, VIDEO_CLOCK)
        return frame


def tone_samples(frequency: float, level_dbov: float, seconds: int = 1) -> bytes:
    """Mono s16 samples of a sine whose RMS is ``level_dbov`` (RFC 6465's measure)."""
    if not -127 <= level_dbov <= -3:
        raise ValueError("level must be -127..-3 dBov")
    amplitude = math.sqrt(2) * 32767 * 10 ** (level_dbov / 20)
    count = AUDIO_RATE * seconds
    return struct.pack(
        f"<{count}h",
        *(
            round(amplitude * math.sin(2 * math.pi * frequency * i / AUDIO_RATE))
            for i in range(count)
        ),
    )


class SyntheticAudioTrack(MediaStreamTrack):
    """A tone of known frequency and level, 20 ms mono frames at 48 kHz."""

    kind = "audio"

    def __init__(self, frequency: float = 440.0, level_dbov: float = -20.0) -> None:
        super().__init__()
        if round(frequency) != frequency or not 20 <= frequency <= 20000:
            raise ValueError("frequency must be a whole number of Hz in 20..20000")
        self.frequency = frequency
        self.level_dbov = level_dbov
        # A whole number of Hz gives a whole number of periods per second: loop one second.
        self._samples = tone_samples(frequency, level_dbov)
        self._pacer = _Pacer(AUDIO_PTIME)

    async def recv(self) -> av.AudioFrame:
        if self.readyState != "live":
            raise MediaStreamError
        count = await self._pacer.next()
        per_frame = int(AUDIO_RATE * AUDIO_PTIME)
        start = (count * per_frame * 2) % len(self._samples)
        frame = av.AudioFrame(format="s16", layout="mono", samples=per_frame)
        frame.planes[0].update(self._samples[start : start + per_frame * 2])
        frame.pts = count * per_frame
        frame.sample_rate = AUDIO_RATE
        frame.time_base = Fraction(1, AUDIO_RATE)
        return frame


# --- pre-encoded replay for benches ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EncodedClip:
    """Encoded frames of a loop, every ``gop``-th frame a keyframe (frame 0 included)."""

    frames: tuple[bytes, ...]
    gop: int
    fps: int
    kind: str


def encode_video_clip(
    site: int,
    size: tuple[int, int],
    *,
    frames: int = 150,
    gop: int = 30,
    fps: int = 30,
    bitrate: int = 500_000,
) -> EncodedClip:
    """Encode ``frames`` pictures of the pattern with libvpx, as aiortc's VP8 encoder would."""
    if frames < 1 or gop < 1 or frames % gop:
        raise ValueError("frames must be a positive multiple of gop")
    codec = av.CodecContext.create("libvpx", "w")
    codec.width, codec.height = size
    codec.pix_fmt = "yuv420p"
    codec.bit_rate = bitrate
    codec.time_base = Fraction(1, fps)
    codec.gop_size = gop
    # Constant bitrate, as aiortc's own VP8 encoder runs.
    codec.options = {
        "deadline": "realtime",
        "cpu-used": "8",
        "lag-in-frames": "0",
        "bufsize": str(bitrate),
        "minrate": str(bitrate),
        "maxrate": str(bitrate),
    }
    encoded: list[bytes] = []
    for index in range(frames):
        picture = draw_pattern(site, index, *size)
        picture.pts = index
        picture.time_base = Fraction(1, fps)
        if index % gop == 0:
            picture.pict_type = av.video.frame.PictureType.I
        packets = codec.encode(picture)
        if len(packets) != 1 or packets[0].is_keyframe != (index % gop == 0):
            raise RuntimeError("libvpx did not return one frame per picture as asked")
        encoded.append(bytes(packets[0]))
    return EncodedClip(frames=tuple(encoded), gop=gop, fps=fps, kind="video")


def encode_audio_clip(frequency: float = 440.0, level_dbov: float = -20.0) -> EncodedClip:
    """One second of the tone, encoded with libopus in 20 ms packets."""
    codec = av.CodecContext.create("libopus", "w")
    codec.sample_rate = AUDIO_RATE
    codec.layout = "mono"
    codec.format = "s16"
    codec.bit_rate = 32000
    codec.time_base = Fraction(1, AUDIO_RATE)
    samples = tone_samples(frequency, level_dbov)
    per_frame = int(AUDIO_RATE * AUDIO_PTIME)
    encoded: list[bytes] = []
    for index in range(len(samples) // (2 * per_frame)):
        frame = av.AudioFrame(format="s16", layout="mono", samples=per_frame)
        frame.planes[0].update(samples[index * per_frame * 2 : (index + 1) * per_frame * 2])
        frame.pts = index * per_frame
        frame.sample_rate = AUDIO_RATE
        frame.time_base = Fraction(1, AUDIO_RATE)
        encoded.extend(bytes(p) for p in codec.encode(frame))
    return EncodedClip(frames=tuple(encoded), gop=1, fps=int(1 / AUDIO_PTIME), kind="audio")


class PreEncodedTrack(MediaStreamTrack):
    """Replays an :class:`EncodedClip` in a loop with real pacing, without encoding.

    A keyframe request (:meth:`request_keyframe`, wired to the sender with
    ``media.aiortc_hooks.on_keyframe_request``) jumps to the start of the next group of
    pictures, so the decoder's references stay right; the drawn counter jumps forward.
    """

    def __init__(self, clip: EncodedClip) -> None:
        super().__init__()
        self.kind = clip.kind
        self.clip = clip
        self._index = 0
        self._keyframe_wanted = False
        self._pacer = _Pacer(1 / clip.fps)
        self._clock = VIDEO_CLOCK if clip.kind == "video" else AUDIO_RATE

    def request_keyframe(self) -> None:
        self._keyframe_wanted = True

    async def recv(self) -> av.Packet:
        if self.readyState != "live":
            raise MediaStreamError
        count = await self._pacer.next()
        gop = self.clip.gop
        if self._keyframe_wanted and self._index % gop:
            self._index = (self._index // gop + 1) * gop
        self._keyframe_wanted = False
        self._index %= len(self.clip.frames)
        packet = av.Packet(self.clip.frames[self._index])
        packet.pts = count * self._clock // self.clip.fps
        packet.time_base = Fraction(1, self._clock)
        packet.is_keyframe = self._index % gop == 0
        self._index += 1
        return packet
