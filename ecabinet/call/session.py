"""One site in a meeting's video room, as plain asyncio: no Qt here.

`CallSession` joins with a publishing connection (audio, video high, video low, in that
order: docs/protocol-call.md), answers the server's `call.offer`s on a receiving connection,
maps each offered m-line to its site, and keeps the room's state (who is in, who speaks, the
spotlight, the floor, mutes, statistics) from the `call.*` events. Decoded pictures leave as
`Picture` (RGB bytes, converted in a worker thread, at most `fps` per site) and the GUI builds
its images from them; decoded sound goes into the `Mixer`, which never takes this site's own.

It talks to the server through anything with ``call(kind, **fields)`` (the client's
`Connection`), and is told about events with `handle_event` and about the link with
`link_lost` / `link_back`. When the link comes back, when a peer connection fails, or when
the server reports the site `failed`, it joins again by itself (the server replaces the old
site), a bounded number of times.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

import av
from aiortc import MediaStreamTrack, RTCPeerConnection, RTCSessionDescription
from aiortc.mediastreams import MediaStreamError

from ecabinet.call.audio import CHANNELS, RATE, Mixer, OwnAudioRefused
from ecabinet.call.model import (
    Change,
    LocalStats,
    Phase,
    Picture,
    RoomState,
    SiteState,
    to_picture,
)
from ecabinet.call.sources import MediaSource
from media.ice import IceSettings, force_codecs, rtc_configuration
from meetings import protocol_call as pc
from meetings import protocol_live as pl

log = logging.getLogger(__name__)

REJOIN_ATTEMPTS = 8
REJOIN_DELAY = 0.5
MAX_REJOIN_DELAY = 5.0
STATS_INTERVAL = 2.0


class Link(Protocol):
    async def call(self, kind: str, /, **fields: Any) -> Any: ...


@dataclass
class _Feed:
    """One offered m-line of the receiving connection."""

    mid: str
    site: str
    kind: str
    task: asyncio.Task[None] | None = None


@dataclass
class _Throttle:
    last: float = 0.0
    busy: bool = False


class CallSession:
    def __init__(
        self,
        link: Link,
        meeting_id: str,
        me: str,
        make_source: Callable[[], MediaSource],
        *,
        ice: IceSettings,
        mixer: Mixer | None = None,
        fps: float = 12.0,
        picture_size: tuple[int, int] = (640, 360),
        rejoin_attempts: int = REJOIN_ATTEMPTS,
    ) -> None:
        self.link = link
        self.meeting_id = meeting_id
        self.me = me
        self.make_source = make_source
        self.ice = ice
        self.mixer = mixer if mixer is not None else Mixer(me)
        if self.mixer.own_site != me:
            raise ValueError("the mixer must belong to this site")
        self.frame_interval = 1.0 / fps
        self.picture_size = picture_size
        self.rejoin_attempts = rejoin_attempts

        self.phase = Phase.IDLE
        self.room = RoomState()
        self.site = me  # the server names the site by the person id; confirmed on join
        self.muted = False
        self.muted_by: str | None = None
        self.camera_on = True
        self.hand_raised = False
        self.spotlight_layout = True
        self.hidden: set[str] = set()
        self.local = LocalStats()
        self.end_reason: str | None = None
        self.error: str | None = None
        self.rejoins = 0  # successful joins after the first
        self.just_reconnected = False

        self.changed: list[Callable[[Change], None]] = []
        self.pictures: list[Callable[[Picture], None]] = []

        self.publish: RTCPeerConnection | None = None
        self.receive: RTCPeerConnection | None = None
        self.source: MediaSource | None = None
        self._feeds: dict[str, _Feed] = {}
        self._throttle: dict[str, _Throttle] = {}
        self._offers: asyncio.Queue[pc.CallOffer] = asyncio.Queue()
        self._offer_task: asyncio.Task[None] | None = None
        self._stats_task: asyncio.Task[None] | None = None
        self._rejoin_task: asyncio.Task[None] | None = None
        self._closed = False
        self._joining = False
        self._generation = 0
        self._own_frame: av.VideoFrame | None = None

    # --- listeners ------------------------------------------------------------------------

    def _changed(self, what: Change) -> None:
        for listener in list(self.changed):
            try:
                listener(what)
            except Exception:
                log.exception("call listener failed on %s", what)

    def _set_phase(self, phase: Phase) -> None:
        if phase is not self.phase:
            self.phase = phase
            self._changed(Change.PHASE)

    # --- joining --------------------------------------------------------------------------

    async def join(self) -> None:
        """Join the room; raises the server's error (and sets FAILED) if refused."""
        if self._closed:
            raise RuntimeError("this call session is closed")
        loop = asyncio.get_running_loop()
        if self._offer_task is None:
            self._offer_task = loop.create_task(self._answer_offers())
        if self._stats_task is None:
            self._stats_task = loop.create_task(self._collect_stats())
        if self.phase is not Phase.RECONNECTING:
            self._set_phase(Phase.JOINING)
        try:
            await self._join_once()
        except Exception as exc:
            self.error = str(exc)
            self._set_phase(Phase.FAILED)
            raise

    async def _join_once(self) -> None:
        await self._drop_connections()
        while not self._offers.empty():  # offers of the previous join are void
            self._offers.get_nowait()
        self._generation += 1
        generation = self._generation
        source = self.make_source()
        source.set_muted(self.muted)
        source.set_camera(self.camera_on)
        source.low.tap = self._own_tap
        self.source = source
        publish = RTCPeerConnection(rtc_configuration(self.ice))
        self.publish = publish
        for track in source.tracks():
            force_codecs(publish.addTransceiver(track, direction="sendonly"))
        publish.on("connectionstatechange", lambda: self._connection_state(publish, generation))
        await publish.setLocalDescription(await publish.createOffer())
        self._joining = True
        try:
            data = await self.link.call(
                "call.join",
                meeting_id=self.meeting_id,
                offer=publish.localDescription.sdp,
                muted=self.muted,
            )
        finally:
            self._joining = False
        joined = pc.CallJoined.model_validate(data)
        await publish.setRemoteDescription(RTCSessionDescription(sdp=joined.answer, type="answer"))
        self.site = joined.site
        if self.site != self.me:
            log.warning("the server named this site %s, not %s", self.site, self.me)
        room = self.room
        self._set_sites(joined.sites)
        room.speaker, room.spotlight, room.pinned = joined.speaker, joined.spotlight, joined.pinned
        room.floor, room.locked, room.recording = joined.floor, joined.locked, joined.recording
        self.end_reason = None
        self.error = None
        self._set_phase(Phase.JOINED)
        for what in (Change.SPEAKER, Change.SPOTLIGHT, Change.FLOOR, Change.LOCKED):
            self._changed(what)
        if not self.spotlight_layout or self.hidden:
            await self._send_layout()

    def _connection_state(self, connection: RTCPeerConnection, generation: int) -> None:
        if connection.connectionState == "failed" and generation == self._generation:
            log.info("the publishing connection failed: joining again")
            self._start_rejoin()

    async def _drop_connections(self) -> None:
        for feed in self._feeds.values():
            if feed.task is not None:
                feed.task.cancel()
        tasks = [f.task for f in self._feeds.values() if f.task is not None]
        self._feeds = {}
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)
        for site in self.mixer.sites():
            self.mixer.forget(site)
        publish, self.publish = self.publish, None
        receive, self.receive = self.receive, None
        for connection in (publish, receive):
            if connection is not None:
                await connection.close()
        source, self.source = self.source, None
        if source is not None:
            source.stop()

    # --- reconnecting ---------------------------------------------------------------------

    def link_lost(self) -> None:
        """The websocket dropped: the server has let the site go; wait for `link_back`."""
        if self.phase in (Phase.JOINED, Phase.JOINING):
            self._set_phase(Phase.RECONNECTING)

    def link_back(self) -> None:
        """The websocket is back (a new server connection): join again."""
        if self.phase in (Phase.RECONNECTING, Phase.JOINED, Phase.JOINING):
            self._start_rejoin()

    def _start_rejoin(self) -> None:
        if self._closed or (self._rejoin_task is not None and not self._rejoin_task.done()):
            return
        self._set_phase(Phase.RECONNECTING)
        self._rejoin_task = asyncio.get_running_loop().create_task(self._rejoin())

    async def _rejoin(self) -> None:
        delay = REJOIN_DELAY
        for attempt in range(self.rejoin_attempts):
            if self._closed:
                return
            try:
                await self._join_once()
            except Exception as exc:
                log.info("joining again failed (attempt %d): %s", attempt + 1, exc)
                self.error = str(exc)
                await asyncio.sleep(delay)
                delay = min(delay * 2, MAX_REJOIN_DELAY)
                continue
            self.rejoins += 1
            self.just_reconnected = True
            self._changed(Change.PHASE)
            return
        self._set_phase(Phase.FAILED)

    # --- the receiving connection ---------------------------------------------------------

    async def _answer_offers(self) -> None:
        with contextlib.suppress(asyncio.CancelledError):
            for _ in range(100_000_000):
                offer = await self._offers.get()
                try:
                    await self._answer(offer)
                except Exception:
                    log.exception("could not answer offer %d", offer.revision)

    async def _answer(self, offer: pc.CallOffer) -> None:
        if offer.fresh or self.receive is None:
            old, self.receive = self.receive, RTCPeerConnection(rtc_configuration(self.ice))
            for feed in self._feeds.values():
                if feed.task is not None:
                    feed.task.cancel()
            self._feeds = {}
            if old is not None:
                await old.close()
            generation = self._generation
            fresh = self.receive
            fresh.on("connectionstatechange", lambda: self._connection_state(fresh, generation))
        connection = self.receive
        await connection.setRemoteDescription(RTCSessionDescription(sdp=offer.sdp, type="offer"))
        by_mid = {t.mid: t for t in connection.getTransceivers()}
        loop = asyncio.get_running_loop()
        for track in offer.tracks:
            known = self._feeds.get(track.mid)
            if known is not None and known.site == track.site and known.kind == track.kind:
                continue
            if track.site in (self.site, self.me):
                # The server never sends a site its own media; never play it if it did.
                log.error(
                    "offer %d carries this site's own %s: ignored", offer.revision, track.kind
                )
                continue
            transceiver = by_mid.get(track.mid)
            if transceiver is None:
                log.warning("offer %d names unknown mid %s", offer.revision, track.mid)
                continue
            force_codecs(transceiver)
            feed = _Feed(track.mid, track.site, track.kind)
            reader = (
                self._read_video(feed, transceiver.receiver.track)
                if track.kind == "video"
                else self._read_audio(feed, transceiver.receiver.track)
            )
            feed.task = loop.create_task(reader)
            self._feeds[track.mid] = feed
        await connection.setLocalDescription(await connection.createAnswer())
        await self.link.call(
            "call.answer",
            meeting_id=self.meeting_id,
            revision=offer.revision,
            answer=connection.localDescription.sdp,
        )

    async def _read_video(self, feed: _Feed, track: MediaStreamTrack) -> None:
        with contextlib.suppress(MediaStreamError):
            for _ in range(1_000_000_000):
                frame = await track.recv()
                assert isinstance(frame, av.VideoFrame)
                state = self.room.sites.get(feed.site)
                if state is not None:
                    state.video_frames += 1
                if feed.site not in self.hidden:
                    self._offer_picture(feed.site, frame)

    async def _read_audio(self, feed: _Feed, track: MediaStreamTrack) -> None:
        resampler = av.AudioResampler(
            format="s16", layout="stereo" if CHANNELS == 2 else "mono", rate=RATE
        )
        with contextlib.suppress(MediaStreamError):
            for _ in range(1_000_000_000):
                frame = await track.recv()
                assert isinstance(frame, av.AudioFrame)
                state = self.room.sites.get(feed.site)
                if state is not None:
                    state.audio_frames += 1
                for out in resampler.resample(frame):
                    pcm = bytes(out.planes[0])[: out.samples * CHANNELS * 2]
                    try:
                        self.mixer.push(feed.site, pcm)
                    except OwnAudioRefused:
                        log.error("own audio reached the mixer: refused")
                        return
        self.mixer.forget(feed.site)

    # --- pictures to the GUI, throttled ---------------------------------------------------

    def _own_tap(self, frame: av.VideoFrame) -> None:
        # This frame goes to the encoder's thread next: convert it here, now, not beside it
        # (PyAV crashes when two threads reformat one frame at once).
        throttle = self._throttle.setdefault(self.me, _Throttle())
        now = time.monotonic()
        if not self.pictures or now - throttle.last < self.frame_interval:
            return
        throttle.last = now
        picture = to_picture(self.me, frame, self.picture_size)
        for listener in list(self.pictures):
            listener(picture)

    def _offer_picture(self, site: str, frame: av.VideoFrame) -> None:
        """A decoded frame, ours alone now: converted in a worker thread, throttled."""
        if not self.pictures:
            return
        throttle = self._throttle.setdefault(site, _Throttle())
        now = time.monotonic()
        if throttle.busy or now - throttle.last < self.frame_interval:
            return
        throttle.busy, throttle.last = True, now
        asyncio.get_running_loop().create_task(self._convert(site, frame, throttle))

    async def _convert(self, site: str, frame: av.VideoFrame, throttle: _Throttle) -> None:
        try:
            picture = await asyncio.to_thread(to_picture, site, frame, self.picture_size)
        except Exception:
            log.exception("could not convert a frame of %s", site)
            return
        finally:
            throttle.busy = False
        if self._closed:
            return
        picture = Picture(
            picture.site, picture.width, picture.height, picture.stride, picture.rgb, frame
        )
        for listener in list(self.pictures):
            listener(picture)

    # --- events ---------------------------------------------------------------------------

    def handle_event(self, event: object) -> None:
        """A ``call.*`` event from the server (any meeting: others are ignored)."""
        if getattr(event, "meeting_id", None) != self.meeting_id or self._closed:
            return
        room = self.room
        if isinstance(event, pc.CallOffer):
            self._offers.put_nowait(event)
        elif isinstance(event, pc.CallParticipants):
            self._set_sites(event.sites)
        elif isinstance(event, pc.CallSpeaker):
            room.speaker = event.site
            self._changed(Change.SPEAKER)
        elif isinstance(event, pc.CallSpotlight):
            room.spotlight, room.pinned = event.site, event.pinned
            self._changed(Change.SPOTLIGHT)
        elif isinstance(event, pc.CallMuted):
            state = room.sites.get(event.site)
            if state is not None:
                state.muted = event.by if event.muted else None
            if event.site == self.site:
                self._own_mute(event.muted, event.by)
            self._changed(Change.MUTED)
        elif isinstance(event, pc.CallFloor):
            room.floor = event.site
            if event.site == self.site and self.hand_raised:
                self.hand_raised = False
                self._changed(Change.HAND)
            self._changed(Change.FLOOR)
        elif isinstance(event, pc.CallLocked):
            room.locked = event.locked
            self._changed(Change.LOCKED)
        elif isinstance(event, pc.CallRecording):
            room.recording = event.recording
            self._changed(Change.RECORDING)
        elif isinstance(event, pc.CallStats):
            for stats in event.sites:
                state = room.sites.get(stats.site)
                if state is not None:
                    state.stats = stats
            self._changed(Change.STATS)
        elif isinstance(event, pc.CallEnded):
            self._ended(event.reason)

    def handle_live_event(self, event: object) -> None:
        """A ``live.*`` event: the floor queue tells whether this site's hand is up."""
        if isinstance(event, pl.FloorChanged) and event.meeting_id == self.meeting_id:
            raised = any(entry.person_id == self.me for entry in event.queue)
            if raised != self.hand_raised:
                self.hand_raised = raised
                self._changed(Change.HAND)

    def _set_sites(self, sites: list[pc.SiteView]) -> None:
        old = self.room.sites
        fresh: dict[str, SiteState] = {}
        for view in sites:
            state = old.get(view.site) or SiteState(
                view.site, view.name, view.unit_id, view.hall, view.muted
            )
            state.name, state.unit_id, state.hall = view.name, view.unit_id, view.hall
            state.muted = str(view.muted) if view.muted is not None else None
            fresh[view.site] = state
            if view.site == self.site:
                self._own_mute(view.muted is not None, str(view.muted) if view.muted else None)
        self.room.sites = fresh
        self._changed(Change.SITES)

    def _own_mute(self, muted: bool, by: str | None) -> None:
        self.muted_by = by if muted else None
        if muted != self.muted:
            self.muted = muted
            if self.source is not None:
                self.source.set_muted(muted)
            self._changed(Change.MUTED)

    def _ended(self, reason: str) -> None:
        if reason == "replaced" and (self._joining or self._rejoin_task_running()):
            return  # our own second join replaced our first: expected
        self.end_reason = reason
        if reason == "failed":
            self._start_rejoin()
        elif reason == "closing":
            self._set_phase(Phase.RECONNECTING)  # the link drops next, then comes back
        else:
            self._set_phase(Phase.ENDED)
            asyncio.get_running_loop().create_task(self._drop_connections())

    def _rejoin_task_running(self) -> bool:
        return self._rejoin_task is not None and not self._rejoin_task.done()

    # --- what the person does -------------------------------------------------------------

    async def set_muted(self, muted: bool) -> None:
        await self.link.call("call.mute", meeting_id=self.meeting_id, muted=muted)
        self._own_mute(muted, "self" if muted else None)

    def replace_source(self, make_source: Callable[[], MediaSource]) -> None:
        """Other devices: sent at once on the same tracks, and used by later joins."""
        self.make_source = make_source
        if self.source is not None:
            self.source.take_devices(make_source())

    def set_camera(self, on: bool) -> None:
        self.camera_on = on
        if self.source is not None:
            self.source.set_camera(on)
        self._changed(Change.CAMERA)

    async def set_layout(self, spotlight: bool, hidden: set[str] | None = None) -> None:
        self.spotlight_layout = spotlight
        if hidden is not None:
            self.hidden = set(hidden)
        if self.phase is Phase.JOINED:
            await self._send_layout()

    async def _send_layout(self) -> None:
        await self.link.call(
            "call.layout",
            meeting_id=self.meeting_id,
            spotlight=self.spotlight_layout,
            hidden=sorted(self.hidden),
        )

    async def raise_hand(self, up: bool) -> None:
        """Ask for (or withdraw from) the floor of the live meeting, checking in first."""
        if up:
            state = pl.LiveStateView.model_validate(
                await self.link.call("live.state.get", meeting_id=self.meeting_id)
            )
            mine = next((a for a in state.attendance if a.person_id == self.me), None)
            if mine is not None and mine.presence is None:
                await self.link.call("live.check_in", meeting_id=self.meeting_id, presence="online")
            await self.link.call("live.ask_floor", meeting_id=self.meeting_id)
        else:
            await self.link.call("live.withdraw_floor", meeting_id=self.meeting_id)
        self.hand_raised = up
        self._changed(Change.HAND)

    async def control(self, action: str, site: str | None = None) -> None:
        fields: dict[str, Any] = {"meeting_id": self.meeting_id, "action": action}
        if site is not None:
            fields["site"] = site
        await self.link.call("call.control", **fields)

    async def record(self, recording: bool) -> None:
        await self.link.call("call.record", meeting_id=self.meeting_id, recording=recording)

    # --- statistics -----------------------------------------------------------------------

    async def _collect_stats(self) -> None:
        with contextlib.suppress(asyncio.CancelledError):
            for _ in range(100_000_000):
                await asyncio.sleep(STATS_INTERVAL)
                try:
                    await self._read_stats()
                except Exception:
                    log.debug("statistics unavailable", exc_info=True)

    async def _read_stats(self) -> None:
        received = lost = 0
        rtts: list[float] = []
        if self.receive is not None:
            for stats in (await self.receive.getStats()).values():
                if getattr(stats, "type", "") == "inbound-rtp":
                    received += stats.packetsReceived
                    lost += max(0, stats.packetsLost)
        if self.publish is not None:
            for stats in (await self.publish.getStats()).values():
                if getattr(stats, "type", "") == "remote-inbound-rtp":
                    rtts.append(stats.roundTripTime * 1000)
        before = self.local
        new_received = received - before.packets_received
        new_lost = lost - before.packets_lost
        loss = new_lost / (new_received + new_lost) if new_received + new_lost > 0 else None
        self.local = LocalStats(received, lost, max(rtts) if rtts else None, loss)
        self._changed(Change.STATS)

    # --- leaving --------------------------------------------------------------------------

    async def leave(self) -> None:
        """Leave the room (if still in it) and release connections, devices and tasks."""
        if self._closed:
            return
        self._closed = True
        if self.phase is Phase.JOINED:
            with contextlib.suppress(Exception):
                await self.link.call("call.leave", meeting_id=self.meeting_id)
        tasks = [t for t in (self._offer_task, self._stats_task, self._rejoin_task) if t]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await self._drop_connections()
        self._set_phase(Phase.ENDED)
