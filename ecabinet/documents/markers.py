"""Private notes drawn on the page itself: a yellow pin (or a highlight when the note has an
area) at the place it was pinned, over QPdfView's own drawing.

QPdfView does not publish where it lays each page out, so `page_rects` follows its layout
(qpdfview.cpp, calculateDocumentLayout): pages stacked with `pageSpacing`, inside
`documentMargins`, each centred, sized by the zoom mode at the screen's logical DPI.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, QRect, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPaintEvent, QPen
from PySide6.QtPdfWidgets import QPdfView

PIN = 18  # px, the side of a pin marker
FILL = QColor(255, 214, 0, 110)
EDGE = QColor(191, 140, 0)


class MarkedPdfView(QPdfView):
    def __init__(self) -> None:
        super().__init__()
        self.markers: list[dict[str, Any]] = []  # note dicts: page (1-based), rect, text

    def set_markers(self, notes: list[dict[str, Any]]) -> None:
        self.markers = list(notes)
        self.viewport().update()

    def _page_size(self, page: int, resolution: float) -> QSizeF:
        document = self.document()
        assert document is not None
        size = document.pagePointSize(page) * resolution
        margins = self.documentMargins()
        mode = self.zoomMode()
        if mode == QPdfView.ZoomMode.FitToWidth and size.width() > 0:
            width = self.viewport().width() - margins.left() - margins.right()
            return size * (width / size.width())
        if mode == QPdfView.ZoomMode.FitInView and size.width() > 0 and size.height() > 0:
            width = self.viewport().width() - margins.left() - margins.right()
            height = self.viewport().height() - margins.top() - margins.bottom()
            return size * min(width / size.width(), height / size.height())
        return size * self.zoomFactor()

    def page_rects(self) -> dict[int, QRectF]:
        """Each page's place in viewport pixels (0-based pages), as QPdfView draws them."""
        document = self.document()
        if document is None or document.pageCount() == 0:
            return {}
        screen = QGuiApplication.primaryScreen()
        resolution = (screen.logicalDotsPerInch() if screen else 96.0) / 72.0
        multi = self.pageMode() == QPdfView.PageMode.MultiPage
        pages = range(document.pageCount()) if multi else [self.pageNavigator().currentPage()]
        sizes = {page: self._page_size(page, resolution).toSize() for page in pages}
        margins = self.documentMargins()
        total = max(s.width() for s in sizes.values()) + margins.left() + margins.right()
        dx, dy = self.horizontalScrollBar().value(), self.verticalScrollBar().value()
        y = margins.top()
        rects = {}
        for page, size in sizes.items():
            x = (max(total, self.viewport().width()) - size.width()) // 2
            rects[page] = QRectF(QRect(x - dx, y - dy, size.width(), size.height()))
            y += size.height() + self.pageSpacing()
        return rects

    def marker_rect(self, note: dict[str, Any], rects: dict[int, QRectF]) -> QRectF | None:
        page = int(note["page"]) - 1
        if page not in rects:
            return None
        place = rects[page]
        rect = note["rect"]  # fractions of the page's width and height, from the top left
        top_left = place.topLeft() + QPointF(rect["x"] * place.width(), rect["y"] * place.height())
        if rect.get("w") and rect.get("h"):
            return QRectF(top_left, QSizeF(rect["w"] * place.width(), rect["h"] * place.height()))
        return QRectF(top_left, QSizeF(PIN, PIN))

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.markers:
            return
        rects = self.page_rects()
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(EDGE, 1.5))
        painter.setBrush(FILL)
        for note in self.markers:
            box = self.marker_rect(note, rects)
            if box is not None and box.intersects(QRectF(self.viewport().rect())):
                painter.drawRoundedRect(box, 3, 3)
                if not (note["rect"].get("w") and note["rect"].get("h")):
                    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, "✎")
        painter.end()
