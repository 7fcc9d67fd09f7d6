"""Throttled keyframe requests towards one publisher's video layer."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from enum import StrEnum


class KeyframeReason(StrEnum):
    NEW_SUBSCRIBER = "new-subscriber"
    LAYER_SWITCH = "layer-switch"
    QUEUE_OVERFLOW = "queue-overflow"
    SUBSCRIBER_PLI = "subscriber-pli"
    LOSS = "loss"


class KeyframeRequester:
    """Sends at most one request per ``min_interval``; a request inside the interval is
    deferred to its end rather than dropped, so that every asker gets a keyframe."""

    def __init__(
        self,
        send: Callable[[], bool],
        *,
        min_interval: float = 0.3,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if min_interval <= 0:
            raise ValueError("min_interval must be positive")
        self._send = send
        self._min_interval = min_interval
        self._clock = clock
        self._last_sent: float | None = None
        self._deferred: asyncio.TimerHandle | None = None
        self.sent = 0
        self.requested: dict[KeyframeReason, int] = {}

    def request(self, reason: KeyframeReason) -> None:
        self.requested[reason] = self.requested.get(reason, 0) + 1
        if self._deferred is not None:
            return
        now = self._clock()
        if self._last_sent is None or now - self._last_sent >= self._min_interval:
            self._fire()
        else:
            delay = self._last_sent + self._min_interval - now
            self._deferred = asyncio.get_running_loop().call_later(delay, self._fire)

    def close(self) -> None:
        if self._deferred is not None:
            self._deferred.cancel()
            self._deferred = None

    def _fire(self) -> None:
        self._deferred = None
        # Nothing received yet means no SSRC to address: try again at the next request.
        if self._send():
            self._last_sent = self._clock()
            self.sent += 1
