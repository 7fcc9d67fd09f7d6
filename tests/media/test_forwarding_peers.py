"""The forwarding core with real aiortc peers on 127.0.0.1."""

import asyncio

from sfu_peers import Progress, publish, subscribe

from media.forwarding import Forwarder, Layer
from media.synthetic import HIGH_SIZE, LOW_SIZE


def increasing(counters: list[int]) -> bool:
    return all(b > a for a, b in zip(counters, counters[1:], strict=False))


async def test_subscribers_decode_the_publishers_pattern(progress: Progress) -> None:
    forwarder = Forwarder()
    pub = await publish(forwarder, progress, "ward-7", 7)
    high = await subscribe(forwarder, progress, "hall", {"ward-7": Layer.HIGH})
    low = await subscribe(forwarder, progress, "ward-3", {"ward-7": Layer.LOW})
    try:
        for peers in (high, low):
            got = peers.received["ward-7"]
            await progress.wait_for(
                lambda got=got: len(got.video) >= 30 and got.audio_frames >= 25,
                "30 video and 25 audio frames",
            )
        for peers, size in ((high, HIGH_SIZE), (low, LOW_SIZE)):
            video = peers.received["ward-7"].video
            assert {s.site for s in video} == {7}
            assert {s.size for s in video} == {size}
            assert increasing([s.counter for s in video])
            assert peers.received["ward-7"].keyframes_at
            assert peers.received["ward-7"].unreadable == 0
    finally:
        await asyncio.gather(high.close(), low.close(), pub.close())
        await forwarder.close()
