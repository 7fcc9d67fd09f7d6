"""Preparing a meeting: each action is one request; the server's answer updates the store."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication

from ecabinet.data.meeting_store import MeetingStore
from ecabinet.net.client import Disconnected, ServerError
from ecabinet.net.connection import Connection
from meetings import protocol as p

log = logging.getLogger(__name__)
UPLOAD_ATTEMPTS = 20  # reconnections an upload waits through before giving up
RECONNECT_WAIT = 60.0  # seconds to wait for the link to come back each time


class SecretaryView(Protocol):
    def show_error(self, text: str) -> None: ...
    def show_progress(self, done: int, total: int) -> None: ...


class SecretaryController:
    def __init__(
        self,
        view: SecretaryView,
        connection: Connection,
        store: MeetingStore,
        language: Callable[[], str] = lambda: "vi",
    ) -> None:
        self.view = view
        self.connection = connection
        self.store = store
        self.language = language

    async def _change(self, kind: str, **fields: Any) -> p.MeetingDetail | None:
        try:
            data = await self.connection.call(kind, **fields)
        except ServerError as exc:
            self.view.show_error(exc.message_vi if self.language() == "vi" else exc.message)
            return None
        except Disconnected:
            self.view.show_error(
                QCoreApplication.translate(
                    "SecretaryController", "Not connected: this change needs the server."
                )
            )
            return None
        detail = p.MeetingDetail.model_validate(data)
        self.store.put(detail)
        return detail

    async def create_meeting(self, **fields: Any) -> p.MeetingDetail | None:
        return await self._change("meeting.create", **fields)

    async def update_meeting(self, meeting_id: str, **fields: Any) -> p.MeetingDetail | None:
        return await self._change("meeting.update", meeting_id=meeting_id, **fields)

    async def add_item(
        self, meeting_id: str, title: str, minutes: int, presenter: str = ""
    ) -> p.MeetingDetail | None:
        return await self._change(
            "agenda.add",
            meeting_id=meeting_id,
            title=title,
            planned_minutes=minutes,
            presenter_name=presenter,
        )

    async def update_item(
        self, meeting_id: str, item_id: str, changes: dict[str, Any]
    ) -> p.MeetingDetail | None:
        return await self._change(
            "agenda.update", meeting_id=meeting_id, item_id=item_id, **changes
        )

    async def remove_item(self, meeting_id: str, item_id: str) -> p.MeetingDetail | None:
        return await self._change("agenda.remove", meeting_id=meeting_id, item_id=item_id)

    async def reorder(self, meeting_id: str, item_ids: list[str]) -> p.MeetingDetail | None:
        return await self._change("agenda.reorder", meeting_id=meeting_id, item_ids=item_ids)

    async def publish(self, meeting_id: str) -> p.MeetingDetail | None:
        return await self._change("meeting.transition", meeting_id=meeting_id, to="published")

    async def start(self, meeting_id: str) -> p.MeetingDetail | None:
        """The meeting is in session: roll call, the floor and votes open."""
        return await self._change("meeting.transition", meeting_id=meeting_id, to="in_progress")

    async def end(self, meeting_id: str) -> p.MeetingDetail | None:
        return await self._change("meeting.transition", meeting_id=meeting_id, to="ended")

    async def attach(
        self,
        meeting_id: str,
        item_id: str | None,
        path: Path,
        replaces: str | None = None,
        is_draft: bool = False,
    ) -> p.DocumentView | None:
        """Upload a PDF to the meeting (and item); waits through dropped connections."""
        if path.suffix.lower() != ".pdf":
            self.view.show_error(
                QCoreApplication.translate("SecretaryController", "Only PDF files can be attached.")
            )
            return None
        options: dict[str, Any] = {"is_draft": is_draft}
        if item_id:
            options["item_id"] = item_id
        if replaces:
            options["replaces"] = replaces
        for _attempt in range(UPLOAD_ATTEMPTS):
            try:
                document = await self.connection.client.upload(
                    meeting_id,
                    path,
                    title=path.stem.replace("_", " "),
                    progress=self.view.show_progress,
                    **options,
                )
                break
            except Disconnected:
                log.info("upload of %s interrupted; resuming after reconnection", path.name)
                try:
                    await self._wait_online()
                except TimeoutError:
                    continue
            except ServerError as exc:
                self.view.show_error(exc.message_vi if self.language() == "vi" else exc.message)
                return None
        else:
            self.view.show_error(
                QCoreApplication.translate(
                    "SecretaryController", "The upload could not be finished; try again later."
                )
            )
            return None
        await self._change("meeting.get", meeting_id=meeting_id)
        return document

    async def _wait_online(self) -> None:
        if self.connection.online:
            return
        reconnected = asyncio.get_running_loop().create_future()

        def done() -> None:
            if not reconnected.done():
                reconnected.set_result(None)

        self.connection.reconnected.connect(done)
        try:
            await asyncio.wait_for(reconnected, RECONNECT_WAIT)
        finally:
            self.connection.reconnected.disconnect(done)
