"""Background sync: the documents of upcoming meetings, into the encrypted cache."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QObject, Signal

from ecabinet.data.meeting_store import MeetingStore
from ecabinet.net.client import Disconnected, ServerError
from ecabinet.net.connection import Connection
from ecabinet.offline.fetch import fetch_document
from ecabinet.offline.vault import Vault, VaultError
from meetings import protocol as p

log = logging.getLogger(__name__)


class DocumentSync(QObject):
    progress = Signal(int, int)  # bytes done, bytes wanted
    document_synced = Signal(str)
    finished = Signal(int)  # documents fetched in this run
    limit_reached = Signal(int)  # documents left out: the cache would outgrow its limit

    def __init__(
        self,
        connection: Connection,
        store: MeetingStore,
        vault: Vault,
        parent: QObject | None = None,
        limit_bytes: Callable[[], int] | None = None,
    ) -> None:
        super().__init__(parent)
        self.limit_bytes = limit_bytes  # read at each run: the settings may change it
        self.connection = connection
        self.store = store
        self.vault = vault
        self._task: asyncio.Task[int] | None = None

    def upcoming(self, now: datetime | None = None) -> list[str]:
        since = (now or datetime.now(UTC)) - timedelta(days=1)
        return [m.id for m in self.store.sorted_summaries() if m.ends_at >= since]

    def start(self) -> asyncio.Task[int]:
        """Start a run unless one is going; returns it so callers may await it."""
        if self._task is None or self._task.done():
            self._task = asyncio.ensure_future(self.run())
        return self._task

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)

    def _within_limit(self, wanted: list[p.DocumentView]) -> list[p.DocumentView]:
        """The documents that fit under the cache limit, soonest meetings first."""
        if self.limit_bytes is None:
            return wanted
        room = self.limit_bytes() - self.vault.size_bytes()
        kept = []
        for document in wanted:
            if document.size > room:
                break  # later meetings wait until space is freed or the limit raised
            kept.append(document)
            room -= document.size
        if len(kept) < len(wanted):
            log.info("cache limit: %d documents not synced", len(wanted) - len(kept))
            self.limit_reached.emit(len(wanted) - len(kept))
        return kept

    async def run(self) -> int:
        wanted: list[p.DocumentView] = []
        try:
            for meeting_id in self.upcoming():
                detail = await self.store.detail(self.connection, meeting_id)
                wanted += [d for d in detail.documents if not self.vault.has_document(d.id)]
            wanted = self._within_limit(wanted)
            total = sum(d.size for d in wanted)
            done = 0
            self.progress.emit(0, total)
            for document in wanted:
                base = done

                def progress(got: int, _size: int, base: int = base) -> None:
                    self.progress.emit(base + got, total)

                await fetch_document(self.connection.client, self.vault, document, progress)
                done += document.size
                self.document_synced.emit(document.id)
        except (TimeoutError, Disconnected, ServerError, VaultError) as exc:
            log.info("sync stopped: %s", exc)  # the next run resumes where this one stopped
        fetched = sum(1 for d in wanted if self.vault.has_document(d.id))
        self.finished.emit(fetched)
        return fetched
