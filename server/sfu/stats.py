"""Per-site statistics for the chair, from aiortc's stats and the forwarder's counters."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from aiortc.stats import (
    RTCInboundRtpStreamStats,
    RTCRemoteInboundRtpStreamStats,
    RTCTransportStats,
)

from meetings import protocol_call as pc

if TYPE_CHECKING:
    from server.sfu.room import Room


class StatsMeter:
    """Remembers the previous byte counts, so each measure gives the bitrate since the last."""

    def __init__(self, room: Room) -> None:
        self._room = room
        self._previous: dict[str, tuple[int, float]] = {}

    async def measure(self) -> list[pc.SiteStatsView]:
        room = self._room
        result = []
        for site_id, session in list(room.sessions.items()):
            received, lost, got, rtts = 0, 0, 0, []
            for stat in (await session.publish_pc.getStats()).values():
                if isinstance(stat, RTCTransportStats):
                    received += stat.bytesReceived
                elif isinstance(stat, RTCInboundRtpStreamStats):
                    lost += max(0, stat.packetsLost)
                    got += stat.packetsReceived
            if session.subscribe_pc is not None:
                for stat in (await session.subscribe_pc.getStats()).values():
                    rtt = getattr(stat, "roundTripTime", None)
                    if isinstance(stat, RTCRemoteInboundRtpStreamStats) and rtt is not None:
                        rtts.append(rtt)
            now = time.monotonic()
            before_bytes, before_time = self._previous.get(site_id, (0, now))
            self._previous[site_id] = (received, now)
            elapsed = now - before_time
            bitrate = (received - before_bytes) * 8 / 1000 / elapsed if elapsed > 0 else 0.0
            publisher = room.forwarder.publishers.get(site_id)
            frames_in = sum(publisher.stats.frames_in.values()) if publisher else 0
            forwarded = sum(
                feed.stats.video_frames + feed.stats.audio_frames
                for (_, site), feed in room.forwarder.feeds.items()
                if site == site_id
            )
            result.append(
                pc.SiteStatsView(
                    site=site_id,
                    bitrate_kbps=round(max(0.0, bitrate), 1),
                    loss=round(lost / (lost + got), 4) if lost + got else 0.0,
                    rtt_ms=round(1000 * sum(rtts) / len(rtts), 1) if rtts else None,
                    frames_in=frames_in,
                    frames_forwarded=forwarded,
                )
            )
        self._previous = {k: v for k, v in self._previous.items() if k in room.sessions}
        return result
