"""Qt models of the live state: the roll call, the floor queue and the agenda with the current
item. Each is filled from a `LiveStateView` and asks nothing of the server."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from meetings import protocol as p
from meetings import protocol_live as pl
from meetings.live.model import Presence

PersonIdRole = Qt.ItemDataRole.UserRole + 1
ItemIdRole = Qt.ItemDataRole.UserRole + 2

PRESENT = QColor("#1b7f3b")
ABSENT = QColor("#b3261e")
WAITING = QColor("#6b6b6b")
CURRENT = QColor("#fff3c4")

_Index = QModelIndex | Any  # QPersistentModelIndex too


class AttendanceModel(QAbstractTableModel):
    """Who is here: name, presence (in the hall, online through the video session, absent,
    not yet checked in) and the reason of an absence."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[pl.AttendeeView] = []

    def set_attendance(self, rows: list[pl.AttendeeView]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def presence_text(self, row: pl.AttendeeView) -> str:
        if row.presence is Presence.HALL:
            return self.tr("In the hall")
        if row.presence is Presence.ONLINE:
            return self.tr("Online (video)")
        if row.presence is Presence.ABSENT:
            return self.tr("Absent")
        return self.tr("Not checked in")

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [self.tr("Name"), self.tr("Attendance"), self.tr("Reason")][section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                if row.site:
                    return self.tr("{0} (ward hall)").format(row.full_name)
                return row.full_name
            if column == 1:
                return self.presence_text(row)
            return row.reason
        if role == Qt.ItemDataRole.ForegroundRole and column == 1:
            if row.presence is Presence.ABSENT:
                return QBrush(ABSENT)
            return QBrush(PRESENT if row.presence is not None else WAITING)
        if role == PersonIdRole:
            return row.person_id
        return None


class QueueModel(QAbstractListModel):
    """The current item's queue of those who asked to speak, in order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entries: list[pl.QueueEntryView] = []

    def set_queue(self, entries: list[pl.QueueEntryView]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{index.row() + 1}. {entry.full_name}"
        if role == PersonIdRole:
            return entry.person_id
        return None


class LiveAgendaModel(QAbstractListModel):
    """The agenda with the current item marked (bold, on a light yellow)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.items: list[p.AgendaItemView] = []
        self.current: str | None = None

    def set_items(self, items: list[p.AgendaItemView]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def set_current(self, item_id: str | None) -> None:
        self.current = item_id
        if self.items:
            self.dataChanged.emit(self.index(0), self.index(len(self.items) - 1))

    def current_row(self) -> int:
        return next((n for n, i in enumerate(self.items) if i.id == self.current), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        current = item.id == self.current
        if role == Qt.ItemDataRole.DisplayRole:
            marker = "▶ " if current else "    "
            return f"{marker}{index.row() + 1}. {item.title}"
        if role == Qt.ItemDataRole.FontRole and current:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and current:
            return QBrush(CURRENT)
        if role == ItemIdRole:
            return item.id
        return None
