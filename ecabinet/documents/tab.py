"""An open document: the viewer with the notes and comments panel beside it."""

from __future__ import annotations

from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from ecabinet.documents.viewer import PdfViewer
from ecabinet.notes.panel import NotesPanel
from ecabinet.notes.service import Annotations
from meetings import protocol as p


class DocumentTab(QWidget):
    def __init__(
        self, document: p.DocumentView, annotations: Annotations, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.viewer = PdfViewer()
        self.panel = NotesPanel(document, self.viewer, annotations)
        split = QSplitter()
        split.addWidget(self.viewer)
        split.addWidget(self.panel)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        self.bars = QVBoxLayout(self)
        self.bars.setContentsMargins(0, 0, 0, 0)
        self.bars.addWidget(split, 1)

    def add_bar(self, bar: QWidget) -> None:
        """A strip above the viewer (the live meeting's "Follow presenter", for one)."""
        self.bars.insertWidget(self.bars.count() - 1, bar)
