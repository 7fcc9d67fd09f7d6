"""Page thumbnails, rendered only when the list asks for them (a 300-page file stays quick)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtPdf import QPdfDocument

AnyIndex = QModelIndex | QPersistentModelIndex
PageRole = Qt.ItemDataRole.UserRole + 1
THUMB_WIDTH = 120


class ThumbnailModel(QAbstractListModel):
    def __init__(self, document: QPdfDocument, parent: Any = None) -> None:
        super().__init__(parent)
        self.document = document
        self._cache: dict[int, QPixmap] = {}
        self._pages = 0
        # Only the count from the signal: the document may be mid-destruction when it emits.
        document.pageCountChanged.connect(self._reset)

    def _reset(self, pages: int) -> None:
        self.beginResetModel()
        self._cache.clear()
        self._pages = pages
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._pages

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._pages:
            return None
        page = index.row()
        if role == Qt.ItemDataRole.DisplayRole:
            return str(page + 1)
        if role == PageRole:
            return page
        if role == Qt.ItemDataRole.DecorationRole:
            return self.thumbnail(page)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignHCenter)
        return None

    def thumbnail(self, page: int) -> QPixmap:
        if page not in self._cache:
            points = self.document.pagePointSize(page)
            ratio = points.height() / points.width() if points.width() > 0 else 1.414
            image: QImage = self.document.render(page, QSize(THUMB_WIDTH, int(THUMB_WIDTH * ratio)))
            self._cache[page] = QPixmap.fromImage(image)
        return self._cache[page]
