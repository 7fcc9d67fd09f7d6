"""The meeting's video recordings, listed with the meeting, saved to a file of one's choice.

The chair records from the call's toolbar (one Matroska file per site, as received); the
organisers open this dialog from the meeting page: who was recorded, when, how large, and
"Save…" which streams the file down in chunks with a progress bar (docs/call-client.md).
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from ecabinet.data.directory import Directory
from ecabinet.net.client import Disconnected, ServerError
from ecabinet.net.connection import Connection
from meetings import protocol_call as pc

log = logging.getLogger(__name__)
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def local_time(text: str | None) -> str:
    """An ISO time from the server as the hall reads it: 01/12/2026 08:05."""
    if not text:
        return ""
    try:
        return datetime.fromisoformat(text).strftime("%d/%m/%Y %H:%M")
    except ValueError:
        return text


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


class RecordingsDialog(QDialog):
    def __init__(
        self,
        connection: Connection,
        meeting_id: str,
        title: str,
        directory: Directory,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recordingsDialog")
        self.connection = connection
        self.meeting_id = meeting_id
        self.directory = directory
        self.recordings: list[pc.RecordingView] = []
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.meeting_title = title
        self.table = QTableWidget(0, 4)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.hide()
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveRecordingButton")
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self._save_clicked)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(760, 380)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Video recordings"))
        self.heading.setText(self.tr("Recordings of “{0}”").format(self.meeting_title))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Site"), self.tr("Started"), self.tr("Stopped"), self.tr("Size")]
        )
        self.save_button.setText(self.tr("&Save…"))

    async def load(self) -> None:
        """Ask the server for the list and show it."""
        try:
            found = await self.connection.call("call.recordings", meeting_id=self.meeting_id)
        except (Disconnected, ServerError) as exc:
            self.status.setText(self.tr("The recordings cannot be listed now: {0}").format(exc))
            return
        self.recordings = [pc.RecordingView.model_validate(r) for r in found]
        self.table.setRowCount(len(self.recordings))
        for row, recording in enumerate(self.recordings):
            stopped = local_time(recording.stopped_at) or self.tr("recording…")
            cells = (
                self.directory.person_name(recording.site),
                local_time(recording.started_at),
                stopped,
                megabytes(recording.size),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 3:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        self.status.setText(
            self.tr("No recordings yet: the chair records from the video call's toolbar.")
            if not self.recordings
            else ""
        )
        self._selection_changed()

    def selected(self) -> pc.RecordingView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.recordings[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        recording = self.selected()
        self.save_button.setEnabled(recording is not None and recording.stopped_at is not None)

    @asyncSlot()
    async def _save_clicked(self) -> None:
        recording = self.selected()
        if recording is None:
            return
        name = f"{self.directory.person_name(recording.site)} {recording.started_at[:10]}.mkv"
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the recording"), name, self.tr("Matroska video (*.mkv)")
        )
        if target:
            await self.save(recording, Path(target))

    async def save(self, recording: pc.RecordingView, target: Path) -> bool:
        """Download ``recording`` into ``target``, showing progress; True once it is there."""
        self.save_button.setEnabled(False)
        self.progress.setRange(0, max(recording.size, 1))
        self.progress.setValue(0)
        self.progress.show()
        self.status.setText(self.tr("Saving {0}…").format(target.name))
        try:
            await self.connection.client.download_recording(
                recording, target, progress=lambda done, total: self._progress(done, total)
            )
        except (Disconnected, ServerError, OSError) as exc:
            log.info("recording %s not saved: %s", recording.id, exc)
            self.status.setText(self.tr("The recording was not saved: {0}").format(exc))
            return False
        finally:
            self.progress.hide()
            self._selection_changed()
        self.status.setText(self.tr("Saved to {0}").format(target))
        return True

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
