"""What a signed-in person works in: calendar and list tabs, then a tab per open meeting and
per open document."""

from __future__ import annotations

import asyncio
import logging

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QPushButton,
    QTableView,
    QTabWidget,
    QWidget,
)
from qasync import asyncSlot

from ecabinet.agenda.page import MeetingPage
from ecabinet.calendar.model import MeetingIdRole, MeetingListModel
from ecabinet.calendar.week_view import WeekView
from ecabinet.call.controller import CallController
from ecabinet.call.view import CallView
from ecabinet.data.meeting_store import MeetingStore
from ecabinet.documents.opener import document_bytes
from ecabinet.documents.tab import DocumentTab
from ecabinet.live.screen import LiveScreen
from ecabinet.net.client import Disconnected, ServerError
from ecabinet.net.connection import Connection
from ecabinet.notes.service import Annotations
from ecabinet.offline.vault import Vault, VaultError
from ecabinet.secretary.controller import SecretaryController
from ecabinet.secretary.meeting_editor import MeetingEditor
from ecabinet.secretary.permissions import may_prepare
from ecabinet.signing.page import SigningPage  # signing feature (issue 5)
from meetings import protocol as p

log = logging.getLogger(__name__)


class Workspace(QTabWidget):
    message = Signal(str)  # something to tell the person (status bar)

    def __init__(
        self,
        store: MeetingStore,
        connection: Connection,
        vault: Vault,
        annotations: Annotations,
        me: p.PersonView | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("workspace")
        self.setTabsClosable(True)
        self.setDocumentMode(True)
        self.store = store
        self.connection = connection
        self.vault = vault
        self.annotations = annotations
        self.me = me
        self.secretary = SecretaryController(self, connection, store)
        self.editor = MeetingEditor(self, self.secretary, store, me)
        self.editor.saved.connect(lambda detail: self.open_meeting(detail.id))
        self.new_meeting_button = QPushButton()
        # A shortcut of its own: a button's shortcut is reset by every setText (retranslation).
        self.new_meeting_shortcut = QShortcut(QKeySequence("Ctrl+N"), self)
        self.new_meeting_shortcut.activated.connect(self._new_meeting_by_key)
        self.new_meeting_button.clicked.connect(self.editor.new_meeting)
        self.new_meeting_button.setVisible(self.editor.may_create())
        self.setCornerWidget(self.new_meeting_button, Qt.Corner.TopRightCorner)
        self.badge = 0
        self._hang_ups: set[asyncio.Future[None]] = set()  # calls whose tab closed, still leaving
        self.week = WeekView(store)
        self.list_model = MeetingListModel(store)
        self.table = QTableView()
        self.table.setModel(self.list_model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda i: self.open_meeting(i.data(MeetingIdRole)))
        self.table.doubleClicked.connect(lambda i: self.open_meeting(i.data(MeetingIdRole)))
        self.addTab(self.week, "")
        self.addTab(self.table, "")
        # Signing feature (issue 5): the "Chờ tôi ký" tab, always open like the two above.
        self.signing = SigningPage(connection, me)
        self.signing.message.connect(self.message)
        # "Waiting for my signature" follows the server: a turn or a finished request refreshes it.
        connection.signing_changed.connect(lambda _event: self.signing.refresh())
        self.addTab(self.signing, "")
        for index in (0, 1, 2):  # the calendar, the list and signing stay open
            self.tabBar().setTabButton(index, self.tabBar().ButtonPosition.RightSide, None)
        self.week.meeting_activated.connect(self.open_meeting)
        self.tabCloseRequested.connect(self._close_tab)
        self.currentChanged.connect(self._tab_shown)
        self.retranslate()

    def retranslate(self) -> None:
        calendar = self.tr("Calendar")
        self.setTabText(0, f"{calendar} ({self.badge})" if self.badge else calendar)
        self.setTabText(1, self.tr("Meetings"))
        self.setTabText(2, self.tr("Waiting for my signature"))
        self.new_meeting_button.setText(self.tr("New meeting…"))
        self.new_meeting_button.setToolTip(self.tr("Create a meeting (Ctrl+N)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _new_meeting_by_key(self) -> None:
        if self.editor.may_create():
            self.editor.new_meeting()

    def bump_badge(self) -> None:
        if self.currentIndex() != 0:
            self.badge += 1
            self.retranslate()

    def _tab_shown(self, index: int) -> None:
        if index == 0 and self.badge:
            self.badge = 0
            self.retranslate()

    def _close_tab(self, index: int) -> None:
        if index > 2:
            widget = self.widget(index)
            self.removeTab(index)
            if isinstance(widget, CallView):
                self._hang_up(widget)  # hang up first: the tab's media must stop
            elif widget is not None:
                if isinstance(widget, LiveScreen) and isinstance(
                    video := widget.take_video(), CallView
                ):
                    self._call_tab(video)  # the call goes on in a tab of its own
                widget.deleteLater()

    def meeting_pages(self) -> list[MeetingPage]:
        return [w for w in map(self.widget, range(self.count())) if isinstance(w, MeetingPage)]

    def document_tabs(self) -> list[DocumentTab]:
        return [w for w in map(self.widget, range(self.count())) if isinstance(w, DocumentTab)]

    # -- SecretaryView for actions outside a meeting page (creating one) -------------------

    def show_error(self, text: str) -> None:
        self.message.emit(text)

    def show_progress(self, done: int, total: int) -> None:
        pass

    @asyncSlot(str)
    async def open_meeting(self, meeting_id: str) -> MeetingPage | None:
        for page in self.meeting_pages():
            if page.meeting.id == meeting_id:
                self.setCurrentWidget(page)
                return page
        try:
            detail = await self.store.detail(
                self.connection if self.connection.online else None, meeting_id
            )
        except (LookupError, Disconnected, ServerError) as exc:
            self.message.emit(self.tr("This meeting cannot be opened now: {0}").format(exc))
            return None
        page = MeetingPage(
            detail, self.store, self.connection, self.me, is_offline=self.vault.has_document
        )
        page.open_document.connect(self.open_document)
        page.open_live.connect(self.open_live)
        page.join_call.connect(self.open_call)
        page.edit_meeting.connect(self.editor.edit)
        page.edit_button.show()
        self.addTab(page, detail.title[:40])
        self.setCurrentWidget(page)
        return page

    def live_screens(self) -> list[LiveScreen]:
        return [w for w in map(self.widget, range(self.count())) if isinstance(w, LiveScreen)]

    @asyncSlot(str)
    async def open_live(self, meeting_id: str) -> LiveScreen | None:
        """The live meeting (roll call, floor, votes, presenting, minutes) in a tab of its own."""
        for screen in self.live_screens():
            if screen.meeting_id == meeting_id:
                self.setCurrentWidget(screen)
                return screen
        detail = self.store.details.get(meeting_id)
        if detail is None or not self.connection.online:
            self.message.emit(self.tr("The live meeting needs the connection to the server."))
            return None
        screen = LiveScreen(detail, self.store, self.connection, self.me, self.open_document)
        screen.attention.connect(lambda: self.setCurrentWidget(screen))  # a ballot, the floor
        screen.join_video.connect(self.open_call)
        for view in self.call_views():  # a call already open moves onto the screen
            if view.session.meeting_id == meeting_id and self.indexOf(view) >= 0:
                self.removeTab(self.indexOf(view))
                view.set_compact(True)
                screen.set_video(view)
        self.addTab(screen, self.tr("Live: {0}").format(detail.title[:32]))
        self.setCurrentWidget(screen)
        await screen.load()
        return screen

    def call_views(self) -> list[CallView]:
        """Every open call: in a tab of its own or on a live meeting's screen."""
        tabs = [w for w in map(self.widget, range(self.count())) if isinstance(w, CallView)]
        return tabs + [s.video for s in self.live_screens() if isinstance(s.video, CallView)]

    def _live_screen(self, meeting_id: str) -> LiveScreen | None:
        return next((s for s in self.live_screens() if s.meeting_id == meeting_id), None)

    def _call_tab(self, view: CallView) -> None:
        view.set_compact(False)
        self.addTab(view, self.tr("Video: {0}").format(view.title[:32]))

    @asyncSlot(str)
    async def open_call(self, meeting_id: str) -> CallView | None:
        """The meeting's video call in a tab of its own (ecabinet/call, docs/call-client.md)."""
        screen = self._live_screen(meeting_id)
        for view in self.call_views():
            if view.session.meeting_id == meeting_id:
                self.setCurrentWidget(screen if screen and screen.video is view else view)
                return view
        summary = self.store.summaries.get(meeting_id)
        if summary is None or self.me is None or not self.connection.online:
            self.message.emit(self.tr("The video call needs the connection to the server."))
            return None
        controller = CallController(self.connection, meeting_id, self.me)
        view = CallView(
            controller,
            summary.title,
            may_control=may_prepare(self.me, summary),
            unit_names={u.id: u.name for u in self.store.directory.units.values()},
        )
        view.left.connect(lambda _id: self._call_left(view))
        if screen is not None:
            view.set_compact(True)
            screen.set_video(view)  # the chair's screen brings the video in beside the floor
            self.setCurrentWidget(screen)
        else:
            self._call_tab(view)
            self.setCurrentWidget(view)
        await controller.start()
        return view

    def _hang_up(self, view: CallView) -> None:
        task = view.leave_and_delete()
        self._hang_ups.add(task)
        task.add_done_callback(self._hang_ups.discard)

    async def hang_up_all(self) -> None:
        """Leave every call, and wait for those already leaving: the window is closing, and a
        media thread left running would outlive the connection its session talks over."""
        for view in self.call_views():
            self._hang_up(view)
        if self._hang_ups:
            await asyncio.gather(*self._hang_ups, return_exceptions=True)

    def _call_left(self, view: CallView) -> None:
        index = self.indexOf(view)
        if index >= 0:
            self.removeTab(index)
        for screen in self.live_screens():
            if screen.video is view:
                screen.take_video()
        view.deleteLater()

    def _document(self, document_id: str) -> p.DocumentView | None:
        for detail in self.store.details.values():
            for document in detail.documents:
                if document.id == document_id:
                    return document
        return None

    @asyncSlot(str)
    async def open_document(self, document_id: str) -> DocumentTab | None:
        for tab in self.document_tabs():
            if tab.document.id == document_id:
                self.setCurrentWidget(tab)
                return tab
        document = self._document(document_id)
        if document is None:
            return None
        try:
            data = await document_bytes(document, self.connection, self.vault)
        except (Disconnected, ServerError, VaultError) as exc:
            log.info("cannot open %s: %s", document_id, exc)
            self.message.emit(self.tr("This document is not available offline yet."))
            return None
        tab = DocumentTab(document, self.annotations)
        tab.viewer.load_bytes(data)
        self.addTab(tab, document.title[:40])
        self.setCurrentWidget(tab)
        await self.annotations.load(document)
        return tab
