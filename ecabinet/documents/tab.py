"""An open document: the viewer with the notes and comments panel beside it."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QSplitter, QWidget

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
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
