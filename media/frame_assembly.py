"""Turning received RTP packets into whole encoded frames, without holding them.

aiortc's own jitter buffer (``aiortc.jitterbuffer.JitterBuffer``) releases a video frame only
when the first packet of the *next* frame arrives, and holds every later frame while a gap is
open until the gap fills or 512 packets have piled up; audio is held for four frames. Together
with aiortc sending one NACK per gap, a lost retransmission froze a stream for seconds. The
assemblers here release a frame on its last packet (the RTP marker bit), ask again for missing
packets every ``nack_interval``, give a gap up after ``max_wait`` (resuming at the next frame
start and asking for a keyframe), and pass audio on at once. They are plain classes fed with
packet fields and a clock reading; ``media.aiortc_hooks`` plugs them into aiortc's receiver.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

SEQ_MODULO = 1 << 16
TIMESTAMP_MODULO = 1 << 32


@dataclass(frozen=True, slots=True)
class EncodedFrame:
    """One complete encoded frame as it came from a publisher."""

    data: bytes
    timestamp: int
    """RTP timestamp in the codec's clock, unwrapped, counted from the stream's first frame."""
    keyframe: bool
    arrival: float
    """Monotonic clock reading (seconds) when the frame's last packet arrived."""
    audio_level: int | None = None
    """ssrc-audio-level (RFC 6465): 0 is the loudest, 127 silence; ``None`` for video."""


@dataclass(frozen=True, slots=True)
class AssemblySettings:
    """How long a video gap may hold frames back, and how often to ask for it again."""

    max_wait: float = 0.2
    nack_interval: float = 0.04
    capacity: int = 512

    def __post_init__(self) -> None:
        if not 0 < self.nack_interval <= self.max_wait:
            raise ValueError("need 0 < nack_interval <= max_wait")
        if self.capacity < 16:
            raise ValueError("capacity must be at least 16 packets")


@dataclass(slots=True)
class AssemblyStats:
    frames: int = 0
    dropped_frames: int = 0
    gaps_given_up: int = 0
    nacks_sent: int = 0
    late_packets: int = 0


class Unwrapper:
    """Extends a wrapping counter (RTP sequence number or timestamp) to an unbounded int."""

    def __init__(self, modulo: int) -> None:
        self._modulo = modulo
        self._half = modulo // 2
        self._last: int | None = None

    def unwrap(self, value: int) -> int:
        if self._last is None:
            # Start well above zero so that slightly older values stay positive.
            self._last = value + self._modulo
            return self._last
        delta = (value - self._last) % self._modulo
        if delta >= self._half:
            delta -= self._modulo
        extended = self._last + delta
        if delta > 0:
            self._last = extended
        return extended


def vp8_flags(payload: bytes, data: bytes) -> tuple[bool, bool]:
    """(starts a frame, is a keyframe) from a VP8 RTP payload and its depayloaded data.

    RFC 7741: S=1 with partition id 0 starts a frame; in the frame's first byte, P=0 marks a
    keyframe.
    """
    if not payload:
        return False, False
    start = bool(payload[0] & 0x10) and (payload[0] & 0x0F) == 0
    return start, start and bool(data) and not data[0] & 0x01


@dataclass(slots=True)
class _Packet:
    timestamp: int
    marker: bool
    start: bool
    keyframe: bool
    data: bytes


FrameCallback = Callable[[EncodedFrame], None]


class VideoAssembler:
    """Assembles video frames; calls back for frames, keyframe needs and NACK lists."""

    def __init__(
        self,
        on_frame: FrameCallback,
        on_keyframe_needed: Callable[[], None],
        on_nack: Callable[[list[int]], None],
        settings: AssemblySettings | None = None,
    ) -> None:
        self._on_frame = on_frame
        self._on_keyframe_needed = on_keyframe_needed
        self._on_nack = on_nack
        self.settings = settings or AssemblySettings()
        self.stats = AssemblyStats()
        self._seq = Unwrapper(SEQ_MODULO)
        self._ts = Unwrapper(TIMESTAMP_MODULO)
        self._ts_origin: int | None = None
        self._packets: dict[int, _Packet] = {}
        # Missing sequence numbers (extended) and when they were first missed, oldest first.
        self._missing: dict[int, float] = {}
        self._next: int | None = None
        self._floor = 0
        self._highest = 0
        self._last_nack = 0.0
        # A decoder cannot use a delta frame until it has a keyframe.
        self._need_keyframe = True

    def push(
        self,
        sequence_number: int,
        timestamp: int,
        marker: bool,
        start: bool,
        keyframe: bool,
        data: bytes,
        now: float,
    ) -> None:
        ext = self._seq.unwrap(sequence_number)
        if self._next is None:
            if not start or ext < self._floor:
                self.stats.late_packets += 1
                return
            self._next = self._highest = ext
        if ext < self._next or ext in self._packets:
            self.stats.late_packets += 1
            return
        if ext - self._next >= self.settings.capacity:
            self._give_up()
            if self._next is None or ext - self._next >= self.settings.capacity:
                self._reset(ext)
                if not start:
                    return
                self._next = self._highest = ext
        self._packets[ext] = _Packet(self._ts.unwrap(timestamp), marker, start, keyframe, data)
        if ext > self._highest:
            for missed in range(self._highest + 1, ext):
                self._missing[missed] = now
            self._highest = ext
        else:
            self._missing.pop(ext, None)
        self._release(now)
        self._check_gap(now)

    def _release(self, now: float) -> None:
        for _ in range(self.settings.capacity):
            if self._next is None or self._next not in self._packets:
                return
            end = self._frame_end(self._next)
            if end is None:
                return
            self._emit(self._next, end, now)

    def _frame_end(self, begin: int) -> int | None:
        timestamp = self._packets[begin].timestamp
        for seq in range(begin, begin + self.settings.capacity):
            packet = self._packets.get(seq)
            if packet is None:
                return None
            if packet.timestamp != timestamp:
                # The next frame began although no marker was seen: the frame ended before it.
                return seq - 1
            if packet.marker:
                return seq
        return None

    def _emit(self, begin: int, end: int, now: float) -> None:
        parts = [self._packets.pop(seq) for seq in range(begin, end + 1)]
        self._next = end + 1
        first = parts[0]
        if not first.start or (self._need_keyframe and not first.keyframe):
            self.stats.dropped_frames += 1
            self._need_keyframe = True
            self._on_keyframe_needed()
            return
        self._need_keyframe = False
        if self._ts_origin is None:
            self._ts_origin = first.timestamp
        self.stats.frames += 1
        self._on_frame(
            EncodedFrame(
                data=b"".join(p.data for p in parts),
                timestamp=first.timestamp - self._ts_origin,
                keyframe=first.keyframe,
                arrival=now,
            )
        )

    def _check_gap(self, now: float) -> None:
        if self._next is None:
            return
        for seq in list(self._missing):
            if seq >= self._next:
                break
            del self._missing[seq]
        if not self._missing:
            return
        age = now - next(iter(self._missing.values()))
        if age >= self.settings.max_wait:
            self._give_up()
            self._release(now)
        elif age >= self.settings.nack_interval and (
            now - self._last_nack >= self.settings.nack_interval
        ):
            # aiortc sends one NACK when a gap appears; ask again while it stays open.
            self._last_nack = now
            self.stats.nacks_sent += 1
            self._on_nack([seq % SEQ_MODULO for seq in self._missing])

    def _give_up(self) -> None:
        """Drop everything up to the first frame start after the oldest hole."""
        self.stats.gaps_given_up += 1
        self._need_keyframe = True
        hole = next(iter(self._missing), self._next if self._next is not None else 0)
        resume = min(
            (seq for seq, packet in self._packets.items() if seq > hole and packet.start),
            default=None,
        )
        if resume is None:
            self._reset(self._highest + 1)
        else:
            for seq in [seq for seq in self._packets if seq < resume]:
                del self._packets[seq]
            self._missing = {s: t for s, t in self._missing.items() if s > resume}
            self._next = resume
        self._on_keyframe_needed()

    def _reset(self, floor: int) -> None:
        self._packets.clear()
        self._missing.clear()
        self._next = None
        self._floor = floor


class AudioAssembler:
    """Audio packets are whole frames: pass each on at once, dropping late duplicates."""

    def __init__(self, on_frame: FrameCallback) -> None:
        self._on_frame = on_frame
        self.stats = AssemblyStats()
        self._seq = Unwrapper(SEQ_MODULO)
        self._ts = Unwrapper(TIMESTAMP_MODULO)
        self._ts_origin: int | None = None
        self._last: int | None = None

    def push(
        self,
        sequence_number: int,
        timestamp: int,
        data: bytes,
        audio_level: int | None,
        now: float,
    ) -> None:
        ext = self._seq.unwrap(sequence_number)
        if self._last is not None and ext <= self._last:
            self.stats.late_packets += 1
            return
        self._last = ext
        ts = self._ts.unwrap(timestamp)
        if self._ts_origin is None:
            self._ts_origin = ts
        self.stats.frames += 1
        self._on_frame(
            EncodedFrame(
                data=data,
                timestamp=ts - self._ts_origin,
                keyframe=True,
                arrival=now,
                audio_level=audio_level,
            )
        )
