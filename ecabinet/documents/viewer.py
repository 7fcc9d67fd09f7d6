"""The built-in PDF viewer: thumbnails, zoom, fit width, search with highlighted hits,
go to page, keyboard navigation."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtPdf import QPdfDocument, QPdfSearchModel
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ecabinet.documents.markers import MarkedPdfView
from ecabinet.documents.thumbnails import THUMB_WIDTH, PageRole, ThumbnailModel

ZOOM_STEP = 1.25
ZOOM_RANGE = (0.25, 8.0)


class PdfViewer(QWidget):
    loaded = Signal(int)  # page count
    page_changed = Signal(int)  # 1-based
    search_finished = Signal(int)  # hits

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdfViewer")
        self.document = QPdfDocument(self)
        self.search = QPdfSearchModel(self)
        self.search.setDocument(self.document)
        self._buffer: QBuffer | None = None
        self._bytes = QByteArray()

        self.view = MarkedPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setSearchModel(self.search)
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.navigator = self.view.pageNavigator()

        self.thumbnails = ThumbnailModel(self.document, self)
        self.thumb_list = QListView()
        self.thumb_list.setModel(self.thumbnails)
        self.thumb_list.setViewMode(QListView.ViewMode.IconMode)
        self.thumb_list.setFlow(QListView.Flow.TopToBottom)
        self.thumb_list.setWrapping(False)
        self.thumb_list.setUniformItemSizes(True)
        self.thumb_list.setFixedWidth(THUMB_WIDTH + 40)
        self.thumb_list.clicked.connect(lambda i: self.go_to_page(i.data(PageRole) + 1))

        self.page_box = QSpinBox()
        self.page_box.setMinimum(1)
        self.page_box.setKeyboardTracking(False)
        self.page_box.valueChanged.connect(self.go_to_page)
        self.page_total = QLabel()
        self.zoom_out_button, self.zoom_in_button = QPushButton("−"), QPushButton("+")
        self.fit_width_button, self.fit_page_button = QPushButton(), QPushButton()
        self.search_box = QLineEdit()
        self.search_box.setClearButtonEnabled(True)
        self.previous_hit_button, self.next_hit_button = QPushButton("↑"), QPushButton("↓")
        self.hits_label = QLabel()
        self.page_label = QLabel()

        bar = QHBoxLayout()
        widget: QWidget
        for widget in (
            self.page_label,
            self.page_box,
            self.page_total,
            self.zoom_out_button,
            self.zoom_in_button,
            self.fit_width_button,
            self.fit_page_button,
        ):
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (
            self.search_box,
            self.previous_hit_button,
            self.next_hit_button,
            self.hits_label,
        ):
            bar.addWidget(widget)
        self.split = QSplitter()
        self.split.addWidget(self.thumb_list)
        self.split.addWidget(self.view)
        self.split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.split, 1)

        self.zoom_in_button.clicked.connect(lambda: self.zoom_by(ZOOM_STEP))
        self.zoom_out_button.clicked.connect(lambda: self.zoom_by(1 / ZOOM_STEP))
        self.fit_width_button.clicked.connect(self.fit_width)
        self.fit_page_button.clicked.connect(
            lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        )
        self.search_box.returnPressed.connect(self.next_hit)
        self.search_box.textChanged.connect(self.search_for)
        self.previous_hit_button.clicked.connect(self.previous_hit)
        self.next_hit_button.clicked.connect(self.next_hit)
        self.search.countChanged.connect(self._hits_changed)
        # Qt 6.12 searches in the background and says when it is done; 6.11 has no status.
        status_changed = getattr(self.search, "statusChanged", None)
        if status_changed is not None:
            status_changed.connect(self._hits_changed)
        self.navigator.currentPageChanged.connect(self._page_changed)
        self.document.statusChanged.connect(self._status_changed)
        self._shortcuts()
        self.retranslate()

    def _shortcuts(self) -> None:
        keys = {
            QKeySequence(QKeySequence.StandardKey.Find): self.search_box.setFocus,
            QKeySequence(QKeySequence.StandardKey.FindNext): self.next_hit,
            QKeySequence(QKeySequence.StandardKey.FindPrevious): self.previous_hit,
            QKeySequence(QKeySequence.StandardKey.ZoomIn): lambda: self.zoom_by(ZOOM_STEP),
            QKeySequence(QKeySequence.StandardKey.ZoomOut): lambda: self.zoom_by(1 / ZOOM_STEP),
            QKeySequence("Ctrl+G"): self.page_box.setFocus,
            QKeySequence("Ctrl+0"): self.fit_width,
        }
        for key, action in keys.items():
            shortcut = QShortcut(key, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(action)
        # Page keys move by whole pages, where the scroll area would move by a screenful.
        self.view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            pages = {
                Qt.Key.Key_PageDown: self.current_page + 1,
                Qt.Key.Key_PageUp: self.current_page - 1,
                Qt.Key.Key_Home: 1,
                Qt.Key.Key_End: self.page_count,
            }
            if event.modifiers() == Qt.KeyboardModifier.NoModifier and event.key() in pages:
                self.go_to_page(pages[Qt.Key(event.key())])
                return True
        return super().eventFilter(watched, event)

    def retranslate(self) -> None:
        self.page_label.setText(self.tr("Page"))
        self.fit_width_button.setText(self.tr("Fit width"))
        self.fit_page_button.setText(self.tr("Whole page"))
        self.search_box.setPlaceholderText(self.tr("Search in the document (Ctrl+F)"))
        self.zoom_in_button.setToolTip(self.tr("Zoom in"))
        self.zoom_out_button.setToolTip(self.tr("Zoom out"))
        self._update_labels()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- loading --------------------------------------------------------------------------

    def set_markers(self, notes: list[dict[str, Any]]) -> None:
        """Draw these notes on their pages (pins, or highlights when they have an area)."""
        self.view.set_markers(notes)

    def load_bytes(self, data: bytes) -> None:
        """Open a document held in memory (decrypted from the cache; never written out)."""
        self._bytes = QByteArray(data)
        buffer = QBuffer(self._bytes, self)
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._buffer = buffer
        self.document.load(buffer)
        self._status_changed(self.document.status())

    def load_file(self, path: str) -> None:
        self.document.load(path)
        self._status_changed(self.document.status())

    def _status_changed(self, status: QPdfDocument.Status) -> None:
        if status == QPdfDocument.Status.Ready:
            self.page_box.setMaximum(max(1, self.page_count))
            self._update_labels()
            self.loaded.emit(self.page_count)

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    @property
    def current_page(self) -> int:
        return self.navigator.currentPage() + 1

    # -- navigation and zoom --------------------------------------------------------------

    def go_to_page(self, page: int, location: QPointF | None = None) -> None:
        if self.page_count == 0:
            return
        page = max(1, min(page, self.page_count))
        self.navigator.jump(page - 1, location or QPointF(0, 0), self.navigator.currentZoom())

    def _page_changed(self, index: int) -> None:
        page = index + 1
        if self.page_box.value() != page:
            self.page_box.blockSignals(True)
            self.page_box.setValue(page)
            self.page_box.blockSignals(False)
        self.thumb_list.setCurrentIndex(self.thumbnails.index(index))
        self.page_changed.emit(page)

    def zoom_by(self, factor: float) -> None:
        current = self.view.zoomFactor()
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(min(max(current * factor, ZOOM_RANGE[0]), ZOOM_RANGE[1]))

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    # -- search ---------------------------------------------------------------------------

    def search_for(self, text: str) -> None:
        self.view.setCurrentSearchResultIndex(-1)
        self.search.setSearchString(text.strip())
        self._update_labels()

    @property
    def hit_count(self) -> int:
        return self.search.count() if self.search.searchString() else 0

    def _hits_changed(self, *_: object) -> None:
        status = getattr(self.search, "status", None)
        if status is not None and status() == QPdfDocument.Status.Loading:
            return
        self._update_labels()
        if self.hit_count and self.view.currentSearchResultIndex() < 0:
            self.show_hit(0)
        self.search_finished.emit(self.hit_count)

    def show_hit(self, index: int) -> None:
        if not self.hit_count:
            return
        index %= self.hit_count
        self.view.setCurrentSearchResultIndex(index)
        link = self.search.resultAtIndex(index)
        self.navigator.jump(link.page(), link.location(), self.navigator.currentZoom())
        self._update_labels()

    def next_hit(self) -> None:
        self.show_hit(self.view.currentSearchResultIndex() + 1)

    def previous_hit(self) -> None:
        self.show_hit(self.view.currentSearchResultIndex() - 1)

    def hit_pages(self) -> list[int]:
        return [self.search.resultAtIndex(i).page() + 1 for i in range(self.hit_count)]

    def _update_labels(self) -> None:
        self.page_total.setText(self.tr("of {0}").format(self.page_count))
        if self.search.searchString():
            current = self.view.currentSearchResultIndex()
            self.hits_label.setText(
                self.tr("{0} / {1} hits").format(current + 1 if current >= 0 else 0, self.hit_count)
            )
        else:
            self.hits_label.clear()
