"""The agenda as a table with planned times and the running total.

Editing and drag-and-drop do not change the rows here: they ask (signals) and the server's
answer, arriving as a new meeting, redraws the table. The server stays the source of truth.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from ecabinet.calendar.model import local_time
from meetings import protocol as p

AnyIndex = QModelIndex | QPersistentModelIndex
ItemIdRole = Qt.ItemDataRole.UserRole + 1
MinutesRole = Qt.ItemDataRole.UserRole + 2
MIME = "application/x-ecabinet-agenda-row"
COLUMNS = (
    "#",
    QT_TRANSLATE_NOOP("AgendaModel", "Time"),
    QT_TRANSLATE_NOOP("AgendaModel", "Item"),
    QT_TRANSLATE_NOOP("AgendaModel", "Presenter"),
    QT_TRANSLATE_NOOP("AgendaModel", "Minutes"),
    QT_TRANSLATE_NOOP("AgendaModel", "Documents"),
)
EDITABLE = {2: "title", 3: "presenter_name", 4: "planned_minutes"}


class AgendaModel(QAbstractTableModel):
    edit_requested = Signal(str, dict)  # item id, changed fields
    reorder_requested = Signal(list)  # item ids in the new order

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.meeting: p.MeetingDetail | None = None
        self.editable = False

    def set_meeting(self, meeting: p.MeetingDetail | None) -> None:
        self.beginResetModel()
        self.meeting = meeting
        self.endResetModel()

    @property
    def items(self) -> list[p.AgendaItemView]:
        return list(self.meeting.agenda) if self.meeting else []

    @property
    def total_minutes(self) -> int:
        return sum(item.planned_minutes for item in self.items)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

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
            return QCoreApplication.translate("AgendaModel", str(COLUMNS[section]))
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled if self.editable else Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
            if index.column() in EDITABLE:
                flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        items = self.items
        if not index.isValid() or not 0 <= index.row() < len(items):
            return None
        item = items[index.row()]
        if role == ItemIdRole:
            return item.id
        if role == MinutesRole:
            return item.planned_minutes
        if role == Qt.ItemDataRole.EditRole and index.column() in EDITABLE:
            return getattr(item, EDITABLE[index.column()])
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (0, 4, 5):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(index.row(), index.column(), item)
        return None

    def _text(self, row: int, column: int, item: p.AgendaItemView) -> str:
        if column == 0:
            return str(row + 1)
        if column == 1:
            assert self.meeting is not None
            before = sum(i.planned_minutes for i in self.items[:row])
            start = local_time(self.meeting.starts_at) + timedelta(minutes=before)
            end = start + timedelta(minutes=item.planned_minutes)
            return f"{start:%H:%M}–{end:%H:%M}"
        if column == 2:
            return item.title
        if column == 3:
            return item.presenter_name
        if column == 4:
            return str(item.planned_minutes)
        return str(len(item.document_ids)) if item.document_ids else ""

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() not in EDITABLE:
            return False
        field = EDITABLE[index.column()]
        if field == "planned_minutes":
            try:
                value = int(value)
            except (TypeError, ValueError):
                return False
            if not 0 <= value <= 1440:
                return False
        elif not str(value).strip() and field == "title":
            return False
        item = self.items[index.row()]
        if getattr(item, field) != value:
            self.edit_requested.emit(item.id, {field: value})
        return False  # the server's answer redraws the row

    # -- drag and drop: rows move only when the server agrees --------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data.setData(MIME, QByteArray(",".join(map(str, rows)).encode()))
        return data

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        if action != Qt.DropAction.MoveAction or not data.hasFormat(MIME):
            return False
        rows = [int(r) for r in bytes(data.data(MIME).data()).decode().split(",") if r]
        target = row if row >= 0 else (parent.row() if parent.isValid() else self.rowCount())
        self.move_rows(rows, target)
        # False: the view must not delete the dragged rows; the new order comes from the server.
        return False

    def move_rows(self, rows: list[int], target: int) -> None:
        ids = [item.id for item in self.items]
        moving = [ids[r] for r in rows if 0 <= r < len(ids)]
        if not moving:
            return
        before = [i for i in ids[:target] if i not in moving]
        after = [i for i in ids[target:] if i not in moving]
        order = before + moving + after
        if order != ids:
            self.reorder_requested.emit(order)
