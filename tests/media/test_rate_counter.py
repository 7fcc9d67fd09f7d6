"""Video receivers' bitrate counters: aiortc's arithmetic, without a thousand objects each.

Every video RTCRtpReceiver (also on a send-only transceiver) keeps a RemoteBitrateEstimator
whose RateCounter held 1000 RateBucket objects; an SFU has hundreds of video receivers, and
every full garbage collection walked them all (docs/media.md, "Garbage collection").
"""

import gc
import random

from aiortc import RTCPeerConnection
from aiortc.rate import RateBucket

from media import aiortc_hooks
from media.aiortc_hooks.compat import RateCounter as AiortcRateCounter
from media.ice import LOOPBACK, rtc_configuration


def test_the_compact_rate_counter_computes_what_aiortcs_does() -> None:
    """Same rates as aiortc's RateCounter on random traffic: steady packets, bursts within one
    millisecond, gaps shorter and longer than the window, resets."""
    rng = random.Random(1416)
    theirs = AiortcRateCounter(1000, 8000)
    ours = aiortc_hooks.CompactRateCounter(1000, 8000)
    now = rng.randrange(10**6)
    compared = 0
    for step in range(20_000):
        now += rng.choice((0, 0, 1, 1, 2, 5, 30, 400, 999, 1000, 1001, 2500))
        if step % 5000 == 4999:
            theirs.reset()
            ours.reset()
        if rng.random() < 0.7:
            size = rng.randrange(20, 1300)
            theirs.add(size, now)
            ours.add(size, now)
        else:
            assert ours.rate(now) == theirs.rate(now), f"step {step} at {now} ms"
            compared += 1
    assert compared > 5000


async def test_video_receivers_keep_no_bucket_objects_for_the_collector() -> None:
    """A connection built with media.ice.rtc_configuration: its video receivers' bitrate
    estimators hold a few lists, not a thousand RateBucket objects each (aiortc's own
    counter, which full garbage collections had to walk, hundreds of times on a server)."""

    def buckets() -> int:
        return sum(1 for o in gc.get_objects() if isinstance(o, RateBucket))

    before = buckets()
    connection = RTCPeerConnection(rtc_configuration(LOOPBACK))
    try:
        for _ in range(4):
            connection.addTransceiver("video", direction="sendonly")
        assert aiortc_hooks.compacts_rate_counters()
        assert buckets() - before < 10
        estimators = [
            t.receiver._RTCRtpReceiver__remote_bitrate_estimator  # type: ignore[attr-defined]
            for t in connection.getTransceivers()
        ]
        assert all(
            isinstance(e.incoming_bitrate, aiortc_hooks.CompactRateCounter) for e in estimators
        )
    finally:
        await connection.close()
