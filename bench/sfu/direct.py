"""The latency baseline: one publisher straight to one subscriber, no server in between.

The same pre-encoded site and the same receive tap as in the runs through a server, in one
process: what aiortc and loopback cost alone. A server's added latency is the difference.
"""

from __future__ import annotations

import asyncio

from aiortc import RTCPeerConnection

from bench.sfu.figures import latencies, send_index
from bench.sfu.sites import Clips, Received, Source, add_sending, encode_site, publish_tracks, tap
from media.ice import LOOPBACK, apply_host_addresses, rtc_configuration
from media.synthetic import encode_audio_clip


async def direct_latencies(seconds: float, warmup: float = 2.0) -> list[float]:
    apply_host_addresses(LOOPBACK)
    clips = Clips.make(1, encode_audio_clip(), encode_site(1))
    sent: dict[str, list[tuple[int, float]]] = {}
    sender = RTCPeerConnection(rtc_configuration(LOOPBACK))
    receiver = RTCPeerConnection(rtc_configuration(LOOPBACK))
    received = Received()
    try:
        add_sending(sender, publish_tracks(clips, sent))
        await sender.setLocalDescription(await sender.createOffer())
        await receiver.setRemoteDescription(sender.localDescription)
        for transceiver in receiver.getTransceivers():
            kind = transceiver.kind
            tap(transceiver.receiver, Source("direct", kind, clips, decode=False), received)
        await receiver.setLocalDescription(await receiver.createAnswer())
        await sender.setRemoteDescription(receiver.localDescription)
        await asyncio.sleep(warmup + seconds)
    finally:
        await sender.close()
        await receiver.close()
    start = max((at for _, at in sent.get("low", [])), default=0.0) - seconds
    frames = [f for f in received.frames if f[3] >= start]
    return latencies(send_index({"direct": {"sent": sent}}), frames)
