"""A document's notes (or comments) as a list: page, text, and whether it still waits to be sent."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

AnyIndex = QModelIndex | QPersistentModelIndex
IdRole = Qt.ItemDataRole.UserRole + 1
PageRole = Qt.ItemDataRole.UserRole + 2
PendingRole = Qt.ItemDataRole.UserRole + 3


class AnnotationListModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == IdRole:
            return row["id"]
        if role == PageRole:
            return row.get("page")
        if role == PendingRole:
            return bool(row.get("pending"))
        if role == Qt.ItemDataRole.DisplayRole:
            parts = []
            if row.get("page"):
                parts.append(
                    QCoreApplication.translate("AnnotationListModel", "p. {0}").format(row["page"])
                )
            if row.get("author_name"):
                parts.append(row["author_name"])
            head = " · ".join(parts)
            text = f"{head}: {row['text']}" if head else row["text"]
            if row.get("pending"):
                text += " " + QCoreApplication.translate("AnnotationListModel", "(waiting to send)")
            return text
        return None
