"""A meeting's page: header, agenda with the total, documents per item, invitees, and for
the people who prepare it, the secretary's tools."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from ecabinet.agenda.documents_model import DocumentIdRole, DocumentsModel
from ecabinet.agenda.invitees_model import InviteesModel
from ecabinet.agenda.model import AgendaModel, ItemIdRole
from ecabinet.calendar.model import local_time, place_text
from ecabinet.calendar.status_names import status_name
from ecabinet.call.recordings import RecordingsDialog
from ecabinet.data.meeting_store import MeetingStore
from ecabinet.net.connection import Connection
from ecabinet.secretary.controller import SecretaryController
from ecabinet.secretary.permissions import may_prepare
from meetings import protocol as p
from meetings.meeting import MeetingStatus


class MeetingPage(QWidget):
    open_document = Signal(str)
    edit_meeting = Signal(str)
    open_live = Signal(str)  # the live meeting screen: roll call, floor, votes, presenting
    join_call = Signal(str)  # the meeting's video session

    def __init__(
        self,
        meeting: p.MeetingDetail,
        store: MeetingStore,
        connection: Connection,
        me: p.PersonView | None,
        is_offline: Callable[[str], bool] = lambda _id: False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("meetingPage")
        self.setAcceptDrops(True)
        self.meeting = meeting
        self.store = store
        self.connection = connection
        self.secretary = SecretaryController(self, connection, store)
        self.me = me
        self.agenda = AgendaModel(self)
        self.documents = DocumentsModel(is_offline, self)
        self.invitees = InviteesModel(self)

        self.title = QLabel()
        self.title.setObjectName("meetingTitle")
        self.title.setWordWrap(True)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.total = QLabel()
        self.total.setObjectName("agendaTotal")
        self.message = QLabel()
        self.message.setObjectName("pageMessage")
        self.message.hide()

        self.table = QTableView()
        self.table.setModel(self.agenda)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.table.setDragDropOverwriteMode(False)
        self.table.setDropIndicatorShown(True)
        self.table.selectionModel().currentRowChanged.connect(self._item_selected)

        self.documents_label, self.invitees_label = QLabel(), QLabel()
        self.documents_view = QListView()
        self.documents_view.setModel(self.documents)
        self.documents_view.activated.connect(self._document_activated)
        self.documents_view.doubleClicked.connect(self._document_activated)
        self.documents_view.selectionModel().currentChanged.connect(
            lambda current, _previous: self.replace_button.setEnabled(current.isValid())
        )
        self.invitees_view = QListView()
        self.invitees_view.setModel(self.invitees)

        self.tools = self._build_tools()

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(self.documents_label)
        side_layout.addWidget(self.documents_view, 2)
        side_layout.addWidget(self.invitees_label)
        side_layout.addWidget(self.invitees_view, 1)
        split = QSplitter()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.total)
        split.addWidget(left)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)

        self.live_button = QPushButton()
        self.live_button.setObjectName("liveButton")
        self.call_button = QPushButton()
        self.call_button.setObjectName("callButton")
        self.recordings_button = QPushButton()
        self.recordings_button.setObjectName("recordingsButton")
        self.live_button.clicked.connect(lambda: self.open_live.emit(self.meeting.id))
        self.call_button.clicked.connect(lambda: self.join_call.emit(self.meeting.id))
        self.recordings_button.clicked.connect(self.show_recordings)
        self.start_button = QPushButton()
        self.start_button.setObjectName("startButton")
        self.end_button = QPushButton()
        self.end_button.setObjectName("endButton")
        self.start_button.clicked.connect(self._start)
        self.end_button.clicked.connect(self._end)
        heading = QHBoxLayout()
        heading.addWidget(self.title, 1)
        for button in (
            self.start_button,
            self.end_button,
            self.live_button,
            self.call_button,
            self.recordings_button,
        ):
            heading.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addWidget(self.info)
        layout.addWidget(self.tools)
        layout.addWidget(self.message)
        layout.addWidget(split, 1)

        self.agenda.edit_requested.connect(self._edit_item)
        self.agenda.reorder_requested.connect(self._reorder)
        store.changed.connect(self._store_changed)
        self.retranslate()
        self.show_meeting(meeting)

    def _build_tools(self) -> QWidget:
        tools = QWidget()
        row = QHBoxLayout(tools)
        row.setContentsMargins(0, 0, 0, 0)
        self.new_title = QLineEdit()
        self.new_presenter = QLineEdit()
        self.new_minutes = QSpinBox()
        self.new_minutes.setRange(0, 1440)
        self.new_minutes.setValue(15)
        self.add_button = QPushButton()
        self.remove_button = QPushButton()
        self.attach_button = QPushButton()
        self.replace_button = QPushButton()
        self.replace_button.setEnabled(False)  # until a document is selected
        self.edit_button = QPushButton()
        self.edit_button.hide()  # shown once a meeting editor is connected to edit_meeting
        self.publish_button = QPushButton()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(180)
        self.progress.hide()
        for widget in (
            self.new_title,
            self.new_presenter,
            self.new_minutes,
            self.add_button,
            self.remove_button,
            self.attach_button,
            self.replace_button,
            self.progress,
            self.edit_button,
            self.publish_button,
        ):
            row.addWidget(widget)
        row.setStretch(0, 3)
        row.setStretch(1, 2)
        self.add_button.clicked.connect(self._add_item)
        self.new_title.returnPressed.connect(self._add_item)
        self.remove_button.clicked.connect(self._remove_item)
        self.attach_button.clicked.connect(self._choose_file)
        self.replace_button.clicked.connect(self._choose_new_version)
        self.publish_button.clicked.connect(self._publish)
        self.edit_button.clicked.connect(lambda: self.edit_meeting.emit(self.meeting.id))
        return tools

    def retranslate(self) -> None:
        self.new_title.setPlaceholderText(self.tr("New agenda item"))
        self.new_presenter.setPlaceholderText(self.tr("Presenter"))
        self.new_minutes.setSuffix(self.tr(" min"))
        self.add_button.setText(self.tr("A&dd item"))
        self.remove_button.setText(self.tr("&Remove item"))
        self.attach_button.setText(self.tr("&Attach PDF…"))
        self.replace_button.setText(self.tr("Replace with &new version…"))
        self.replace_button.setToolTip(self.tr("Upload a new version of the selected document"))
        self.edit_button.setText(self.tr("&Edit meeting…"))
        self.publish_button.setText(self.tr("&Publish"))
        self.invitees_label.setText(self.tr("Invited"))
        self.live_button.setText(self.tr("&Live meeting"))
        self.live_button.setToolTip(self.tr("Roll call, the floor, votes and presenting"))
        self.call_button.setText(self.tr("&Join video"))
        self.recordings_button.setText(self.tr("Recordings…"))
        self.recordings_button.setToolTip(self.tr("The video session's recordings, to save"))
        self.start_button.setText(self.tr("&Start meeting"))
        self.start_button.setToolTip(self.tr("Open the roll call, the floor and votes"))
        self.end_button.setText(self.tr("E&nd meeting"))
        self.show_meeting(self.meeting)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @property
    def preparing(self) -> bool:
        return may_prepare(self.me, self.meeting) and self.meeting.status in (
            MeetingStatus.DRAFT,
            MeetingStatus.PUBLISHED,
        )

    def show_meeting(self, meeting: p.MeetingDetail) -> None:
        self.meeting = meeting
        selected = self.selected_item_id()
        self.agenda.editable = self.preparing
        self.agenda.set_meeting(meeting)
        self.invitees.set_meeting(meeting, self.store.directory)
        start, end = local_time(meeting.starts_at), local_time(meeting.ends_at)
        self.title.setText(meeting.title)
        unit = self.store.directory.unit_name(meeting.organiser_unit_id)
        self.info.setText(
            " · ".join(
                filter(
                    None,
                    [
                        f"{start:%d/%m/%Y %H:%M}–{end:%H:%M}",
                        place_text(meeting),
                        status_name(meeting.status),
                        unit,
                    ],
                )
            )
        )
        minutes = self.agenda.total_minutes
        self.total.setText(
            self.tr("Total planned time: {0} min ({1}h{2:02d})").format(
                minutes, minutes // 60, minutes % 60
            )
        )
        self.tools.setVisible(self.preparing)
        self.publish_button.setVisible(meeting.status == MeetingStatus.DRAFT)
        running = meeting.status in (MeetingStatus.PUBLISHED, MeetingStatus.IN_PROGRESS)
        self.live_button.setVisible(running or meeting.status == MeetingStatus.ENDED)
        self.call_button.setVisible(running and meeting.video)
        organiser = may_prepare(self.me, meeting)
        self.start_button.setVisible(organiser and meeting.status == MeetingStatus.PUBLISHED)
        self.end_button.setVisible(organiser and meeting.status == MeetingStatus.IN_PROGRESS)
        self.recordings_button.setVisible(
            organiser
            and meeting.video
            and meeting.status in (MeetingStatus.IN_PROGRESS, MeetingStatus.ENDED)
        )
        self.select_item(selected)
        self._show_documents()

    @asyncSlot()
    async def show_recordings(self) -> RecordingsDialog:
        """The meeting's video recordings, listed, each to save (ecabinet/call/recordings.py)."""
        dialog = RecordingsDialog(
            self.connection, self.meeting.id, self.meeting.title, self.store.directory, self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        await dialog.load()
        return dialog

    def _store_changed(self, meeting_id: str) -> None:
        if meeting_id == self.meeting.id and meeting_id in self.store.details:
            self.show_meeting(self.store.details[meeting_id])

    def selected_item_id(self) -> str | None:
        index = self.table.currentIndex()
        return index.data(ItemIdRole) if index.isValid() else None

    def select_item(self, item_id: str | None) -> None:
        for row in range(self.agenda.rowCount()):
            if self.agenda.index(row, 0).data(ItemIdRole) == item_id:
                self.table.selectRow(row)
                return
        self.table.clearSelection()
        self.table.setCurrentIndex(QModelIndex())

    def _item_selected(self, *_: object) -> None:
        self._show_documents()

    def _show_documents(self) -> None:
        item_id = self.selected_item_id()
        item = next((i for i in self.meeting.agenda if i.id == item_id), None)
        if item is None:
            documents = self.meeting.documents
            self.documents_label.setText(self.tr("Documents of the meeting"))
        else:
            documents = [d for d in self.meeting.documents if d.id in item.document_ids]
            self.documents_label.setText(self.tr("Documents of item: {0}").format(item.title))
        self.documents.set_documents(documents)

    def _document_activated(self, index: QModelIndex) -> None:
        self.open_document.emit(index.data(DocumentIdRole))

    # -- SecretaryView --------------------------------------------------------------------

    def show_error(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def show_progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        self.progress.setVisible(done < total)

    # -- actions (thin: one controller call each) -----------------------------------------

    @asyncSlot()
    async def _add_item(self) -> None:
        title = self.new_title.text().strip()
        if not title:
            self.show_error(self.tr("Give the new item a title."))
            return
        self.message.hide()
        if await self.secretary.add_item(
            self.meeting.id, title, self.new_minutes.value(), self.new_presenter.text().strip()
        ):
            self.new_title.clear()
            self.new_presenter.clear()

    @asyncSlot()
    async def _remove_item(self) -> None:
        if item_id := self.selected_item_id():
            await self.secretary.remove_item(self.meeting.id, item_id)

    @asyncSlot(str, dict)
    async def _edit_item(self, item_id: str, changes: dict[str, object]) -> None:
        await self.secretary.update_item(self.meeting.id, item_id, changes)

    @asyncSlot(list)
    async def _reorder(self, item_ids: list[str]) -> None:
        await self.secretary.reorder(self.meeting.id, item_ids)

    @asyncSlot()
    async def _publish(self) -> None:
        await self.secretary.publish(self.meeting.id)

    @asyncSlot()
    async def _start(self) -> None:
        await self.secretary.start(self.meeting.id)

    @asyncSlot()
    async def _end(self) -> None:
        await self.secretary.end(self.meeting.id)

    def _choose_file(self) -> None:
        dialog = QFileDialog(self, self.tr("Attach a PDF"))
        dialog.setNameFilter(self.tr("PDF documents (*.pdf)"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.filesSelected.connect(lambda files: self.attach_files([Path(f) for f in files]))
        dialog.open()

    def selected_document_id(self) -> str | None:
        index = self.documents_view.currentIndex()
        return index.data(DocumentIdRole) if index.isValid() else None

    def _choose_new_version(self) -> None:
        document_id = self.selected_document_id()
        if document_id is None:
            return
        dialog = QFileDialog(self, self.tr("Choose the new version (PDF)"))
        dialog.setNameFilter(self.tr("PDF documents (*.pdf)"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(lambda f: self.replace_document(document_id, Path(f)))
        dialog.open()

    @asyncSlot(str, object)
    async def replace_document(self, document_id: str, path: Path) -> p.DocumentView | None:
        """Upload `path` as the new version of `document_id`, on the same agenda item."""
        self.message.hide()
        item_id = next((i.id for i in self.meeting.agenda if document_id in i.document_ids), None)
        self.progress.setValue(0)
        self.progress.show()
        try:
            return await self.secretary.attach(self.meeting.id, item_id, path, replaces=document_id)
        finally:
            self.progress.hide()

    @asyncSlot(list)
    async def attach_files(self, paths: list[Path]) -> None:
        self.message.hide()
        for path in paths:
            self.progress.setValue(0)
            self.progress.show()
            await self.secretary.attach(self.meeting.id, self.selected_item_id(), path)
        self.progress.hide()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if self.preparing and urls and all(u.toLocalFile().lower().endswith(".pdf") for u in urls):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        self.attach_files([Path(u.toLocalFile()) for u in event.mimeData().urls()])
        event.acceptProposedAction()
