"""The side panel of an open document: my private notes, and comments on drafts."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPointF
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from ecabinet.documents.viewer import PdfViewer
from ecabinet.notes.model import AnnotationListModel, IdRole, PageRole
from ecabinet.notes.service import Annotations
from meetings import protocol as p


class NotesPanel(QWidget):
    def __init__(self, document: p.DocumentView, viewer: PdfViewer, annotations: Annotations,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.viewer = viewer
        self.annotations = annotations
        self.notes = AnnotationListModel(self)
        self.comments = AnnotationListModel(self)
        self.notes_label, self.comments_label = QLabel(), QLabel()
        self.notes_view = QListView()
        self.notes_view.setModel(self.notes)
        self.notes_view.setWordWrap(True)
        self.notes_view.activated.connect(self._go_to_note)
        self.notes_view.clicked.connect(self._go_to_note)
        self.note_text = QPlainTextEdit()
        self.note_text.setMaximumHeight(90)
        self.pin_button = QPushButton()
        self.comments_view = QListView()
        self.comments_view.setModel(self.comments)
        self.comments_view.setWordWrap(True)
        self.comment_text = QPlainTextEdit()
        self.comment_text.setMaximumHeight(90)
        self.comment_button = QPushButton()
        layout = QVBoxLayout(self)
        for widget in (self.notes_label, self.notes_view, self.note_text, self.pin_button):
            layout.addWidget(widget)
        self.comment_widgets = (self.comments_label, self.comments_view, self.comment_text,
                                self.comment_button)
        for widget in self.comment_widgets:
            layout.addWidget(widget)
            widget.setVisible(document.is_draft)
        self.pin_button.clicked.connect(self._pin_note)
        self.comment_button.clicked.connect(self._send_comment)
        annotations.notes_changed.connect(self._refresh)
        annotations.comments_changed.connect(self._refresh)
        self.retranslate()
        self._refresh(document.id)

    def retranslate(self) -> None:
        self.notes_label.setText(self.tr("My private notes"))
        self.note_text.setPlaceholderText(self.tr("Write a note; only you will see it"))
        self.pin_button.setText(self.tr("Pin note on this page"))
        self.comments_label.setText(self.tr("Comments on the draft"))
        self.comment_text.setPlaceholderText(self.tr("Your comment for the secretary"))
        self.comment_button.setText(self.tr("Send comment"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _refresh(self, document_id: str) -> None:
        if document_id == self.document.id:
            self.notes.set_rows(self.annotations.notes_for(document_id))
            self.comments.set_rows(self.annotations.comments_for(document_id))

    def _go_to_note(self, index: QModelIndex) -> None:
        note = self.annotations.notes.get(index.data(IdRole))
        if note is not None:
            rect = note["rect"]
            self.viewer.go_to_page(index.data(PageRole), QPointF(rect["x"], rect["y"]))

    @asyncSlot()
    async def _pin_note(self) -> None:
        text = self.note_text.toPlainText().strip()
        if not text:
            return
        where = self.viewer.navigator.currentLocation()
        await self.annotations.put_note(self.document.id, self.viewer.current_page,
                                        where.x(), where.y(), text)
        self.note_text.clear()

    @asyncSlot()
    async def _send_comment(self) -> None:
        text = self.comment_text.toPlainText().strip()
        if not text:
            return
        await self.annotations.add_comment(self.document.id, text, self.viewer.current_page)
        self.comment_text.clear()
