"""The client's one connection to the server, as Qt signals: state, events, reconnection.

It wraps `Client` (plain asyncio): logs in, forwards pushed events as signals, and when the
link drops it reconnects by itself with `auth.resume`, refusing a changed certificate.
"""

from __future__ import annotations

import asyncio
import logging
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QObject, Signal

from ecabinet.net.client import CertificateChanged, Client, Disconnected, ServerError
from meetings import protocol as p
from meetings.errors import ErrorCode

log = logging.getLogger(__name__)


class LinkState(StrEnum):
    OFFLINE = "offline"  # never connected, or gave up
    CONNECTING = "connecting"
    ONLINE = "online"
    RECONNECTING = "reconnecting"
    CERTIFICATE_CHANGED = "certificate_changed"  # refused: the server's identity changed
    SIGNED_OUT = "signed_out"  # the server no longer knows our login


class Connection(QObject):
    state_changed = Signal(str)
    reconnected = Signal()
    certificate_changed = Signal(str, str)  # pinned, presented
    meeting_updated = Signal(object)  # p.MeetingUpdated
    meeting_removed = Signal(str)
    document_added = Signal(object)  # p.DocumentAdded
    comment_added = Signal(object)  # p.CommentAdded
    note_changed = Signal(object)  # p.NoteView
    note_deleted = Signal(str)
    signing_changed = Signal(object)  # a signing.* event: my turn, or a request moved on
    live_event = Signal(object)  # a live.* event: roll call, floor, votes, presenting
    call_event = Signal(object)  # a call.* event: offers, participants, speaker, controls

    def __init__(
        self,
        *,
        retry_delay: float = 0.5,
        max_retry_delay: float = 5.0,
        max_attempts: int = 720,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.url = ""
        self.fingerprint: str | None = None
        self.me: p.PersonView | None = None
        self._token: str | None = None
        self._client: Client | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._closing = False
        self._state = LinkState.OFFLINE
        self._retry_delay = retry_delay
        self._max_retry_delay = max_retry_delay
        self._max_attempts = max_attempts

    @property
    def state(self) -> LinkState:
        return self._state

    @property
    def online(self) -> bool:
        return self._state is LinkState.ONLINE

    @property
    def client(self) -> Client:
        if self._client is None or not self.online:
            raise Disconnected("not connected")
        return self._client

    def _set_state(self, state: LinkState) -> None:
        if state is not self._state:
            self._state = state
            self.state_changed.emit(state.value)

    async def open(self, url: str, pinned: str | None) -> str | None:
        """Connect without logging in; returns the certificate fingerprint to show and pin."""
        await self._drop_client()
        self._closing = False
        self.url = url
        self._set_state(LinkState.CONNECTING)
        try:
            self._client = await Client.connect(url, pinned=pinned, open_timeout=10)
        except CertificateChanged as exc:
            self._set_state(LinkState.CERTIFICATE_CHANGED)
            self.certificate_changed.emit(exc.expected, exc.actual)
            raise
        except BaseException:
            self._set_state(LinkState.OFFLINE)
            raise
        self.fingerprint = self._client.fingerprint
        self._set_state(LinkState.OFFLINE)  # connected, not yet signed in
        return self.fingerprint

    async def login(self, username: str, password: str) -> p.PersonView:
        if self._client is None:
            raise Disconnected("connect first")
        result = await self._client.login(username, password)
        self._signed_in(result)
        return result.person

    def _signed_in(self, result: p.LoginResult) -> None:
        self._token = result.token
        self.me = result.person
        self._set_state(LinkState.ONLINE)
        self._spawn(self._pump(self.client))

    def _spawn(self, coro: Any) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def call(self, kind: str, /, **fields: Any) -> Any:
        return await self.client.call(kind, **fields)

    async def _pump(self, client: Client) -> None:
        """Forward events until the link drops, then reconnect."""
        events = asyncio.ensure_future(self._forward(client))
        await client.closed.wait()
        events.cancel()
        if self._closing or client is not self._client:
            return
        self._set_state(LinkState.RECONNECTING)
        await self._reconnect()

    async def _forward(self, client: Client) -> None:
        while True:
            event = await client.events.get()
            if isinstance(event, p.MeetingUpdated):
                self.meeting_updated.emit(event)
            elif isinstance(event, p.MeetingRemoved):
                self.meeting_removed.emit(event.meeting_id)
            elif isinstance(event, p.DocumentAdded):
                self.document_added.emit(event)
            elif isinstance(event, p.CommentAdded):
                self.comment_added.emit(event)
            elif isinstance(event, p.NoteChanged):
                self.note_changed.emit(event.note)
            elif isinstance(event, p.NoteDeleted):
                self.note_deleted.emit(event.note_id)
            elif isinstance(event, p.SessionEnded):
                self._token = None
                self._set_state(LinkState.SIGNED_OUT)
            elif getattr(event, "type", "").startswith("signing."):
                self.signing_changed.emit(event)
            elif getattr(event, "type", "").startswith("live."):
                self.live_event.emit(event)
            elif getattr(event, "type", "").startswith("call."):
                self.call_event.emit(event)

    async def _reconnect(self) -> None:
        delay = self._retry_delay
        for _attempt in range(self._max_attempts):
            if self._closing or self._token is None:
                return
            try:
                client = await Client.connect(self.url, pinned=self.fingerprint, open_timeout=5)
            except CertificateChanged as exc:
                self._set_state(LinkState.CERTIFICATE_CHANGED)
                self.certificate_changed.emit(exc.expected, exc.actual)
                return
            except (TimeoutError, OSError) as exc:
                log.info("reconnect failed: %s", exc)
                await asyncio.sleep(delay)  # back off between attempts
                delay = min(delay * 2, self._max_retry_delay)
                continue
            try:
                result = await client.resume(self._token)
            except ServerError as exc:
                await client.close()
                if exc.code == ErrorCode.UNAUTHENTICATED:
                    self._token = None
                    self._set_state(LinkState.SIGNED_OUT)
                    return
                raise
            except Disconnected:
                continue
            if self._closing:
                await client.close()
                return
            self._client = client
            self._signed_in(result)
            self.reconnected.emit()
            return
        self._set_state(LinkState.OFFLINE)

    async def _drop_client(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            await client.close()

    async def close(self) -> None:
        """Leave for good: no reconnection after this."""
        self._closing = True
        await self._drop_client()
        for task in list(self._tasks):
            task.cancel()
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)
        self._set_state(LinkState.OFFLINE)
