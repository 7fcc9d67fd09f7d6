"""The meetings the person may see: summaries for the calendar, details for the agenda.

Filled from the server, kept current by pushed events, and saved to the offline cache when
one is attached, so the calendar and agendas open without the network.
"""

from __future__ import annotations

import logging
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal

from ecabinet.data.directory import Directory
from meetings import protocol as p

log = logging.getLogger(__name__)


class Caller(Protocol):
    async def call(self, kind: str, /, **fields: Any) -> Any: ...


class Snapshot(Protocol):
    """Where the store keeps its state between runs (the encrypted cache)."""

    def save_json(self, name: str, data: object) -> None: ...
    def load_json(self, name: str) -> Any: ...


class MeetingStore(QObject):
    changed = Signal(str)  # a meeting's id: created or changed
    removed = Signal(str)
    reset = Signal()  # everything reloaded

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.summaries: dict[str, p.MeetingSummary] = {}
        self.details: dict[str, p.MeetingDetail] = {}
        self.directory = Directory()
        self.snapshot: Snapshot | None = None

    def sorted_summaries(self) -> list[p.MeetingSummary]:
        return sorted(self.summaries.values(), key=lambda m: (m.starts_at, m.title))

    async def refresh(self, server: Caller) -> None:
        """Reload the directory and the list of meetings; drop details that changed."""
        units = await server.call("units.list")
        people = await server.call("people.list")
        self.directory = Directory.from_json({"units": units["units"], "people": people})
        found = [p.MeetingSummary.model_validate(m) for m in await server.call("meetings.list")]
        self.summaries = {m.id: m for m in found}
        self.details = {
            k: v
            for k, v in self.details.items()
            if k in self.summaries and self.summaries[k].version == v.version
        }
        self._save()
        self.reset.emit()

    async def detail(self, server: Caller | None, meeting_id: str) -> p.MeetingDetail:
        """The meeting in full: from the server when online, else the cached copy."""
        if server is not None:
            detail = p.MeetingDetail.model_validate(
                await server.call("meeting.get", meeting_id=meeting_id)
            )
            self.put(detail)
            return detail
        try:
            return self.details[meeting_id]
        except KeyError:
            raise LookupError(f"meeting {meeting_id} is not in the offline cache") from None

    def put(self, detail: p.MeetingDetail) -> None:
        """Take a meeting as the server sent it (a reply or a meeting.updated event)."""
        current = self.details.get(detail.id)
        if current is not None and current.version > detail.version:
            return  # an older copy arriving late
        self.details[detail.id] = detail
        fields = p.MeetingSummary.model_fields
        self.summaries[detail.id] = p.MeetingSummary.model_validate(
            {k: v for k, v in detail.model_dump().items() if k in fields}
        )
        self._save()
        self.changed.emit(detail.id)

    def drop(self, meeting_id: str) -> None:
        self.summaries.pop(meeting_id, None)
        self.details.pop(meeting_id, None)
        self._save()
        self.removed.emit(meeting_id)

    # -- the offline copy -----------------------------------------------------------------

    def _save(self) -> None:
        if self.snapshot is None:
            return
        self.snapshot.save_json(
            "meetings",
            {
                "directory": self.directory.to_json(),
                "summaries": [m.model_dump(mode="json") for m in self.summaries.values()],
                "details": [m.model_dump(mode="json") for m in self.details.values()],
            },
        )

    def load_snapshot(self) -> bool:
        """Fill the store from the offline cache; False when there is none."""
        if self.snapshot is None:
            return False
        data = self.snapshot.load_json("meetings")
        if not data:
            return False
        self.directory = Directory.from_json(data["directory"])
        self.summaries = {
            m.id: m for m in (p.MeetingSummary.model_validate(x) for x in data["summaries"])
        }
        self.details = {
            m.id: m for m in (p.MeetingDetail.model_validate(x) for x in data["details"])
        }
        self.reset.emit()
        return True
