"""Playing the call: the received sites' audio mixed into one stream, never the site's own.

`Mixer` is plain code (buffers per site, a clipped sum): the session pushes each remote
site's decoded PCM into it, and `Playback` pulls 20 ms of the mix at a time, in real time, and
writes it to an output. The output is a QtMultimedia `QAudioSink` when QtMultimedia can open
one; on a machine without it (no PulseAudio library, no sound card: a headless server, this
project's test machine) `SilentOutput` takes the mix instead and keeps its level, so that the
mixing, pacing and the level meter work the same everywhere and only the loudspeaker is missing.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from array import array
from dataclasses import dataclass
from typing import Any, Protocol

log = logging.getLogger(__name__)

RATE = 48000
CHANNELS = 2  # aiortc's Opus decoder gives interleaved stereo s16 at 48 kHz
FRAME_SECONDS = 0.02
FRAME_SAMPLES = int(RATE * FRAME_SECONDS)
MAX_BUFFER_SECONDS = 0.2
"""A site's audio waiting longer than this is dropped (oldest first): latency stays bounded."""
S16_MIN, S16_MAX = -32768, 32767


class OwnAudioRefused(Exception):
    """A caller tried to feed the site's own audio into its loudspeaker."""


@dataclass(frozen=True, slots=True)
class MixStats:
    sites: int
    refused_own: int
    dropped_bytes: int


class Mixer:
    """Interleaved s16 PCM per remote site in, one clipped sum out.

    The site's own audio is never mixed: `push` refuses it (the server does not send it back,
    and a loudspeaker playing the microphone's own signal would echo through the room).
    """

    def __init__(self, own_site: str, *, channels: int = CHANNELS, rate: int = RATE) -> None:
        if channels not in (1, 2):
            raise ValueError("channels must be 1 or 2")
        self.own_site = own_site
        self.channels = channels
        self.rate = rate
        self._buffers: dict[str, bytearray] = {}
        self._limit = int(rate * MAX_BUFFER_SECONDS) * channels * 2
        self._lock = threading.Lock()  # pushed from the media thread, mixed in the GUI's
        self.refused_own = 0
        self.dropped_bytes = 0

    def push(self, site: str, pcm: bytes) -> None:
        if site == self.own_site:
            self.refused_own += 1
            raise OwnAudioRefused(f"{site} is this site: its own audio is never played")
        if len(pcm) % (2 * self.channels):
            raise ValueError("PCM must hold whole s16 samples for every channel")
        with self._lock:
            buffer = self._buffers.setdefault(site, bytearray())
            buffer += pcm
            if len(buffer) > self._limit:
                extra = len(buffer) - self._limit
                extra -= extra % (2 * self.channels)
                del buffer[:extra]
                self.dropped_bytes += extra

    def forget(self, site: str) -> None:
        with self._lock:
            self._buffers.pop(site, None)

    def sites(self) -> list[str]:
        with self._lock:
            return list(self._buffers)

    def stats(self) -> MixStats:
        return MixStats(len(self._buffers), self.refused_own, self.dropped_bytes)

    def mix(self, samples: int = FRAME_SAMPLES) -> bytes:
        """The next ``samples`` (per channel) of the sum of every site, clipped to s16.

        A site with less buffered than asked contributes what it has, then silence.
        """
        count = samples * self.channels
        chunks: list[array[int]] = []
        with self._lock:
            taken = []
            for buffer in self._buffers.values():
                take = min(len(buffer), count * 2)
                if take:
                    taken.append(bytes(buffer[:take]))
                    del buffer[:take]
        for data in taken:
            chunk = array("h")
            chunk.frombytes(data)
            if len(chunk) < count:
                chunk.extend([0] * (count - len(chunk)))
            chunks.append(chunk)
        if not chunks:
            return bytes(count * 2)
        if len(chunks) == 1:
            return chunks[0].tobytes()
        out = array("h", (max(S16_MIN, min(S16_MAX, sum(v))) for v in zip(*chunks, strict=True)))
        return out.tobytes()


def level_dbfs(pcm: bytes) -> float:
    """RMS level of s16 PCM in dBFS (-100 for silence)."""
    samples = array("h")
    samples.frombytes(pcm[: len(pcm) - len(pcm) % 2])
    if not samples:
        return -100.0
    power = sum(v * v for v in samples[::4]) / len(samples[::4])
    if power <= 0:
        return -100.0
    return max(-100.0, 10 * math.log10(power / (32768.0 * 32768.0)))


class AudioOutput(Protocol):
    description: str

    def write(self, pcm: bytes) -> None: ...

    def close(self) -> None: ...


class SilentOutput:
    """Where the mix goes when no loudspeaker can be opened: it is measured, not heard."""

    def __init__(self, reason: str) -> None:
        self.description = f"no audio output ({reason})"
        self.written = 0

    def write(self, pcm: bytes) -> None:
        self.written += len(pcm)

    def close(self) -> None:
        pass


class QtOutput:
    """The default loudspeaker through QtMultimedia's QAudioSink, in push mode."""

    def __init__(self, sink: Any, device: Any, name: str) -> None:
        self._sink = sink
        self._device = device
        self.description = name

    def write(self, pcm: bytes) -> None:
        self._device.write(pcm)

    def close(self) -> None:
        self._sink.stop()


def open_output(channels: int = CHANNELS, rate: int = RATE) -> AudioOutput:
    """QtMultimedia's default output if it opens, else a `SilentOutput` saying why.

    Call it in the GUI thread: QAudioSink is a QObject.
    """
    try:
        from PySide6.QtMultimedia import QAudio, QAudioFormat, QAudioSink, QMediaDevices
    except ImportError as exc:  # e.g. libpulse.so.0 missing on a headless machine
        return SilentOutput(f"QtMultimedia unavailable: {exc}")
    device = QMediaDevices.defaultAudioOutput()
    if device.isNull():
        return SilentOutput("no audio output device")
    audio_format = QAudioFormat()
    audio_format.setSampleRate(rate)
    audio_format.setChannelCount(channels)
    audio_format.setSampleFormat(QAudioFormat.SampleFormat.Int16)
    sink = QAudioSink(device, audio_format)
    io = sink.start()
    if io is None or sink.error() != QAudio.Error.NoError:
        return SilentOutput(f"the audio output did not open ({sink.error()})")
    return QtOutput(sink, io, device.description())


class Playback:
    """Writes the mix to the output in 20 ms frames, as many as the clock says are due.

    Driven by `tick()` from a timer (the call controller's, every 20 ms): it catches up after
    a late tick and skips ahead after a stall of more than a second rather than rushing.
    """

    def __init__(self, mixer: Mixer, output: AudioOutput) -> None:
        self.mixer = mixer
        self.output = output
        self.level = -100.0
        self.frames = 0
        self._start: float | None = None

    def tick(self) -> None:
        now = time.monotonic()
        if self._start is None:
            self._start = now
        due = int((now - self._start) / FRAME_SECONDS) + 1 - self.frames
        if due > 1 / FRAME_SECONDS:
            self._start = now - self.frames * FRAME_SECONDS
            due = 1
        for _ in range(max(0, due)):
            pcm = self.mixer.mix(FRAME_SAMPLES)
            self.level = level_dbfs(pcm)
            self.output.write(pcm)
            self.frames += 1

    def close(self) -> None:
        self.output.close()
