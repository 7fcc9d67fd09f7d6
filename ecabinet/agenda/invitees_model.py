"""Who is invited: the units, then the people invited by name."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from ecabinet.data.directory import Directory
from meetings import protocol as p

AnyIndex = QModelIndex | QPersistentModelIndex
KindRole = Qt.ItemDataRole.UserRole + 1  # "unit" or "person"
IdRole = Qt.ItemDataRole.UserRole + 2


class InviteesModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, str, str]] = []  # kind, id, name

    def set_meeting(self, meeting: p.MeetingDetail | None, directory: Directory) -> None:
        self.beginResetModel()
        self.rows = []
        if meeting is not None:
            self.rows += [("unit", u, directory.unit_name(u)) for u in meeting.invited_unit_ids]
            self.rows += [
                ("person", x, directory.person_name(x)) for x in meeting.invited_person_ids
            ]
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        kind, ident, name = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return name
        if role == Qt.ItemDataRole.FontRole and kind == "unit":
            font = QFont()
            font.setBold(True)
            return font
        if role == KindRole:
            return kind
        if role == IdRole:
            return ident
        return None
