"""The side panel of an open document: my private notes, and comments on drafts."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPointF
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from ecabinet.documents.viewer import PdfViewer
from ecabinet.net.client import Disconnected, ServerError
from ecabinet.notes.model import AnnotationListModel, IdRole, PageRole
from ecabinet.notes.service import Annotations
from meetings import protocol as p


class NotesPanel(QWidget):
    def __init__(
        self,
        document: p.DocumentView,
        viewer: PdfViewer,
        annotations: Annotations,
        parent: QWidget | None = None,
    ) -> None:
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
        self.conflict_box = self._build_conflict_box()
        layout = QVBoxLayout(self)
        layout.addWidget(self.conflict_box)
        for widget in (self.notes_label, self.notes_view, self.note_text, self.pin_button):
            layout.addWidget(widget)
        self.comment_widgets = (
            self.comments_label,
            self.comments_view,
            self.comment_text,
            self.comment_button,
        )
        for widget in self.comment_widgets:
            layout.addWidget(widget)
            widget.setVisible(document.is_draft)
        self.pin_button.clicked.connect(self._pin_note)
        self.comment_button.clicked.connect(self._send_comment)
        annotations.notes_changed.connect(self._refresh)
        annotations.comments_changed.connect(self._refresh)
        annotations.conflicts_changed.connect(self._refresh)
        self.retranslate()
        self._refresh(document.id)

    def _build_conflict_box(self) -> QFrame:
        box = QFrame()
        box.setObjectName("conflictBox")
        self.conflict_title, self.conflict_mine, self.conflict_theirs = QLabel(), QLabel(), QLabel()
        for label in (self.conflict_title, self.conflict_mine, self.conflict_theirs):
            label.setWordWrap(True)
        self.keep_mine_button, self.keep_theirs_button, self.keep_both_button = (
            QPushButton(),
            QPushButton(),
            QPushButton(),
        )
        self.conflict_message = QLabel()
        self.conflict_message.setObjectName("pageMessage")
        self.conflict_message.hide()
        buttons = QHBoxLayout()
        for button, keep in (
            (self.keep_mine_button, "mine"),
            (self.keep_theirs_button, "theirs"),
            (self.keep_both_button, "both"),
        ):
            buttons.addWidget(button)
            button.clicked.connect(lambda _=False, k=keep: self.resolve(k))
        layout = QVBoxLayout(box)
        for widget in (self.conflict_title, self.conflict_mine, self.conflict_theirs):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        layout.addWidget(self.conflict_message)
        box.hide()
        return box

    def retranslate(self) -> None:
        self.conflict_title.setText(
            self.tr(
                "A note was changed on another device while you were offline. Both versions are "
                "kept; which one do you want?"
            )
        )
        self.keep_mine_button.setText(self.tr("Keep &mine"))
        self.keep_theirs_button.setText(self.tr("Keep the &other"))
        self.keep_both_button.setText(self.tr("Keep &both"))
        self._show_conflict()
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
            self._show_conflict()
            self.viewer.set_markers(self.annotations.notes_for(document_id))

    def _show_conflict(self) -> None:
        found = self.annotations.conflicts_for(self.document.id)
        self.conflict_box.setVisible(bool(found))
        if not found:
            return
        first = found[0]
        self.conflict_mine.setText(
            self.tr("Mine (p. {0}): {1}").format(first["page"], first["mine"])
        )
        self.conflict_theirs.setText(
            self.tr("The other: {0}").format(first["theirs"])
            if first["theirs"] is not None
            else self.tr("The other device deleted this note.")
        )

    @asyncSlot(str)
    async def resolve(self, keep: str) -> None:
        found = self.annotations.conflicts_for(self.document.id)
        if not found:
            return
        self.conflict_message.hide()
        try:
            await self.annotations.resolve(found[0]["id"], keep)
        except (Disconnected, ServerError) as exc:
            self.conflict_message.setText(
                self.tr("Not connected: choose again when the connection is back ({0}).").format(
                    exc
                )
            )
            self.conflict_message.show()

    def _go_to_note(self, index: QModelIndex) -> None:
        note = self.annotations.notes.get(index.data(IdRole))
        if note is not None:
            page = int(index.data(PageRole))
            size = self.viewer.document.pagePointSize(page - 1)
            rect = note["rect"]  # fractions of the page, from the top left
            self.viewer.go_to_page(
                page, QPointF(rect["x"] * size.width(), rect["y"] * size.height())
            )

    @asyncSlot()
    async def _pin_note(self) -> None:
        text = self.note_text.toPlainText().strip()
        if not text:
            return
        page = self.viewer.current_page
        where = self.viewer.navigator.currentLocation()  # in points
        size = self.viewer.document.pagePointSize(page - 1)
        # The server keeps places as fractions of the page, whatever its size.
        x = min(max(where.x() / size.width(), 0.0), 1.0) if size.width() > 0 else 0.0
        y = min(max(where.y() / size.height(), 0.0), 1.0) if size.height() > 0 else 0.0
        await self.annotations.put_note(self.document.id, page, x, y, text)
        self.note_text.clear()

    @asyncSlot()
    async def _send_comment(self) -> None:
        text = self.comment_text.toPlainText().strip()
        if not text:
            return
        await self.annotations.add_comment(self.document.id, text, self.viewer.current_page)
        self.comment_text.clear()
