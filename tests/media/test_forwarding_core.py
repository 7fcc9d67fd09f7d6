"""The forwarder's decisions, fed with frames directly (no network)."""

from collections.abc import Callable

import pytest

from media.aiortc_hooks import PacketTrack
from media.exceptions import ForwardingError
from media.forwarding import Forwarder, ForwardingSettings, Layer, Publisher, TrackKind
from media.frame_assembly import EncodedFrame
from media.keyframes import KeyframeReason, KeyframeRequester


def video(timestamp: int, keyframe: bool = False) -> EncodedFrame:
    return EncodedFrame(
        data=f"{timestamp}".encode(),
        timestamp=timestamp,
        keyframe=keyframe,
        arrival=timestamp / 90000,
    )


def with_requesters(publisher: Publisher) -> dict[TrackKind, list[int]]:
    sent: dict[TrackKind, list[int]] = {}

    def sender(kind: TrackKind) -> Callable[[], bool]:
        def send() -> bool:
            sent[kind].append(1)
            return True

        return send

    for kind in (TrackKind.VIDEO_HIGH, TrackKind.VIDEO_LOW):
        sent[kind] = []
        publisher.keyframes[kind] = KeyframeRequester(sender(kind), min_interval=10)
    return sent


async def drain(track: PacketTrack) -> list[tuple[bytes, int, bool]]:
    out = []
    while track.queued:
        packet = await track.recv()
        assert packet.pts is not None
        out.append((bytes(packet), packet.pts, packet.is_keyframe))
    return out


async def test_a_new_subscriber_waits_for_a_keyframe_and_asks_for_one() -> None:
    forwarder = Forwarder()
    publisher = forwarder.add_publisher("ward-1")
    sent = with_requesters(publisher)
    feed = forwarder.add_feed("hall", "ward-1", layer=Layer.HIGH)
    assert sent[TrackKind.VIDEO_HIGH] == [1] and sent[TrackKind.VIDEO_LOW] == []
    publisher._on_frame(TrackKind.VIDEO_HIGH, video(3000))
    publisher._on_frame(TrackKind.VIDEO_LOW, video(3000, keyframe=True))
    assert feed.video.queued == 0 and feed.layer is None
    publisher._on_frame(TrackKind.VIDEO_HIGH, video(6000, keyframe=True))
    publisher._on_frame(TrackKind.VIDEO_HIGH, video(9000))
    assert await drain(feed.video) == [(b"6000", 0, True), (b"9000", 3000, False)]
    assert feed.layer is Layer.HIGH
    await forwarder.close()


async def test_a_layer_switch_happens_on_the_new_layers_keyframe_with_continuous_time() -> None:
    forwarder = Forwarder()
    publisher = forwarder.add_publisher("ward-1")
    sent = with_requesters(publisher)
    feed = forwarder.add_feed("hall", "ward-1", layer=Layer.LOW)
    publisher._on_frame(TrackKind.VIDEO_LOW, video(90000, keyframe=True))
    feed.set_layer(Layer.HIGH)
    assert sent[TrackKind.VIDEO_HIGH] == [1]
    # Until the high layer's keyframe comes, the low layer keeps flowing.
    publisher._on_frame(TrackKind.VIDEO_HIGH, video(500))
    publisher._on_frame(TrackKind.VIDEO_LOW, video(93000))
    publisher._on_frame(TrackKind.VIDEO_HIGH, video(3500, keyframe=True))
    publisher._on_frame(TrackKind.VIDEO_LOW, video(96000))
    publisher._on_frame(TrackKind.VIDEO_HIGH, video(6500))
    got = await drain(feed.video)
    assert [d for d, _, _ in got] == [b"90000", b"93000", b"3500", b"6500"]
    pts = [p for _, p, _ in got]
    assert pts[:2] == [0, 3000] and pts[2] > pts[1] and pts[3] - pts[2] == 3000
    assert feed.layer is Layer.HIGH and feed.stats.layer_switches == 1
    feed.set_layer(None)
    publisher._on_frame(TrackKind.VIDEO_HIGH, video(9500))
    assert feed.video.queued == 0
    await forwarder.close()


async def test_an_overflowing_subscriber_is_resynchronised_on_a_keyframe() -> None:
    forwarder = Forwarder(ForwardingSettings(video_queue=3))
    publisher = forwarder.add_publisher("ward-1")
    sent = with_requesters(publisher)
    feed = forwarder.add_feed("hall", "ward-1", layer=Layer.LOW)
    publisher._on_frame(TrackKind.VIDEO_LOW, video(0, keyframe=True))
    for step in range(1, 6):
        publisher._on_frame(TrackKind.VIDEO_LOW, video(step * 3000))
    assert feed.stats.overflows == 1
    assert publisher.keyframes[TrackKind.VIDEO_LOW].requested[KeyframeReason.QUEUE_OVERFLOW] >= 1
    assert sent[TrackKind.VIDEO_LOW]  # the first request; later ones wait for the interval
    publisher._on_frame(TrackKind.VIDEO_LOW, video(30000, keyframe=True))
    publisher._on_frame(TrackKind.VIDEO_LOW, video(33000))
    got = await drain(feed.video)
    assert [d for d, _, _ in got] == [b"30000", b"33000"]
    await forwarder.close()


async def test_muted_audio_and_audio_levels() -> None:
    levels: list[tuple[str, int]] = []
    forwarder = Forwarder(on_audio_level=lambda site, level, at: levels.append((site, level)))
    publisher = forwarder.add_publisher("ward-1")
    feed = forwarder.add_feed("hall", "ward-1", layer=None)
    frame = EncodedFrame(b"opus", 960, keyframe=True, arrival=0.0, audio_level=33)
    publisher._on_frame(TrackKind.AUDIO, frame)
    forwarder.set_muted("ward-1", True)
    publisher._on_frame(TrackKind.AUDIO, frame)
    assert feed.audio.queued == 1 and levels == [("ward-1", 33)]
    forwarder.set_audio("hall", "ward-1", False)
    forwarder.set_muted("ward-1", False)
    publisher._on_frame(TrackKind.AUDIO, frame)
    assert feed.audio.queued == 1
    await forwarder.close()


async def test_bad_calls_get_a_typed_error() -> None:
    forwarder = Forwarder()
    forwarder.add_publisher("ward-1")
    with pytest.raises(ForwardingError):
        forwarder.add_publisher("ward-1")
    with pytest.raises(ForwardingError):
        forwarder.set_muted("nowhere", True)
    with pytest.raises(ForwardingError):
        forwarder.add_feed("ward-1", "ward-1", layer=Layer.LOW)
    forwarder.add_feed("hall", "ward-1", layer=Layer.LOW)
    with pytest.raises(ForwardingError):
        forwarder.add_feed("hall", "ward-1", layer=Layer.LOW)
    with pytest.raises(ForwardingError):
        forwarder.set_layer("hall", "ward-2", Layer.HIGH)
    await forwarder.close()
    assert not forwarder.feeds and not forwarder.publishers
