"""The documents of a meeting, or of one agenda item: title, pages, draft, offline."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from meetings import protocol as p

AnyIndex = QModelIndex | QPersistentModelIndex
DocumentIdRole = Qt.ItemDataRole.UserRole + 1
OfflineRole = Qt.ItemDataRole.UserRole + 2


class DocumentsModel(QAbstractListModel):
    def __init__(
        self, is_offline: Callable[[str], bool] = lambda _id: False, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.documents: list[p.DocumentView] = []
        self.is_offline = is_offline

    def set_documents(self, documents: list[p.DocumentView]) -> None:
        self.beginResetModel()
        self.documents = list(documents)
        self.endResetModel()

    def refresh_marks(self) -> None:
        if self.documents:
            self.dataChanged.emit(self.index(0), self.index(len(self.documents) - 1))

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.documents)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.documents):
            return None
        document = self.documents[index.row()]
        if role == DocumentIdRole:
            return document.id
        if role == OfflineRole:
            return self.is_offline(document.id)
        if role == Qt.ItemDataRole.DisplayRole:
            marks = [QCoreApplication.translate("DocumentsModel", "%n page(s)", "", document.pages)]
            if document.is_draft:
                marks.append(QCoreApplication.translate("DocumentsModel", "draft for comments"))
            if self.is_offline(document.id):
                marks.append(QCoreApplication.translate("DocumentsModel", "available offline"))
            return f"{document.title} ({', '.join(marks)})"
        if role == Qt.ItemDataRole.ToolTipRole:
            return document.filename
        return None
