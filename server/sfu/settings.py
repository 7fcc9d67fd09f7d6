"""Settings of the server's video rooms."""

from __future__ import annotations

from dataclasses import dataclass, field

from media.forwarding import ForwardingSettings
from media.ice import LOOPBACK, IceSettings
from meetings.call import DEFAULT_LAST_N


@dataclass(frozen=True, kw_only=True)
class SfuSettings:
    ice: IceSettings = LOOPBACK
    """Addresses to gather on and STUN/TURN servers; loopback only unless configured."""
    last_n: int = DEFAULT_LAST_N
    """How many of the loudest other sites a ward receives besides the hall and the speaker."""
    answer_timeout: float = 15.0
    """A site that does not answer an offer in this time is dropped."""
    connect_timeout: float = 20.0
    """A site whose connections are not up in this time is dropped."""
    tick: float = 0.5
    """How often the last-N choice is revisited from the audio levels."""
    stats_interval: float = 2.0
    """How often the chair's statistics are sent."""
    max_dead_tracks: int = 16
    """Ended m-lines a receiving connection may carry before the server replaces it."""
    forwarding: ForwardingSettings = field(default_factory=ForwardingSettings)
    receive_buffer: int = 4 * 1024 * 1024
    """Bytes of kernel receive buffer asked for each ICE socket (capped by the kernel's
    net.core.rmem_max): a stall of the server's loop then delays packets instead of losing
    them (docs/benchmarks.md, Video)."""

    def __post_init__(self) -> None:
        if self.last_n < 0:
            raise ValueError("last_n must not be negative")
        if min(self.answer_timeout, self.connect_timeout, self.tick, self.stats_interval) <= 0:
            raise ValueError("times must be positive")
        if self.max_dead_tracks < 2:
            raise ValueError("max_dead_tracks must be at least 2")
