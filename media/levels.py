"""Active speaker detection from the ssrc-audio-level header extension (RFC 6465).

aiortc parses the extension on receipt (``aiortc.rtp.HeaderExtensionsMap.get`` fills
``RtpPacket.extensions.audio_level`` with ``(voice_activity, level)``), and the receive tap in
``media.aiortc_hooks`` passes the level on with each audio frame. Forwarded audio does not
carry the level on, so the server runs this detector and tells the clients who speaks.
Levels are 0 (loudest, 0 dBov) to 127 (silence, -127 dBov).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

SILENCE_DBOV = -127.0


@dataclass(frozen=True, slots=True)
class SpeakerSettings:
    active_dbov: float = -50.0
    """Smoothed loudness above which a site counts as speaking."""
    time_constant: float = 0.3
    """Seconds over which levels are smoothed (exponential average)."""
    switch_margin_db: float = 6.0
    """How much louder than the current speaker a site must be to take over."""
    switch_after: float = 0.6
    """How long a site must lead before it becomes the speaker (no switch on a cough)."""
    min_hold: float = 1.5
    """The shortest time a speaker keeps the spotlight."""
    stale_after: float = 0.5
    """A site heard from no later than this long ago counts as silent (muted, gone)."""

    def __post_init__(self) -> None:
        if min(self.time_constant, self.switch_after, self.stale_after) <= 0:
            raise ValueError("times must be positive")
        if self.min_hold < 0 or self.switch_margin_db < 0:
            raise ValueError("min_hold and switch_margin_db must not be negative")


@dataclass(frozen=True, slots=True)
class SpeakerChange:
    speaker: str
    previous: str | None
    at: float


@dataclass(slots=True)
class _Site:
    loudness: float
    updated: float


class SpeakerDetector:
    """Fed ``(site, level, time)`` for each audio frame; returns a change when there is one."""

    def __init__(self, settings: SpeakerSettings | None = None) -> None:
        self.settings = settings or SpeakerSettings()
        self.speaker: str | None = None
        self._since = -math.inf
        self._sites: dict[str, _Site] = {}
        self._leader: str | None = None
        self._leading_since = 0.0

    def loudness(self, site: str, now: float) -> float:
        """Smoothed loudness of ``site`` in dBov (silence if unheard or stale)."""
        state = self._sites.get(site)
        if state is None or now - state.updated > self.settings.stale_after:
            return SILENCE_DBOV
        return state.loudness

    def remove(self, site: str) -> None:
        """Forget a site that left; if it was the speaker, nobody is until someone speaks."""
        self._sites.pop(site, None)
        if self.speaker == site:
            self.speaker = None
        if self._leader == site:
            self._leader = None

    def feed(self, site: str, level: int, now: float) -> SpeakerChange | None:
        if not 0 <= level <= 127:
            raise ValueError(f"audio level must be 0..127, not {level}")
        self._smooth(site, -float(level), now)
        candidate = self._loudest(now)
        if candidate is None or candidate == self.speaker:
            self._leader = None
            return None
        margin = self.settings.switch_margin_db if self.speaker is not None else 0.0
        current = self.loudness(self.speaker, now) if self.speaker is not None else SILENCE_DBOV
        if self.loudness(candidate, now) < current + margin:
            self._leader = None
            return None
        if self._leader != candidate:
            self._leader, self._leading_since = candidate, now
        if (
            now - self._leading_since < self.settings.switch_after
            or now - self._since < self.settings.min_hold
        ):
            return None
        change = SpeakerChange(speaker=candidate, previous=self.speaker, at=now)
        self.speaker, self._since, self._leader = candidate, now, None
        return change

    def _smooth(self, site: str, dbov: float, now: float) -> None:
        state = self._sites.get(site)
        if state is None or now - state.updated > self.settings.stale_after:
            self._sites[site] = _Site(loudness=dbov, updated=now)
            return
        weight = 1 - math.exp(-max(0.0, now - state.updated) / self.settings.time_constant)
        state.loudness += weight * (dbov - state.loudness)
        state.updated = now

    def _loudest(self, now: float) -> str | None:
        best, best_loudness = None, self.settings.active_dbov
        for site in self._sites:
            loudness = self.loudness(site, now)
            if loudness > best_loudness:
                best, best_loudness = site, loudness
        return best
