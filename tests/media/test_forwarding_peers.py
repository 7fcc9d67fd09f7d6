"""The forwarding core with real aiortc peers on 127.0.0.1."""

import asyncio
import itertools

from sfu_peers import Progress, publish, subscribe

from media.aiortc_hooks import remote_ssrcs, send_pli
from media.forwarding import Forwarder, Layer, TrackKind
from media.keyframes import KeyframeReason
from media.synthetic import HIGH_SIZE, LOW_SIZE


def increasing(counters: list[int]) -> bool:
    return all(b > a for a, b in itertools.pairwise(counters))


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
            assert {s.number for s in video} == {7}
            assert {s.size for s in video} == {size}
            assert increasing([s.counter for s in video])
            assert peers.received["ward-7"].keyframes
            assert peers.received["ward-7"].unreadable == 0
    finally:
        await asyncio.gather(high.close(), low.close(), pub.close())
        await forwarder.close()


async def test_subscriber_pli_reaches_the_publisher_as_a_keyframe_request(
    progress: Progress,
) -> None:
    forwarder = Forwarder()
    pub = await publish(forwarder, progress, "ward-7", 7)
    sub = await subscribe(forwarder, progress, "hall", {"ward-7": Layer.HIGH})
    got = sub.received["ward-7"]
    try:
        await progress.wait_for(lambda: len(got.video) >= 10, "10 frames")
        requests = pub.keyframe_requests[TrackKind.VIDEO_HIGH]
        keyframes = len(got.keyframes)
        receiver = sub.client.getTransceivers()[1].receiver
        (ssrc,) = remote_ssrcs(receiver)
        await send_pli(receiver, ssrc)
        await progress.wait_for(
            lambda: pub.keyframe_requests[TrackKind.VIDEO_HIGH] > requests,
            "the publisher's sender to get a keyframe request",
        )
        await progress.wait_for(
            lambda: len(got.keyframes) > keyframes, "a new keyframe at the subscriber"
        )
        requested = pub.publisher.keyframes[TrackKind.VIDEO_HIGH].requested
        assert requested[KeyframeReason.SUBSCRIBER_PLI] >= 1
        assert pub.keyframe_requests[TrackKind.VIDEO_LOW] == 0  # the low layer was left alone
    finally:
        await asyncio.gather(sub.close(), pub.close())
        await forwarder.close()


async def test_layer_switch_waits_for_a_keyframe_of_the_new_layer(progress: Progress) -> None:
    forwarder = Forwarder()
    pub = await publish(forwarder, progress, "ward-2", 2)
    sub = await subscribe(forwarder, progress, "hall", {"ward-2": Layer.LOW})
    got = sub.received["ward-2"]
    feed = sub.feeds["ward-2"]
    try:
        await progress.wait_for(lambda: len(got.video) >= 5, "low frames")
        for layer, size in ((Layer.HIGH, HIGH_SIZE), (Layer.LOW, LOW_SIZE)):
            seen = len(got.video)
            keyframes = len(got.keyframes)
            feed.set_layer(layer)
            assert feed.wanted_layer is layer
            await progress.wait_for(
                lambda seen=seen, size=size: any(s.size == size for s in got.video[seen:]),
                f"a {size} picture",
            )
            assert feed.layer is layer
            # VP8 cannot change size without a keyframe: the new layer began with one.
            assert len(got.keyframes) > keyframes
            first = next(i for i in range(seen, len(got.video)) if got.video[i].size == size)
            await progress.wait_for(lambda first=first: len(got.video) >= first + 10, "more")
            assert {s.size for s in got.video[first:]} == {size}
            assert increasing([s.counter for s in got.video[first:]])
        assert feed.stats.layer_switches == 2
        assert got.unreadable == 0
        assert {s.number for s in got.video} == {2}
    finally:
        await asyncio.gather(sub.close(), pub.close())
        await forwarder.close()


async def test_a_muted_sites_audio_is_not_forwarded(progress: Progress) -> None:
    forwarder = Forwarder()
    pub = await publish(forwarder, progress, "ward-5", 5)
    sub = await subscribe(forwarder, progress, "hall", {"ward-5": Layer.LOW})
    got = sub.received["ward-5"]
    feed = sub.feeds["ward-5"]
    try:
        await progress.wait_for(lambda: got.audio_frames >= 20, "audio")
        forwarder.set_muted("ward-5", True)
        forwarded = feed.stats.audio_frames
        video = len(got.video)
        # Two seconds of video (at 15 fps) pass while the site is muted.
        await progress.wait_for(lambda: len(got.video) >= video + 15, "video while muted")
        heard = got.audio_frames
        await progress.wait_for(lambda: len(got.video) >= video + 30, "more video while muted")
        assert got.audio_frames == heard
        assert feed.stats.audio_frames == forwarded
        assert pub.publisher.stats.muted_audio_frames >= 50
        forwarder.set_muted("ward-5", False)
        await progress.wait_for(lambda: got.audio_frames >= heard + 20, "audio after unmute")
    finally:
        await asyncio.gather(sub.close(), pub.close())
        await forwarder.close()


async def test_a_leaving_publishers_tracks_end_at_its_subscribers(progress: Progress) -> None:
    ended: list[str] = []
    forwarder = Forwarder(on_publisher_ended=ended.append)
    pub = await publish(forwarder, progress, "ward-9", 9)
    first = await subscribe(forwarder, progress, "hall", {"ward-9": Layer.HIGH})
    second = await subscribe(forwarder, progress, "ward-1", {"ward-9": Layer.LOW})
    try:
        for peers in (first, second):
            got = peers.received["ward-9"]
            await progress.wait_for(lambda got=got: len(got.video) >= 3, "video")
        await pub.client.close()
        for peers in (first, second):
            got = peers.received["ward-9"]
            await progress.wait_for(
                lambda got=got: got.video_ended and got.audio_ended, "the tracks to end"
            )
        assert ended == ["ward-9"]
        assert not forwarder.publishers
        assert not forwarder.feeds
        # The subscribers' connections stay up for the other sites.
        assert first.client.connectionState == "connected"
    finally:
        await asyncio.gather(first.close(), second.close(), pub.close())
        await forwarder.close()
