"""What a call session knows and tells its listeners, as plain values (no Qt, no aiortc):
its phase, what changed, the sites in the room with their state, connection quality, and the
decoded pictures it hands to the GUI."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

import av

from meetings import protocol_call as pc


class Phase(StrEnum):
    IDLE = "idle"
    JOINING = "joining"
    JOINED = "joined"
    RECONNECTING = "reconnecting"
    ENDED = "ended"  # removed, replaced elsewhere, left
    FAILED = "failed"  # could not join (refused, or gave up rejoining)


class Change(StrEnum):
    """What changed, for listeners that redraw only that."""

    PHASE = "phase"
    SITES = "sites"
    SPEAKER = "speaker"
    SPOTLIGHT = "spotlight"
    FLOOR = "floor"
    MUTED = "muted"
    LOCKED = "locked"
    RECORDING = "recording"
    STATS = "stats"
    HAND = "hand"
    CAMERA = "camera"


class Quality(StrEnum):
    UNKNOWN = "unknown"
    GOOD = "good"
    FAIR = "fair"
    POOR = "poor"


def quality_of(loss: float | None, rtt_ms: float | None) -> Quality:
    """Loss under 2 % and a round trip under 150 ms are good; under 8 % and 400 ms fair."""
    if loss is None and rtt_ms is None:
        return Quality.UNKNOWN
    loss, rtt = loss or 0.0, rtt_ms or 0.0
    if loss < 0.02 and rtt < 150:
        return Quality.GOOD
    if loss < 0.08 and rtt < 400:
        return Quality.FAIR
    return Quality.POOR


@dataclass(frozen=True, slots=True)
class Picture:
    """A decoded frame as packed RGB24 rows (``stride`` bytes apart), ready for a QImage."""

    site: str
    width: int
    height: int
    stride: int
    rgb: bytes
    source: av.VideoFrame | None = None
    """The decoded frame it came from (for tests that read the pattern back)."""


def to_picture(site: str, frame: av.VideoFrame, max_size: tuple[int, int]) -> Picture:
    """Scale down to fit ``max_size`` (keeping the aspect) and convert to RGB24."""
    width, height = frame.width, frame.height
    scale = min(1.0, max_size[0] / width, max_size[1] / height)
    width, height = max(2, int(width * scale) // 2 * 2), max(2, int(height * scale) // 2 * 2)
    rgb = frame.reformat(width=width, height=height, format="rgb24")
    plane = rgb.planes[0]
    return Picture(site, width, height, plane.line_size, bytes(plane))


@dataclass
class SiteState:
    site: str
    name: str
    unit_id: str | None
    hall: bool
    muted: str | None  # None, "self" or "chair"
    video_frames: int = 0
    audio_frames: int = 0
    stats: pc.SiteStatsView | None = None

    @property
    def quality(self) -> Quality:
        if self.stats is None:
            return Quality.UNKNOWN
        return quality_of(self.stats.loss, self.stats.rtt_ms)


@dataclass
class LocalStats:
    """From this site's own connections' getStats(): what it receives and its round trip."""

    packets_received: int = 0
    packets_lost: int = 0
    rtt_ms: float | None = None
    loss: float | None = None

    @property
    def quality(self) -> Quality:
        return quality_of(self.loss, self.rtt_ms)


@dataclass
class RoomState:
    sites: dict[str, SiteState] = field(default_factory=dict)
    speaker: str | None = None
    spotlight: str | None = None
    pinned: bool = False
    floor: str | None = None
    locked: bool = False
    recording: bool = False
