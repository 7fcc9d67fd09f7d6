"""Process-wide settings made through aiortc's and aioice's module globals: compact bitrate
counters, the ICE sockets' receive buffers, the addresses ICE gathers on."""

from __future__ import annotations

from collections.abc import Iterable

import aioice
import aioice.ice
import aioice.turn
import aiortc
import aiortc.rate

from media.aiortc_hooks.compat import check_aiortc


class CompactRateCounter:
    """``aiortc.rate.RateCounter`` with its 1 ms buckets held in two lists of ints.

    The arithmetic is aiortc 1.16's, step for step (``tests/media/test_aiortc_hooks.py``
    compares the two on random traffic); only the storage differs: ints are not tracked by
    the garbage collector, ``RateBucket`` objects are. A gap longer than the window clears the
    buckets at once instead of one millisecond at a time.
    """

    def __init__(self, window_size: int, scale: int = 8000) -> None:
        self._origin_index = 0
        self._origin_ms: int | None = None
        self._scale = scale
        self._window_size = window_size
        self.reset()

    def add(self, value: int, now_ms: int) -> None:
        if self._origin_ms is None:
            self._origin_ms = now_ms
        else:
            self._erase_old(now_ms)
        index = (self._origin_index + now_ms - self._origin_ms) % self._window_size
        self._counts[index] += 1
        self._values[index] += value
        self._total_count += 1
        self._total_value += value

    def rate(self, now_ms: int) -> int | None:
        if self._origin_ms is not None:
            self._erase_old(now_ms)
            active_window_size = now_ms - self._origin_ms + 1
            if self._total_count > 0 and active_window_size > 1:
                return round(self._scale * self._total_value / active_window_size)
        return None

    def reset(self) -> None:
        self._counts = [0] * self._window_size
        self._values = [0] * self._window_size
        self._origin_index = 0
        self._origin_ms = None
        self._total_count = 0
        self._total_value = 0

    def _erase_old(self, now_ms: int) -> None:
        assert self._origin_ms is not None
        size = self._window_size
        new_origin_ms = now_ms - size + 1
        steps = new_origin_ms - self._origin_ms
        if steps <= 0:
            return
        if steps >= self._window_size:
            # Every bucket falls out of the window: what aiortc's loop ends with.
            self._counts = [0] * self._window_size
            self._values = [0] * self._window_size
            self._total_count = self._total_value = 0
            self._origin_index = (self._origin_index + steps) % self._window_size
        else:
            # The buckets from the origin on, wrapping at the window's end, in slices.
            start = self._origin_index
            end = start + steps
            spans = [(start, end)] if end <= size else [(start, size), (0, end - size)]
            for first, stop in spans:
                self._total_count -= sum(self._counts[first:stop])
                self._total_value -= sum(self._values[first:stop])
                self._counts[first:stop] = [0] * (stop - first)
                self._values[first:stop] = [0] * (stop - first)
            self._origin_index = end % size
        self._origin_ms = new_origin_ms


def compact_rate_counters() -> None:
    """Make every ``RemoteBitrateEstimator`` built from now on use :class:`CompactRateCounter`
    (process-wide, idempotent); see the module's notes."""
    check_aiortc()
    aiortc.rate.RateCounter = CompactRateCounter  # type: ignore[misc,assignment]


def compacts_rate_counters() -> bool:
    return aiortc.rate.RateCounter is CompactRateCounter


# --- the ICE sockets' receive buffers -------------------------------------------------------

_AIOICE_RECEIVE_BUFFER = aioice.turn.UDP_SOCKET_BUFFER_SIZE


def enlarge_receive_buffers(size: int | None) -> None:
    """Every ICE socket opened from now on asks for ``size`` bytes of receive buffer (the
    kernel caps it at ``net.core.rmem_max``); ``None`` restores aioice's own size."""
    check_aiortc()
    aioice.turn.UDP_SOCKET_BUFFER_SIZE = _AIOICE_RECEIVE_BUFFER if size is None else size


def receive_buffer() -> int | None:
    """The size asked for by :func:`enlarge_receive_buffers`, or None for aioice's own."""
    size = int(aioice.turn.UDP_SOCKET_BUFFER_SIZE)
    return None if size == _AIOICE_RECEIVE_BUFFER else size


# --- which addresses ICE gathers on ---------------------------------------------------------

_original_get_host_addresses = aioice.ice.get_host_addresses


def set_host_addresses(addresses: Iterable[str] | None) -> None:
    """Gather host candidates on exactly ``addresses`` (process-wide); ``None`` restores aioice.

    aioice always leaves 127.0.0.1 out of what it gathers, and gathers on every other address
    of the machine; a server names its addresses, and tests name 127.0.0.1 alone.
    """
    check_aiortc()
    if addresses is None:
        aioice.ice.get_host_addresses = _original_get_host_addresses
        return
    chosen = tuple(addresses)
    if not chosen:
        raise ValueError("give at least one address, or None for aioice's own choice")

    def get_host_addresses(use_ipv4: bool, use_ipv6: bool) -> list[str]:
        return [a for a in chosen if (":" in a and use_ipv6) or (":" not in a and use_ipv4)]

    aioice.ice.get_host_addresses = get_host_addresses


def host_addresses() -> tuple[str, ...] | None:
    """The addresses set by :func:`set_host_addresses`, or ``None`` when aioice chooses."""
    current = aioice.ice.get_host_addresses
    if current is _original_get_host_addresses:
        return None
    return tuple(current(True, True))
