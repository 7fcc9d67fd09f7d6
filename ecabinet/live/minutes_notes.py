"""The secretary's notes for the minutes, per agenda item: the discussion in brief and the
chair's conclusion (`live.write_minutes`, `live.minutes_notes`, the `live.minutes_note`
event). The generated minutes print them under their item.

A note names the version it replaces. When someone else wrote the same item meanwhile, the
server refuses with the note as it is now; nothing typed is lost: the editor shows both
texts, one after the other, with the server's version, for the person to tidy and save.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from ecabinet.core.meeting_time import meeting_time
from ecabinet.live.state import LiveState, server_text
from ecabinet.net.client import Disconnected, ServerError
from ecabinet.net.connection import Connection
from meetings import protocol as p
from meetings import protocol_live as pl
from meetings.errors import ErrorCode
from meetings.live.minutes_notes import MAX_CONCLUSION, MAX_DISCUSSION

log = logging.getLogger(__name__)


def merged(mine: str, theirs: str) -> str:
    """Both texts, theirs first, when they differ (nothing typed is lost)."""
    mine, theirs = mine.strip(), theirs.strip()
    if not mine or mine == theirs or mine in theirs:
        return theirs
    if not theirs or theirs in mine:
        return mine
    return f"{theirs}\n\n{mine}"


class MinutesNotesEditor(QGroupBox):
    saved = Signal(object)  # pl.MinutesNoteView

    def __init__(
        self,
        connection: Connection,
        state: LiveState,
        agenda: list[p.AgendaItemView],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("minutesNotes")
        self.connection = connection
        self.state = state
        self.meeting_id = state.meeting_id
        self.notes: dict[str, pl.MinutesNoteView] = {}
        self.base_version: dict[str, int] = {}  # the version the editor's text started from
        self._shown: str | None = None
        self._dirty = False
        self.item = QComboBox()
        self.item.setObjectName("notesItem")
        for number, entry in enumerate(agenda, 1):
            self.item.addItem(f"{number}. {entry.title}", entry.id)
        self.discussion = QPlainTextEdit()
        self.discussion.setObjectName("notesDiscussion")
        self.conclusion = QPlainTextEdit()
        self.conclusion.setObjectName("notesConclusion")
        self.conclusion.setMaximumHeight(90)
        self.discussion_label, self.conclusion_label = QLabel(), QLabel()
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveNoteButton")
        self.status = QLabel()
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.item)
        layout.addWidget(self.discussion_label)
        layout.addWidget(self.discussion, 1)
        layout.addWidget(self.conclusion_label)
        layout.addWidget(self.conclusion)
        layout.addLayout(row)
        self.item.currentIndexChanged.connect(lambda _i: self.show_item(self.item_id()))
        self.discussion.textChanged.connect(self._edited)
        self.conclusion.textChanged.connect(self._edited)
        self.save_button.clicked.connect(self.save)
        connection.live_event.connect(self._event)
        connection.reconnected.connect(self.reload)
        state.item_changed.connect(self._item_moved)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Notes for the minutes"))
        self.discussion_label.setText(self.tr("Discussion"))
        self.conclusion_label.setText(self.tr("Conclusion of the chair"))
        self.discussion.setPlaceholderText(self.tr("What was said on this item, in brief"))
        self.conclusion.setPlaceholderText(self.tr("What the chair concluded"))
        self.save_button.setText(self.tr("Save &note"))
        self._show_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def item_id(self) -> str | None:
        data = self.item.currentData()
        return str(data) if data else None

    # -- loading and events ----------------------------------------------------------------

    async def load(self) -> None:
        try:
            found = await self.connection.call("live.minutes_notes", meeting_id=self.meeting_id)
        except (Disconnected, ServerError) as exc:
            log.info("minutes notes not loaded: %s", exc)
            return
        for data in found if isinstance(found, list) else found.get("notes", []):
            self._take(pl.MinutesNoteView.model_validate(data))
        self.show_item(self.item_id())

    @asyncSlot()
    async def reload(self) -> None:
        await self.load()

    def _take(self, note: pl.MinutesNoteView) -> None:
        held = self.notes.get(note.item_id)
        if held is None or note.version >= held.version:
            self.notes[note.item_id] = note

    def _event(self, event: Any) -> None:
        if not isinstance(event, pl.MinutesNoteChanged) or event.note.meeting_id != self.meeting_id:
            return
        self._take(event.note)
        if event.note.item_id == self._shown and not self._dirty:
            self.show_item(self._shown)  # nothing typed here: show the new text
        else:
            self._show_status()

    def _item_moved(self) -> None:
        """Follow the meeting to its current item, unless something typed is unsaved."""
        view = self.state.view
        if view is not None and view.current_item and not self._dirty:
            self.item.setCurrentIndex(max(self.item.findData(view.current_item), 0))

    # -- the editor ------------------------------------------------------------------------

    def show_item(self, item_id: str | None) -> None:
        self._shown = item_id
        note = self.notes.get(item_id) if item_id else None
        for editor, text in (
            (self.discussion, note.discussion if note else ""),
            (self.conclusion, note.conclusion if note else ""),
        ):
            editor.blockSignals(True)
            editor.setPlainText(text)
            editor.blockSignals(False)
        if item_id is not None:
            self.base_version[item_id] = note.version if note else 0
        self._dirty = False
        self._show_status()

    def _edited(self) -> None:
        self._dirty = True
        self._show_status()

    def _show_status(self, text: str | None = None) -> None:
        if text is not None:
            self.status.setText(text)
            return
        item_id = self._shown
        note = self.notes.get(item_id) if item_id else None
        base = self.base_version.get(item_id or "", 0)
        if note is not None and note.version > base:
            self.status.setText(
                self.tr("{0} changed this note meanwhile; saving will merge both.").format(
                    note.written_by_name
                )
            )
        elif self._dirty:
            self.status.setText(self.tr("Not saved yet."))
        elif note is not None:
            self.status.setText(
                self.tr("Saved by {0} at {1}.").format(
                    note.written_by_name, f"{meeting_time(note.written_at):%H:%M}"
                )
            )
        else:
            self.status.setText(self.tr("No note on this item yet."))

    @asyncSlot()
    async def save(self) -> pl.MinutesNoteView | None:
        item_id = self._shown
        if item_id is None:
            return None
        discussion = self.discussion.toPlainText()[:MAX_DISCUSSION]
        conclusion = self.conclusion.toPlainText()[:MAX_CONCLUSION]
        held = self.notes.get(item_id)
        if held is not None and held.version > self.base_version.get(item_id, 0):
            # Written elsewhere since this text started: merge before sending.
            discussion = merged(discussion, held.discussion)[:MAX_DISCUSSION]
            conclusion = merged(conclusion, held.conclusion)[:MAX_CONCLUSION]
            self.base_version[item_id] = held.version
        self.save_button.setEnabled(False)
        try:
            data = await self.connection.call(
                "live.write_minutes",
                meeting_id=self.meeting_id,
                item_id=item_id,
                discussion=discussion,
                conclusion=conclusion,
                expected_version=self.base_version.get(item_id, 0),
            )
        except Disconnected:
            self._show_status(self.tr("Not saved: no connection to the server."))
            return None
        except ServerError as exc:
            if exc.code == ErrorCode.CONFLICT and "note" in exc.details:
                self._conflict(pl.MinutesNoteView.model_validate(exc.details["note"]))
            else:
                self._show_status(server_text(exc))
            return None
        finally:
            self.save_button.setEnabled(True)
        note = pl.MinutesNoteView.model_validate(data)
        self._take(note)
        if self._shown == item_id:
            self.show_item(item_id)
        self.saved.emit(note)
        return note

    def _conflict(self, theirs: pl.MinutesNoteView) -> None:
        """Someone else saved first: keep both texts in the editor, on their version."""
        self._take(theirs)
        for editor, text in (
            (self.discussion, theirs.discussion),
            (self.conclusion, theirs.conclusion),
        ):
            editor.blockSignals(True)
            editor.setPlainText(merged(editor.toPlainText(), text))
            editor.blockSignals(False)
        self.base_version[theirs.item_id] = theirs.version
        self._dirty = True
        self._show_status(
            self.tr("{0} saved this item first: both texts are kept above; check and save.").format(
                theirs.written_by_name
            )
        )
