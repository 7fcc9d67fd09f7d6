"""Loss on a publisher's leg must not freeze its subscribers.

1 % and 5 % of the RTP packets (retransmissions included) that the publisher sends are dropped
on their way into the server. The longest time between two pictures decoded at a subscriber
must stay under 500 ms at 1 % and 1 s at 5 % (issue 6); the figures are printed as well.
"""

import asyncio
import itertools
import random

import pytest
from sfu_peers import Dropper, Progress, PublisherPeers, publish, subscribe

from media.forwarding import Forwarder, Layer, TrackKind

FPS = 30
FRAMES = 300  # ten seconds


@pytest.mark.parametrize(("rate", "limit"), [(0.01, 0.5), (0.05, 1.0)])
async def test_loss_on_the_publishers_leg_does_not_freeze_subscribers(
    progress: Progress, rate: float, limit: float
) -> None:
    dropper = Dropper(rate, random.Random(6))

    def lossy(peers: PublisherPeers) -> None:
        for transceiver in peers.server.getTransceivers():
            dropper.install(transceiver.receiver)

    forwarder = Forwarder()
    pub = await publish(forwarder, progress, "ward-4", 4, fps=FPS, before_connect=lossy)
    high = await subscribe(forwarder, progress, "hall", {"ward-4": Layer.HIGH})
    low = await subscribe(forwarder, progress, "ward-8", {"ward-4": Layer.LOW})
    try:
        report = []
        for peers in (high, low):
            got = peers.received["ward-4"]
            await progress.wait_for(
                lambda got=got: len(got.video) >= FRAMES, f"{FRAMES} frames", seconds=60
            )
        for peers in (high, low):
            got = peers.received["ward-4"]
            # Skip the start, where the connection and the first keyframe are being set up.
            times = [s.at for s in got.video[FPS:]]
            longest = max(b - a for a, b in itertools.pairwise(times))
            counters = [s.counter for s in got.video]
            assert all(b > a for a, b in itertools.pairwise(counters))
            assert got.unreadable == 0
            report.append(f"{peers.name}: longest gap {longest * 1000:.0f} ms")
            assert longest < limit, "; ".join(report)
        stats = {k: pub.publisher.taps[k].stats for k in TrackKind}
        print(
            f"\nloss {rate:.0%}: dropped {dropper.dropped} of {dropper.seen} packets; "
            + "; ".join(report)
            + f"; high layer gaps given up {stats[TrackKind.VIDEO_HIGH].gaps_given_up}, "
            f"re-NACKs {stats[TrackKind.VIDEO_HIGH].nacks_sent}"
        )
        assert dropper.dropped > 0
    finally:
        await asyncio.gather(high.close(), low.close(), pub.close())
        await forwarder.close()
