"""The "waiting for my signature" list as a Qt model: one checkable row per request."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from ecabinet.signing.status_names import status_name
from meetings import protocol_signing as ps

RequestIdRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class WaitingModel(QAbstractTableModel):
    TITLE, FIELD, STEP, STATUS = range(4)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ps.SigningRequestView] = []
        self.field_of: dict[str, ps.SignerView] = {}
        self.checked: set[str] = set()

    def set_rows(self, rows: list[ps.SigningRequestView], me: str | None) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.field_of = {
            r.id: s for r in rows for s in r.signers if s.person_id == me and s.signed_at is None
        }
        self.checked &= {r.id for r in rows}
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Document"), self.tr("My field"), self.tr("Turn"), self.tr("Status"))[
            section
        ]

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == self.TITLE:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == RequestIdRole:
            return row.id
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == self.TITLE:
            return Qt.CheckState.Checked if row.id in self.checked else Qt.CheckState.Unchecked
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == self.TITLE:
            return row.title
        if column == self.FIELD:
            field = self.field_of.get(row.id)
            return self.tr("page {0}").format(field.box.page) if field else ""
        if column == self.STEP:
            return f"{row.step + 1}/{len(row.signers)}"
        return status_name(row.status)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != self.TITLE:
            return False
        request_id = self.rows[index.row()].id
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.checked.add(request_id)
        else:
            self.checked.discard(request_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def checked_rows(self) -> list[ps.SigningRequestView]:
        return [r for r in self.rows if r.id in self.checked]
