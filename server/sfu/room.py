"""One meeting's video room: the rules' state, the forwarder, and the sites' connections.

Every change goes the same way: a function of :mod:`meetings.call` gives the new state, the
room tells the sites what changed (by comparing the states) and applies the new plan to the
forwarder, adding feeds (and renegotiating) where a site needs one it does not have yet.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from aiortc import RTCSessionDescription

from media.exceptions import MediaError
from media.forwarding import Forwarder, Layer, TrackKind
from media.ice import advertise_public_address, force_codecs
from media.levels import SpeakerDetector
from meetings import call
from meetings import protocol_call as pc
from meetings.call import ControlAction, Layout, RoomState, Site, Subscription
from meetings.errors import InvalidState
from server.sfu.recording import Recorder
from server.sfu.sdp import InvalidSdp, check_publish_offer
from server.sfu.settings import SfuSettings
from server.sfu.site import SiteSession
from server.sfu.stats import StatsMeter

if TYPE_CHECKING:
    from server.connection import Connection

log = logging.getLogger("ecabinet.sfu")
Send = Callable[["Connection", pc.Model], None]
MAX_ROOM_HOURS = 24


class Room:
    def __init__(
        self,
        meeting_id: str,
        settings: SfuSettings,
        send: Send,
        on_empty: Callable[[Room], None],
        recordings: Path,
    ) -> None:
        self.meeting_id = meeting_id
        self.settings = settings
        self.recordings = recordings
        self.state = RoomState()
        self.sessions: dict[str, SiteSession] = {}
        self.forwarder = Forwarder(
            settings.forwarding,
            on_audio_level=self._on_audio_level,
            on_publisher_ended=self._on_publisher_ended,
        )
        self.detector = SpeakerDetector()
        self.stats = StatsMeter(self)
        self.recorder: Recorder | None = None
        self.closed = False
        self._send = send
        self._on_empty = on_empty
        self._applied: dict[tuple[str, str], Subscription] = {}
        self._lock = asyncio.Lock()
        self._tasks: set[asyncio.Task[None]] = set()
        self._ticker: asyncio.Task[None] | None = None
        self._pending_speaker: str | None = None
        self.hall_speaker: str | None = None
        """Who holds the live meeting's floor, as last told by the live handlers."""

    # --- joining and leaving ----------------------------------------------------------------

    async def join(self, conn: Connection, site: Site, offer: str, muted: bool) -> pc.CallJoined:
        check_publish_offer(offer)
        async with self._lock:
            call.join(self.state, site)  # refused here, before anything is built
            if site.id in self.sessions:
                await self._drop(site.id, "replaced")
            session = SiteSession(
                self.meeting_id, site, conn, self.settings, self._send, self._failed
            )
            try:
                answer = await self._publish(session, offer)
            except BaseException:
                await self.forwarder.remove_publisher(site.id)
                await session.close()
                if not self.sessions and not self.closed:
                    self._on_empty(self)
                raise
            self.sessions[site.id] = session
            state = call.join(self.state, site)
            if muted:
                state = call.self_mute(state, site.id, True)
            if site.id == self.hall_speaker:
                state = call.give_floor(state, site.id)  # joined while holding the floor
            self._commit(state)
            session.watch_websocket()
            if self.recorder is not None:
                await self.recorder.add_site(site.id)
            if self._ticker is None:
                self._ticker = self._spawn(self._tick())
            return pc.CallJoined(
                site=site.id,
                answer=answer,
                sites=self._site_views(),
                speaker=self.state.speaker,
                spotlight=self.state.spotlight,
                pinned=self.state.pinned is not None,
                floor=self.state.floor,
                locked=self.state.locked,
                recording=self.recorder is not None,
            )

    async def _publish(self, session: SiteSession, offer: str) -> str:
        connection = session.publish_pc
        receivers = {
            kind: connection.addTransceiver(
                "audio" if kind is TrackKind.AUDIO else "video", direction="recvonly"
            )
            for kind in TrackKind
        }
        for transceiver in receivers.values():
            force_codecs(transceiver)
        try:
            await connection.setRemoteDescription(RTCSessionDescription(sdp=offer, type="offer"))
            publisher = self.forwarder.add_publisher(session.site.id)
            for kind, transceiver in receivers.items():
                publisher.attach(kind, transceiver.receiver)
        except MediaError as exc:
            raise InvalidSdp(str(exc)) from None
        except Exception as exc:  # aiortc raises many kinds on bad input
            raise InvalidSdp(str(exc) or type(exc).__name__) from None
        await connection.setLocalDescription(await connection.createAnswer())
        return advertise_public_address(connection.localDescription.sdp, self.settings.ice)

    async def leave(self, site_id: str, reason: pc.EndReason | None = None) -> None:
        async with self._lock:
            await self._drop(site_id, reason)
            if not self.sessions and not self.closed:
                self._on_empty(self)

    def _failed(self, site_id: str, reason: pc.EndReason | None) -> None:
        """A connection failed (``failed``) or the websocket is gone (``None``)."""
        self._spawn(self.leave(site_id, reason))

    async def _drop(self, site_id: str, reason: pc.EndReason | None) -> None:
        session = self.sessions.pop(site_id, None)
        if session is None:
            return
        if reason is not None:
            self._send(session.conn, pc.CallEnded(meeting_id=self.meeting_id, reason=reason))
        self.detector.remove(site_id)
        self._commit(call.leave(self.state, site_id))
        for other in self.sessions.values():
            other.feed_ended(site_id)
        if self.recorder is not None:
            await self.recorder.remove_site(site_id)
        await self.forwarder.remove_publisher(site_id)
        await self.forwarder.remove_subscriber(site_id)
        self._applied = {k: v for k, v in self._applied.items() if site_id not in k}
        await session.close()

    def _on_publisher_ended(self, site_id: str) -> None:
        # Its tracks ended (BYE, closed connection): the site is gone.
        if site_id in self.sessions:
            self._failed(site_id, "failed")

    # --- commands ---------------------------------------------------------------------------

    async def answer(self, site_id: str, revision: int, sdp: str) -> None:
        await self._session(site_id).answer(revision, sdp)

    def set_layout(self, site_id: str, layout: Layout) -> None:
        self._session(site_id)
        self._commit(call.set_layout(self.state, site_id, layout))

    def self_mute(self, site_id: str, muted: bool) -> None:
        self._session(site_id)
        self._commit(call.self_mute(self.state, site_id, muted))

    async def control(self, by: Site, action: ControlAction, target: str | None) -> None:
        async with self._lock:
            self._commit(call.control(self.state, by, action, target))
            if action is ControlAction.REMOVE and target is not None:
                await self._drop(target, "removed")

    def follow_hall_floor(self, speaker: str | None) -> None:
        """The live meeting gave the floor to ``speaker`` (or ended it: None). Synchronous, so
        it cannot interleave with a join or a control between their reads and commits."""
        if speaker == self.hall_speaker or self.closed:
            return  # nothing moved in the hall: leave the chair's own call controls alone
        self.hall_speaker = speaker
        self._commit(call.follow_hall_floor(self.state, speaker))

    async def record(self, on: bool) -> None:
        """Start or stop recording every site (one file per site and recording)."""
        async with self._lock:
            if on and self.recorder is None:
                self.recorder = Recorder(
                    self.forwarder, self.recordings / self.meeting_id, self.meeting_id
                )
                for site_id in self.sessions:
                    await self.recorder.add_site(site_id)
            elif not on and self.recorder is not None:
                recorder, self.recorder = self.recorder, None
                await recorder.stop()
            else:
                return
        self.broadcast(pc.CallRecording(meeting_id=self.meeting_id, recording=on))

    def session_of(self, site_id: str, conn: Connection) -> SiteSession:
        """The site's session, if ``conn`` is the connection it joined over."""
        session = self.sessions.get(site_id)
        if session is None or session.conn is not conn:
            raise InvalidState("Join the call first.", "Hãy tham gia phiên họp trước.")
        return session

    def _session(self, site_id: str) -> SiteSession:
        session = self.sessions.get(site_id)
        if session is None:
            raise InvalidState("Join the call first.", "Hãy tham gia phiên họp trước.")
        return session

    # --- state changes, events and the plan -------------------------------------------------

    def _site_views(self, state: RoomState | None = None) -> list[pc.SiteView]:
        state = state or self.state
        return [
            pc.SiteView(
                site=s.id,
                name=s.name,
                unit_id=s.unit_id,
                hall=s.hall,
                muted=state.muted.get(s.id),
            )
            for s in state.sites
        ]

    def broadcast(self, message: pc.Model) -> None:
        for session in self.sessions.values():
            self._send(session.conn, message)

    def _commit(self, new: RoomState) -> None:
        old, self.state = self.state, new
        m = self.meeting_id
        if old.sites != new.sites or old.muted != new.muted:
            self.broadcast(pc.CallParticipants(meeting_id=m, sites=self._site_views()))
        for site in new.ids:
            if site in old.ids and old.muted.get(site) != new.muted.get(site):
                by = new.muted.get(site)
                self.broadcast(pc.CallMuted(meeting_id=m, site=site, muted=by is not None, by=by))
        if old.speaker != new.speaker:
            self.broadcast(pc.CallSpeaker(meeting_id=m, site=new.speaker))
        if (old.spotlight, old.pinned) != (new.spotlight, new.pinned):
            self.broadcast(
                pc.CallSpotlight(meeting_id=m, site=new.spotlight, pinned=new.pinned is not None)
            )
        if old.floor != new.floor:
            self.broadcast(pc.CallFloor(meeting_id=m, site=new.floor))
        if old.locked != new.locked:
            self.broadcast(pc.CallLocked(meeting_id=m, locked=new.locked))
        for site, publisher in self.forwarder.publishers.items():
            publisher.muted = site in new.muted
        self._replan()

    def _replan(self) -> None:
        now = time.monotonic()
        loudness = {s: self.detector.loudness(s, now) for s in self.state.ids}
        plan = call.plan(self.state, loudness, self.settings.last_n)
        for viewer, row in plan.items():
            session = self.sessions.get(viewer)
            if session is None:
                continue
            if session.needs_fresh_connection:
                self._spawn(self._refresh(viewer))
                continue
            for site, wanted in row.items():
                if site not in self.forwarder.publishers:
                    continue
                key = (viewer, site)
                layer = None if wanted.quality is None else Layer(wanted.quality.value)
                if key not in self.forwarder.feeds:
                    feed = self.forwarder.add_feed(viewer, site, layer=layer, audio=wanted.audio)
                    session.add_feed(feed)
                elif self._applied.get(key) != wanted:
                    self.forwarder.set_layer(viewer, site, layer)
                    self.forwarder.set_audio(viewer, site, wanted.audio)
                self._applied[key] = wanted

    async def _refresh(self, viewer: str) -> None:
        """Give a site a fresh receiving connection (too many ended m-lines on the old one)."""
        async with self._lock:
            session = self.sessions.get(viewer)
            if session is None or not session.needs_fresh_connection:
                return
            await self.forwarder.remove_subscriber(viewer)
            await session.drop_receiving_connection()
            self._applied = {k: v for k, v in self._applied.items() if k[0] != viewer}
            self._replan()

    def _on_audio_level(self, site: str, level: int, at: float) -> None:
        change = self.detector.feed(site, level, at)
        if change is not None:
            # Called inside the forwarder's dispatch: change the routes after it returns.
            self._pending_speaker = change.speaker
            asyncio.get_running_loop().call_soon(self._speaker_changed)

    def _speaker_changed(self) -> None:
        speaker, self._pending_speaker = self._pending_speaker, None
        if speaker is not None and not self.closed:
            self._commit(call.speaker_changed(self.state, speaker))

    async def _tick(self) -> None:
        """Revisit last-N from the levels now and then; send the chair statistics."""
        ticks = int(MAX_ROOM_HOURS * 3600 / self.settings.tick)
        every = max(1, round(self.settings.stats_interval / self.settings.tick))
        for count in range(1, ticks + 1):
            await asyncio.sleep(self.settings.tick)
            if self.closed:
                return
            try:
                self._replan()
                if count % every == 0:
                    await self._send_stats()
            except Exception:  # one bad round must not stop the room's clock
                log.exception("video room %s: tick failed", self.meeting_id)

    async def _send_stats(self) -> None:
        controllers = [s for s in self.sessions.values() if s.site.controller]
        if not controllers:
            return
        message = pc.CallStats(meeting_id=self.meeting_id, sites=await self.stats.measure())
        for session in controllers:
            self._send(session.conn, message)

    def _spawn(self, coroutine: object) -> asyncio.Task[None]:
        task: asyncio.Task[None] = asyncio.get_running_loop().create_task(coroutine)  # type: ignore[arg-type]
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def close(self, reason: pc.EndReason | None = "closing") -> None:
        """End every site's call and release everything (server shutdown, or empty room)."""
        self.closed = True
        async with self._lock:
            for site_id in list(self.sessions):
                await self._drop(site_id, reason)
            if self.recorder is not None:
                await self.recorder.stop()
                self.recorder = None
        current = asyncio.current_task()
        tasks = [t for t in self._tasks if t is not current]
        for task in tasks:
            task.cancel()
        with contextlib.suppress(Exception):
            await asyncio.gather(*tasks, return_exceptions=True)
        await self.forwarder.close()
