"""The Qt side of one call: a `CallSession` wired to the client's `Connection`, pictures
turned into QImages in the GUI thread, the mixer's sound played, errors turned into words.

Both the call view and the ward-hall screen sit on one `CallController`.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import os
import threading
import zlib
from collections.abc import Callable, Coroutine
from typing import Any
from urllib.parse import urlsplit

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QImage

from ecabinet.call.audio import AudioOutput, Mixer, Playback, open_output
from ecabinet.call.devices import DeviceChoice, open_source
from ecabinet.call.media_thread import MediaThread, ThreadLink
from ecabinet.call.model import Change, Phase, Picture
from ecabinet.call.session import CallSession
from ecabinet.call.sources import MediaSource, SyntheticSpec, synthetic_source
from ecabinet.call.stamps import render_text
from ecabinet.call.tiles import picture_image
from ecabinet.net.client import Disconnected, ServerError
from ecabinet.net.connection import Connection, LinkState
from media import aiortc_hooks
from media.ice import LOOPBACK, IceSettings, apply_host_addresses
from meetings import protocol as p

log = logging.getLogger(__name__)

ADDRESSES_ENV = "ECABINET_CALL_ADDRESSES"
RECONNECTED_SHOWN_MS = 5000
PICTURE_TICK_MS = 66
AUDIO_TICK_MS = 20
RECEIVE_BUFFER = 4 * 1024 * 1024


def ice_for(server_url: str, environ: dict[str, str] | None = None) -> IceSettings:
    """Where this client's peer connections gather candidates.

    ``ECABINET_CALL_ADDRESSES`` (comma-separated IP addresses, or ``auto`` for every address
    but loopback) decides if set; otherwise a server on loopback (the demo, the tests) means
    loopback only, and any other server aioice's own choice. Never a STUN or TURN server:
    the call only ever talks to the eCabinet server.
    """
    env = os.environ if environ is None else environ
    wanted = env.get(ADDRESSES_ENV, "").strip()
    if wanted == "auto":
        return IceSettings()
    if wanted:
        return IceSettings(addresses=tuple(a.strip() for a in wanted.split(",") if a.strip()))
    host = urlsplit(server_url).hostname or ""
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    return LOOPBACK if loopback else IceSettings()


def site_number(person_id: str) -> int:
    """The number the synthetic pattern draws for a site: stable, 1..255."""
    return zlib.crc32(person_id.encode()) % 255 + 1


def synthetic_factory(me: p.PersonView) -> Callable[[], MediaSource]:
    spec = SyntheticSpec(site_number(me.id), me.full_name)
    return lambda: synthetic_source(spec, render_text)


class CallController(QObject):
    """Owns the media thread, the session on it, and the GUI's side of the call.

    The view subscribes with plain callables (``on_change``, ``on_picture``, ``on_message``)
    rather than Qt signals: with PySide6 6.12.0 every signal emitted from Python drops a
    reference to True, and pictures arrive many times a second. Pictures wait in a slot per
    site and are picked up by a timer in the GUI thread; sound is pulled by another timer.
    """

    def __init__(
        self,
        connection: Connection,
        meeting_id: str,
        me: p.PersonView,
        *,
        make_source: Callable[[], MediaSource] | None = None,
        ice: IceSettings | None = None,
        output: Callable[[], AudioOutput] = open_output,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.connection = connection
        self.me = me
        ice = ice if ice is not None else ice_for(connection.url)
        if ice.addresses:
            apply_host_addresses(ice)
        # A hall's laptop receives up to 15 sites: a busy moment should delay their packets,
        # not overflow aioice's 256 KiB socket buffers (docs/media.md).
        aiortc_hooks.enlarge_receive_buffers(RECEIVE_BUFFER)
        self.media = MediaThread()
        self.spec = SyntheticSpec(site_number(me.id), me.full_name)
        self.devices = DeviceChoice()
        self.mixer = Mixer(me.id)
        self.session = CallSession(
            ThreadLink(connection, asyncio.get_running_loop()),
            meeting_id,
            me.id,
            make_source or synthetic_factory(me),
            ice=ice,
            mixer=self.mixer,
        )
        self.on_change: list[Callable[[str], None]] = []
        self.on_picture: list[Callable[[str, QImage], None]] = []
        self.on_message: list[Callable[[str], None]] = []
        self.pictures_shown = 0
        self._gui_loop = asyncio.get_running_loop()
        self._latest: dict[str, Picture] = {}
        self._latest_lock = threading.Lock()
        self._output_factory = output
        self.playback: Playback | None = None
        self.reconnected_shown = False
        self._left = False
        self._leaving: asyncio.Future[None] | None = None
        self._reconnected_timer = QTimer(self)
        self._reconnected_timer.setSingleShot(True)
        self._reconnected_timer.timeout.connect(self._reconnected_over)
        self._picture_timer = QTimer(self)
        self._picture_timer.setInterval(PICTURE_TICK_MS)
        self._picture_timer.timeout.connect(self._show_pictures)
        self._audio_timer = QTimer(self)
        self._audio_timer.setInterval(AUDIO_TICK_MS)
        self._audio_timer.timeout.connect(self._play)
        self.session.changed.append(self._session_changed)
        self.session.pictures.append(self._picture_arrived)
        connection.call_event.connect(self._call_event)
        connection.live_event.connect(self._live_event)
        connection.state_changed.connect(self._link_changed)
        connection.reconnected.connect(self._link_back)

    @property
    def meeting_id(self) -> str:
        return self.session.meeting_id

    # --- from the media thread ------------------------------------------------------------

    def _session_changed(self, what: Change) -> None:
        if not self._gui_loop.is_closed():
            self._gui_loop.call_soon_threadsafe(self._deliver_change, what)

    def _picture_arrived(self, picture: Picture) -> None:
        with self._latest_lock:
            self._latest[picture.site] = picture

    # --- in the GUI thread ----------------------------------------------------------------

    def _deliver_change(self, what: Change) -> None:
        if self._left and what is not Change.PHASE:
            return
        if what is Change.PHASE and self.session.just_reconnected:
            self.session.just_reconnected = False
            self.reconnected_shown = True
            self._reconnected_timer.start(RECONNECTED_SHOWN_MS)
        self._notify(self.on_change, what.value)

    def _reconnected_over(self) -> None:
        self.reconnected_shown = False
        self._deliver_change(Change.PHASE)

    def _show_pictures(self) -> None:
        with self._latest_lock:
            latest, self._latest = self._latest, {}
        for site, picture in latest.items():
            image = picture_image(picture)
            self.pictures_shown += 1
            self._notify(self.on_picture, site, image)

    def _play(self) -> None:
        if self.playback is not None:
            self.playback.tick()

    def _call_event(self, event: object) -> None:
        self.media.call(self.session.handle_event, event)

    def _live_event(self, event: object) -> None:
        self.media.call(self.session.handle_live_event, event)

    def _link_changed(self, state: str) -> None:
        if state == LinkState.RECONNECTING.value:
            self.media.call(self.session.link_lost)

    def _link_back(self) -> None:
        self.media.call(self.session.link_back)

    def _say(self, text: str) -> None:
        self._notify(self.on_message, text)

    @staticmethod
    def _notify(listeners: list[Callable[..., None]], *args: Any) -> None:
        for listener in list(listeners):
            try:
                listener(*args)
            except RuntimeError:  # a view deleted before the call ended: forget it
                log.debug("dropping a listener of a deleted view", exc_info=True)
                listeners.remove(listener)

    async def start(self) -> bool:
        """Join and start playing; False (with a message) if the server refused."""
        if self.playback is None:
            self.playback = Playback(self.mixer, self._output_factory())
            log.info("call audio: %s", self.playback.output.description)
        ok = await self.attempt(self.session.join())
        self._picture_timer.start()
        if ok:
            self._audio_timer.start()
        return ok

    def use_devices(self, choice: DeviceChoice) -> None:
        """Send from these devices from now on (the synthetic source stands in for either)."""
        self.devices = choice
        spec = self.spec
        self.act(self.session.replace_source, lambda: open_source(choice, spec, render_text))

    def act(self, function: Callable[..., Any], *args: Any) -> None:
        """Call a plain (not async) method of the session on the media thread."""
        self.media.call(function, *args)

    async def attempt(self, action: Coroutine[Any, Any, Any]) -> bool:
        """Run a session coroutine on the media thread; a refusal or a lost link becomes a
        message, not an exception."""
        try:
            await self.media.run(action)
        except ServerError as exc:
            self._say(exc.message_vi if self._vietnamese() else exc.message)
            return False
        except Disconnected:
            self._say(self.tr("Not connected: this needs the server."))
            return False
        return True

    def _vietnamese(self) -> bool:
        return self.tr("Muted") != "Muted"

    async def leave(self) -> None:
        """Hang up; a second caller waits for the first one's hang-up to finish."""
        if self._leaving is None:
            self._left = True
            self._leaving = asyncio.ensure_future(self._leave())
        await asyncio.shield(self._leaving)

    async def _leave(self) -> None:
        for signal, slot in (
            (self.connection.call_event, self._call_event),
            (self.connection.live_event, self._live_event),
            (self.connection.state_changed, self._link_changed),
            (self.connection.reconnected, self._link_back),
        ):
            try:
                signal.disconnect(slot)
            except (RuntimeError, TypeError):
                pass
        self._picture_timer.stop()
        self._audio_timer.stop()
        try:
            await self.media.run(self.session.leave())
        finally:
            await self.media.stop()
            if self.playback is not None:
                self.playback.close()
        self._deliver_change(Change.PHASE)

    def phase_text(self) -> str:
        """What the status line says about the call itself."""
        session = self.session
        phase = session.phase
        if phase is Phase.JOINED:
            return self.tr("Reconnected") if self.reconnected_shown else self.tr("In the call")
        if phase is Phase.JOINING or phase is Phase.IDLE:
            return self.tr("Joining…")
        if phase is Phase.RECONNECTING:
            return self.tr("Reconnecting…")
        if phase is Phase.FAILED:
            return self.tr("Could not join the call: {0}").format(session.error or "")
        reasons = {
            "removed": self.tr("The chair removed this site from the call."),
            "replaced": self.tr("This account joined the call from another computer."),
            "closing": self.tr("The server is stopping."),
            "failed": self.tr("The connection failed."),
        }
        return reasons.get(session.end_reason or "", self.tr("You left the call."))
