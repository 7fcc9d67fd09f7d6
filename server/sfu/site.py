"""One joined site on the server: its two peer connections and the negotiation of the second.

The site offers its *publishing* connection (``call.join``) and the server answers. The server
offers the *receiving* connection: whenever feeds are added it makes a new offer (``call.offer``
event, one revision at a time) and waits for the site's ``call.answer``. A receiving connection
that has gathered too many ended m-lines is replaced by a fresh one.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from aiortc import RTCPeerConnection, RTCRtpTransceiver, RTCSessionDescription

from media.forwarding import Feed
from media.ice import advertise_public_address, force_codecs, rtc_configuration
from meetings import protocol_call as pc
from meetings.call import Site
from meetings.errors import Conflict
from server.sfu.sdp import InvalidSdp, check_answer
from server.sfu.settings import SfuSettings

if TYPE_CHECKING:
    from server.connection import Connection


class SiteSession:
    """Connections and negotiation of one site; the room decides what flows through them."""

    def __init__(
        self,
        meeting_id: str,
        site: Site,
        conn: Connection,
        settings: SfuSettings,
        send: Callable[[Connection, pc.Model], None],
        on_failed: Callable[[str, pc.EndReason | None], None],
    ) -> None:
        self.meeting_id = meeting_id
        self.site = site
        self.conn = conn
        self.settings = settings
        self.publish_pc = RTCPeerConnection(rtc_configuration(settings.ice))
        self.subscribe_pc: RTCPeerConnection | None = None
        self.revision = 0
        self.fresh = True
        """The next offer is for a new receiving connection."""
        self.tracks: dict[str, tuple[RTCRtpTransceiver, RTCRtpTransceiver]] = {}
        self.dead = 0
        self.closed = False
        self._send = send
        self._on_failed = on_failed
        self._answer: asyncio.Future[None] | None = None
        self._negotiating: asyncio.Task[None] | None = None
        self._again = False
        self._tasks: set[asyncio.Task[None]] = set()
        self._watch_connection(self.publish_pc)

    # --- the receiving connection ---------------------------------------------------------

    def add_feed(self, feed: Feed) -> None:
        """Carry ``feed`` on the receiving connection; the next offer will include it."""
        if self.subscribe_pc is None:
            self.subscribe_pc = RTCPeerConnection(rtc_configuration(self.settings.ice))
            self.fresh = True
            self._watch_connection(self.subscribe_pc)
        audio = self.subscribe_pc.addTransceiver(feed.audio, direction="sendonly")
        video = self.subscribe_pc.addTransceiver(feed.video, direction="sendonly")
        force_codecs(audio)
        force_codecs(video)
        feed.bind_senders(audio=audio.sender, video=video.sender)
        self.tracks[feed.site] = (audio, video)
        self.negotiate()

    def feed_ended(self, site: str) -> None:
        """The site's feed ended (BYE sent): its m-lines go inactive at the next offer."""
        pair = self.tracks.pop(site, None)
        if pair is None:
            return
        for transceiver in pair:
            transceiver.direction = "inactive"
        self.dead += 2

    @property
    def needs_fresh_connection(self) -> bool:
        return self.dead > self.settings.max_dead_tracks

    async def drop_receiving_connection(self) -> None:
        """Close the receiving connection; the room adds the feeds again on a new one."""
        old, self.subscribe_pc = self.subscribe_pc, None
        self.tracks.clear()
        self.dead = 0
        self.fresh = True
        if self._answer is not None and not self._answer.done():
            self._answer.cancel()
        if old is not None:
            await old.close()

    def negotiate(self) -> None:
        """Make a new offer now, or after the one in flight is answered."""
        if self.closed:
            return
        if self._negotiating is not None and not self._negotiating.done():
            self._again = True
            return
        self._negotiating = self._spawn(self._negotiate())

    async def _negotiate(self) -> None:
        for _ in range(1000):  # bounded: each round answers the changes made before it
            self._again = False
            pc_ = self.subscribe_pc
            if pc_ is None or self.closed:
                return
            await pc_.setLocalDescription(await pc_.createOffer())
            if pc_ is not self.subscribe_pc:
                continue  # replaced meanwhile: offer the new one
            self.revision += 1
            tracks = [
                view
                for site, (audio, video) in self.tracks.items()
                for view in (
                    pc.TrackView(mid=str(audio.mid), site=site, kind="audio"),
                    pc.TrackView(mid=str(video.mid), site=site, kind="video"),
                )
            ]
            offer = pc.CallOffer(
                meeting_id=self.meeting_id,
                revision=self.revision,
                sdp=advertise_public_address(pc_.localDescription.sdp, self.settings.ice),
                tracks=tracks,
                fresh=self.fresh,
            )
            self._answer = asyncio.get_running_loop().create_future()
            self._send(self.conn, offer)
            try:
                async with asyncio.timeout(self.settings.answer_timeout):
                    await self._answer
            except TimeoutError:
                self._on_failed(self.site.id, "failed")
                return
            except asyncio.CancelledError:
                if self.closed:
                    raise
                continue  # the connection was replaced: offer again
            self.fresh = False
            if not self._again:
                return

    async def answer(self, revision: int, sdp: str) -> None:
        """The site's answer to offer ``revision``; a bad one leaves the offer open."""
        pc_ = self.subscribe_pc
        waiting = self._answer
        if pc_ is None or waiting is None or waiting.done() or revision != self.revision:
            raise Conflict(
                "No offer of that revision is waiting for an answer.",
                "Không có đề nghị kết nối nào đang chờ trả lời.",
                details={"revision": self.revision},
            )
        check_answer(sdp)
        try:
            await pc_.setRemoteDescription(RTCSessionDescription(sdp=sdp, type="answer"))
        except Exception as exc:  # aiortc raises many kinds on bad input
            raise InvalidSdp(str(exc) or type(exc).__name__) from None
        if not waiting.done():
            waiting.set_result(None)

    # --- life and death -------------------------------------------------------------------

    def _watch_connection(self, connection: RTCPeerConnection) -> None:
        settled = asyncio.Event()

        @connection.on("connectionstatechange")
        def changed() -> None:
            if connection.connectionState in ("connected", "failed", "closed"):
                settled.set()
            if connection.connectionState == "failed" and not self.closed:
                self._on_failed(self.site.id, "failed")

        async def watch() -> None:
            try:
                async with asyncio.timeout(self.settings.connect_timeout):
                    await settled.wait()
            except TimeoutError:
                if not self.closed:
                    self._on_failed(self.site.id, "failed")

        self._spawn(watch())

    def watch_websocket(self) -> None:
        """The site is gone when its websocket is."""

        async def watch() -> None:
            await self.conn.ws.wait_closed()
            if not self.closed:
                self._on_failed(self.site.id, None)

        self._spawn(watch())

    def _spawn(self, coroutine: object) -> asyncio.Task[None]:
        task: asyncio.Task[None] = asyncio.get_running_loop().create_task(coroutine)  # type: ignore[arg-type]
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def close(self) -> None:
        self.closed = True
        current = asyncio.current_task()
        tasks = [t for t in self._tasks if t is not current]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        for connection in (self.publish_pc, self.subscribe_pc):
            if connection is not None:
                with contextlib.suppress(Exception):
                    await connection.close()
        self.subscribe_pc = None
        self.tracks.clear()
