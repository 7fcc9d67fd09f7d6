"""The pass-through forwarding core of the SFU: encoded frames in, encoded frames out.

A :class:`Publisher` holds one site's incoming tracks (audio, video-high, video-low), tapped
with :func:`media.aiortc_hooks.tap_receiver` so nothing is decoded. A :class:`Feed` is what one
subscriber receives of one site: an outgoing audio and video track, the video in one layer at
a time. Once the feed's senders are bound, frames go out through an :class:`RtpStream` per
sender at once, without a task or a queue between; until then (and for the recorder, which
has no senders) they wait in the tracks' bounded queues. The :class:`Forwarder` fans each frame out
to the feeds that want it, switches a feed's layer only on a keyframe of the new layer, and
turns new subscribers, layer switches, overflowing queues, subscribers' PLI/FIR and lost
packets into throttled keyframe requests to the publisher. It knows nothing of signalling:
the server creates the peer connections, adds the feeds' tracks and tells the forwarder who
receives what.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from aiortc import RTCRtpReceiver, RTCRtpSender
from aiortc.mediastreams import MediaStreamError

from media.aiortc_hooks import (
    PacketTrack,
    ReceiveTap,
    RtpStream,
    on_keyframe_request,
    tap_receiver,
)
from media.exceptions import ForwardingError
from media.frame_assembly import AssemblySettings, EncodedFrame
from media.keyframes import KeyframeReason, KeyframeRequester


class TrackKind(StrEnum):
    """The tracks a site publishes, named as the signalling names them."""

    AUDIO = "audio"
    VIDEO_HIGH = "video-high"
    VIDEO_LOW = "video-low"


class Layer(StrEnum):
    HIGH = "high"
    LOW = "low"

    @property
    def track(self) -> TrackKind:
        return TrackKind.VIDEO_HIGH if self is Layer.HIGH else TrackKind.VIDEO_LOW


VIDEO_KINDS = (TrackKind.VIDEO_HIGH, TrackKind.VIDEO_LOW)
VIDEO_CLOCK = 90000
AUDIO_CLOCK = 48000


@dataclass(frozen=True, slots=True)
class ForwardingSettings:
    video_queue: int = 8
    """Frames a subscriber's video may fall behind before its queue is dropped."""
    audio_queue: int = 10
    keyframe_interval: float = 0.3
    """At most one keyframe request per publisher layer in this many seconds."""
    assembly: AssemblySettings = field(default_factory=AssemblySettings)

    def __post_init__(self) -> None:
        if self.video_queue < 2 or self.audio_queue < 2:
            raise ValueError("queues must hold at least 2 frames")


@dataclass(slots=True)
class FeedStats:
    video_frames: int = 0
    audio_frames: int = 0
    keyframes: int = 0
    layer_switches: int = 0
    overflows: int = 0
    dropped_frames: int = 0


@dataclass(slots=True)
class PublisherStats:
    frames_in: dict[TrackKind, int] = field(default_factory=dict)
    muted_audio_frames: int = 0


class Publisher:
    """One site's incoming tracks on the server."""

    def __init__(self, forwarder: Forwarder, site: str) -> None:
        self.site = site
        self.muted = False
        self.stats = PublisherStats()
        self.taps: dict[TrackKind, ReceiveTap] = {}
        self.keyframes: dict[TrackKind, KeyframeRequester] = {}
        self._forwarder = forwarder
        self._watchers: set[asyncio.Task[None]] = set()
        self._closed = False

    def attach(self, kind: TrackKind, receiver: RTCRtpReceiver) -> None:
        """Tap ``receiver`` (right after ``setRemoteDescription`` of the publisher's offer)."""
        if self._closed:
            raise ForwardingError(f"publisher {self.site!r} is closed")
        if kind in self.taps:
            raise ForwardingError(f"{self.site!r} already has a {kind} track")
        expected = "audio" if kind is TrackKind.AUDIO else "video"
        if receiver.track is None or receiver.track.kind != expected:
            raise ForwardingError(f"{kind} needs an {expected} receiver")
        settings = self._forwarder.settings
        self.stats.frames_in[kind] = 0
        if kind is not TrackKind.AUDIO:
            requester = KeyframeRequester(
                lambda: self.taps[kind].request_keyframe(),
                min_interval=settings.keyframe_interval,
                clock=self._forwarder.clock,
            )
            self.keyframes[kind] = requester
        self.taps[kind] = tap_receiver(
            receiver,
            lambda frame: self._on_frame(kind, frame),
            lambda: self.request_keyframe(kind, KeyframeReason.LOSS),
            settings=settings.assembly,
            clock=self._forwarder.clock,
        )
        watcher = asyncio.get_running_loop().create_task(self._watch(kind, receiver))
        self._watchers.add(watcher)
        watcher.add_done_callback(self._watchers.discard)

    def request_keyframe(self, kind: TrackKind, reason: KeyframeReason) -> None:
        requester = self.keyframes.get(kind)
        if requester is not None:
            requester.request(reason)

    def _on_frame(self, kind: TrackKind, frame: EncodedFrame) -> None:
        self.stats.frames_in[kind] = self.stats.frames_in.get(kind, 0) + 1
        self._forwarder._dispatch(self, kind, frame)

    async def _watch(self, kind: TrackKind, receiver: RTCRtpReceiver) -> None:
        # Nothing is ever queued on a tapped receiver's track but the end: recv() returns
        # or raises only when the receiver stops or the publisher sends RTCP BYE.
        with contextlib.suppress(MediaStreamError):
            await receiver.track.recv()
        self._forwarder._publisher_ended(self)

    async def _close(self) -> None:
        self._closed = True
        for requester in self.keyframes.values():
            requester.close()
        current = asyncio.current_task()
        watchers = [w for w in self._watchers if w is not current]
        for watcher in watchers:
            watcher.cancel()
        await asyncio.gather(*watchers, return_exceptions=True)


class Feed:
    """What one subscriber receives of one site: one audio and one video outgoing track."""

    def __init__(
        self,
        forwarder: Forwarder,
        subscriber: str,
        site: str,
        layer: Layer | None,
        audio: bool,
    ) -> None:
        settings = forwarder.settings
        self.subscriber = subscriber
        self.site = site
        self.audio_enabled = audio
        self.audio = PacketTrack("audio", maxsize=settings.audio_queue)
        self.video = PacketTrack("video", maxsize=settings.video_queue)
        self.stats = FeedStats()
        self._forwarder = forwarder
        self._senders: list[RTCRtpSender] = []
        self._video_stream: RtpStream | None = None
        self._audio_stream: RtpStream | None = None
        self._current: TrackKind | None = None
        self._target: TrackKind | None = None
        self._target_reason = KeyframeReason.NEW_SUBSCRIBER
        self._video_offset: int | None = None
        self._video_source: TrackKind | None = None
        self._last_out = 0
        self._last_arrival = 0.0
        self._audio_offset: int | None = None
        self._ended = False
        if layer is not None:
            self._want(layer.track, KeyframeReason.NEW_SUBSCRIBER)

    @property
    def layer(self) -> Layer | None:
        """The layer being delivered now (a requested switch waits for a keyframe)."""
        if self._current is None:
            return None
        return Layer.HIGH if self._current is TrackKind.VIDEO_HIGH else Layer.LOW

    @property
    def wanted_layer(self) -> Layer | None:
        kind = self._target or self._current
        if kind is None:
            return None
        return Layer.HIGH if kind is TrackKind.VIDEO_HIGH else Layer.LOW

    @property
    def ended(self) -> bool:
        return self._ended

    def bind_senders(self, *, audio: RTCRtpSender | None, video: RTCRtpSender | None) -> None:
        """Give the feed the senders carrying its tracks (before they start): frames go out
        through them directly from now on, the video sender's PLI/FIR become keyframe
        requests, and both are stopped (RTCP BYE) when the feed ends."""
        if video is not None:
            if video.track is not self.video:
                raise ForwardingError("the video sender does not carry this feed's video")
            on_keyframe_request(video, self._on_subscriber_pli)
            self._video_stream = RtpStream(video, on_ready=self._video_ready)
            self.video.clear()
            self._senders.append(video)
        if audio is not None:
            if audio.track is not self.audio:
                raise ForwardingError("the audio sender does not carry this feed's audio")
            self._audio_stream = RtpStream(audio)
            self.audio.clear()
            self._senders.append(audio)

    def _video_ready(self) -> None:
        """The subscriber's connection is up: its first picture needs a keyframe."""
        kind = self._target or self._current
        if kind is not None:
            if self._target is None:
                self._target = kind  # resynchronise: drop until that keyframe
                self._forwarder._reroute(self)
            self._forwarder._ask_keyframe(self.site, kind, KeyframeReason.NEW_SUBSCRIBER)

    def set_layer(self, layer: Layer | None) -> None:
        if layer is None:
            self._target = None
            self._current = None
            self._forwarder._reroute(self)
            return
        kind = layer.track
        if kind == self._current and self._target is None:
            return
        if kind == self._current:
            self._target = None
            self._forwarder._reroute(self)
            return
        self._want(kind, KeyframeReason.LAYER_SWITCH)

    def _want(self, kind: TrackKind, reason: KeyframeReason) -> None:
        self._target = kind
        self._target_reason = reason
        self._forwarder._reroute(self)
        self._forwarder._ask_keyframe(self.site, kind, reason)

    def _video_kinds(self) -> set[TrackKind]:
        return {k for k in (self._current, self._target) if k is not None}

    def _push_video(self, kind: TrackKind, frame: EncodedFrame) -> None:
        if kind == self._target:
            if not frame.keyframe:
                # The request may have been lost or throttled: ask again (throttled).
                self._forwarder._ask_keyframe(self.site, kind, self._target_reason)
                if kind != self._current:
                    return
                # Resynchronising the current layer after an overflow: drop until keyframe.
                self.stats.dropped_frames += 1
                return
            switched = self._current is not None and self._current != kind
            self._current, self._target = kind, None
            if switched:
                self.stats.layer_switches += 1
            self._forwarder._reroute(self)
        elif kind != self._current:
            return
        self._deliver_video(kind, frame)

    def _deliver_video(self, kind: TrackKind, frame: EncodedFrame) -> None:
        if kind != self._video_source or self._video_offset is None:
            # Another layer is another RTP stream: continue the outgoing timestamps from
            # where they were, advanced by the time that passed.
            if self._video_offset is None:
                self._video_offset = -frame.timestamp
            else:
                elapsed = max(1, round((frame.arrival - self._last_arrival) * VIDEO_CLOCK))
                self._video_offset = self._last_out + elapsed - frame.timestamp
            self._video_source = kind
        pts = frame.timestamp + self._video_offset
        stream = self._video_stream
        if stream is not None and not stream.ready:
            self.stats.dropped_frames += 1  # not connected yet; _video_ready asks a keyframe
            return
        if stream is not None and not stream.send(frame.data, pts):
            # The subscriber's socket is not keeping up: start again from a keyframe.
            self.stats.overflows += 1
            self.stats.dropped_frames += 1
            self._want(kind, KeyframeReason.QUEUE_OVERFLOW)
            return
        if stream is None and not self.video.put(frame.data, pts, frame.keyframe):
            self.stats.overflows += 1
            self.stats.dropped_frames += self.video.clear()
            if not frame.keyframe:
                self.stats.dropped_frames += 1
                self._want(kind, KeyframeReason.QUEUE_OVERFLOW)
                return
            self.video.put(frame.data, pts, frame.keyframe)
        self._last_out, self._last_arrival = pts, frame.arrival
        self.stats.video_frames += 1
        if frame.keyframe:
            self.stats.keyframes += 1

    def _push_audio(self, frame: EncodedFrame) -> None:
        if self._audio_offset is None:
            self._audio_offset = -frame.timestamp
        pts = frame.timestamp + self._audio_offset
        stream = self._audio_stream
        if stream is not None:
            if not stream.send(frame.data, pts):
                self.stats.dropped_frames += 1
                return
        elif not self.audio.put(frame.data, pts, True):
            # Late audio is worse than a gap: start again from the newest frame.
            self.stats.overflows += 1
            self.stats.dropped_frames += self.audio.clear()
            self.audio.put(frame.data, pts, True)
        self.stats.audio_frames += 1

    def _on_subscriber_pli(self) -> None:
        kind = self._target or self._current
        if kind is not None:
            self._forwarder._ask_keyframe(self.site, kind, KeyframeReason.SUBSCRIBER_PLI)

    async def _end(self) -> None:
        if self._ended:
            return
        self._ended = True
        self.audio.stop()
        self.video.stop()
        # Stopping the sender sends RTCP BYE: the subscriber's track ends.
        for sender in self._senders:
            await sender.stop()


class Forwarder:
    """Fans publishers' encoded frames out to subscribers' feeds."""

    def __init__(
        self,
        settings: ForwardingSettings | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        on_audio_level: Callable[[str, int, float], None] | None = None,
        on_publisher_ended: Callable[[str], None] | None = None,
    ) -> None:
        self.settings = settings or ForwardingSettings()
        self.clock = clock
        self.on_audio_level = on_audio_level
        self.on_publisher_ended = on_publisher_ended
        self.publishers: dict[str, Publisher] = {}
        self.feeds: dict[tuple[str, str], Feed] = {}
        self._routes: dict[tuple[str, TrackKind], set[Feed]] = {}
        self._tasks: set[asyncio.Task[None]] = set()

    # --- publishers --------------------------------------------------------------------

    def add_publisher(self, site: str) -> Publisher:
        if site in self.publishers:
            raise ForwardingError(f"{site!r} already publishes")
        publisher = Publisher(self, site)
        self.publishers[site] = publisher
        return publisher

    def publisher(self, site: str) -> Publisher:
        try:
            return self.publishers[site]
        except KeyError:
            raise ForwardingError(f"{site!r} does not publish") from None

    async def remove_publisher(self, site: str) -> None:
        """Forget a site's tracks and end every feed of it at its subscribers."""
        publisher = self.publishers.pop(site, None)
        if publisher is None:
            return
        await publisher._close()
        await asyncio.gather(
            *(self.remove_feed(sub, s) for (sub, s) in list(self.feeds) if s == site)
        )
        if self.on_publisher_ended is not None:
            self.on_publisher_ended(site)

    def set_muted(self, site: str, muted: bool) -> None:
        """A muted site's audio is not forwarded to anyone."""
        self.publisher(site).muted = muted

    # --- feeds -------------------------------------------------------------------------

    def add_feed(
        self, subscriber: str, site: str, *, layer: Layer | None, audio: bool = True
    ) -> Feed:
        """Start sending ``site`` to ``subscriber``; add ``feed.audio`` and ``feed.video`` to
        the subscriber's connection and call ``feed.bind_senders`` with their senders."""
        if (subscriber, site) in self.feeds:
            raise ForwardingError(f"{subscriber!r} already receives {site!r}")
        if subscriber == site:
            raise ForwardingError("a site does not receive itself")
        feed = Feed(self, subscriber, site, layer, audio)
        self.feeds[(subscriber, site)] = feed
        self._reroute(feed)
        return feed

    def feed(self, subscriber: str, site: str) -> Feed:
        try:
            return self.feeds[(subscriber, site)]
        except KeyError:
            raise ForwardingError(f"{subscriber!r} does not receive {site!r}") from None

    def set_layer(self, subscriber: str, site: str, layer: Layer | None) -> None:
        self.feed(subscriber, site).set_layer(layer)

    def set_audio(self, subscriber: str, site: str, enabled: bool) -> None:
        feed = self.feed(subscriber, site)
        feed.audio_enabled = enabled
        self._reroute(feed)

    async def remove_feed(self, subscriber: str, site: str) -> None:
        feed = self.feeds.pop((subscriber, site), None)
        if feed is None:
            return
        self._unroute(feed)
        await feed._end()

    async def remove_subscriber(self, subscriber: str) -> None:
        await asyncio.gather(
            *(self.remove_feed(sub, s) for (sub, s) in list(self.feeds) if sub == subscriber)
        )

    async def close(self) -> None:
        for site in list(self.publishers):
            await self.remove_publisher(site)
        for subscriber, site in list(self.feeds):
            await self.remove_feed(subscriber, site)
        tasks = list(self._tasks)
        await asyncio.gather(*tasks, return_exceptions=True)

    # --- internals ---------------------------------------------------------------------

    def _reroute(self, feed: Feed) -> None:
        self._unroute(feed)
        if (feed.subscriber, feed.site) not in self.feeds or feed.ended:
            return
        kinds = feed._video_kinds()
        if feed.audio_enabled:
            kinds.add(TrackKind.AUDIO)
        for kind in kinds:
            self._routes.setdefault((feed.site, kind), set()).add(feed)

    def _unroute(self, feed: Feed) -> None:
        for kind in TrackKind:
            routed = self._routes.get((feed.site, kind))
            if routed is not None:
                routed.discard(feed)
                if not routed:
                    del self._routes[(feed.site, kind)]

    def _ask_keyframe(self, site: str, kind: TrackKind, reason: KeyframeReason) -> None:
        publisher = self.publishers.get(site)
        if publisher is not None:
            publisher.request_keyframe(kind, reason)

    def _dispatch(self, publisher: Publisher, kind: TrackKind, frame: EncodedFrame) -> None:
        feeds = self._routes.get((publisher.site, kind))
        if kind is TrackKind.AUDIO:
            if publisher.muted:
                publisher.stats.muted_audio_frames += 1
                return
            if self.on_audio_level is not None and frame.audio_level is not None:
                self.on_audio_level(publisher.site, frame.audio_level, frame.arrival)
            for feed in feeds or ():
                feed._push_audio(frame)
            return
        # A feed may re-route itself while switching layers: iterate over a copy.
        for feed in list(feeds or ()):
            feed._push_video(kind, frame)

    def _publisher_ended(self, publisher: Publisher) -> None:
        if self.publishers.get(publisher.site) is not publisher:
            return
        task = asyncio.get_running_loop().create_task(self.remove_publisher(publisher.site))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
