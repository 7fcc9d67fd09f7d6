"""The meetings as a table: when, title, status, place, organising unit."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from ecabinet.calendar.status_names import COLOURS, status_name
from ecabinet.core.meeting_time import meeting_time
from ecabinet.data.meeting_store import MeetingStore
from meetings import protocol as p

AnyIndex = QModelIndex | QPersistentModelIndex
MeetingIdRole = Qt.ItemDataRole.UserRole + 1
StartsAtRole = Qt.ItemDataRole.UserRole + 2
StatusRole = Qt.ItemDataRole.UserRole + 3

COLUMNS = (
    QT_TRANSLATE_NOOP("MeetingListModel", "When"),
    QT_TRANSLATE_NOOP("MeetingListModel", "Title"),
    QT_TRANSLATE_NOOP("MeetingListModel", "Status"),
    QT_TRANSLATE_NOOP("MeetingListModel", "Place"),
    QT_TRANSLATE_NOOP("MeetingListModel", "Unit"),
)


def local_time(moment: datetime) -> datetime:
    """A meeting's time on the meeting's clock (+07:00), never the laptop's zone."""
    return meeting_time(moment)


def place_text(meeting: p.MeetingSummary) -> str:
    parts = [meeting.hall] if meeting.hall else []
    if meeting.video:
        parts.append(QCoreApplication.translate("MeetingListModel", "video"))
    return " + ".join(parts)


class MeetingListModel(QAbstractTableModel):
    def __init__(self, store: MeetingStore) -> None:
        super().__init__(store)
        self.store = store
        self._rows: list[p.MeetingSummary] = store.sorted_summaries()
        store.reset.connect(self._reload)
        store.changed.connect(self._reload)
        store.removed.connect(self._reload)

    def _reload(self, *_: object) -> None:
        self.beginResetModel()
        self._rows = self.store.sorted_summaries()
        self.endResetModel()

    def meeting_at(self, row: int) -> p.MeetingSummary:
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return QCoreApplication.translate("MeetingListModel", str(COLUMNS[section]))
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        meeting = self._rows[index.row()]
        if role == MeetingIdRole:
            return meeting.id
        if role == StartsAtRole:
            return meeting.starts_at.isoformat()
        if role == StatusRole:
            return meeting.status.value
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 2:
            return QColor(COLOURS[meeting.status])
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(meeting, index.column())
        return None

    def _text(self, meeting: p.MeetingSummary, column: int) -> str:
        if column == 0:
            start, end = local_time(meeting.starts_at), local_time(meeting.ends_at)
            return f"{start:%d/%m/%Y %H:%M}–{end:%H:%M}"
        if column == 1:
            return meeting.title
        if column == 2:
            return status_name(meeting.status)
        if column == 3:
            return place_text(meeting)
        return self.store.directory.unit_name(meeting.organiser_unit_id)
