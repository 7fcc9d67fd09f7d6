"""The main window: the sign-in page until someone signs in, then their workspace; the
connection status, the sync progress and notifications in the status bar."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QWidget,
)
from qasync import asyncSlot

from ecabinet.core.i18n import Translations
from ecabinet.core.settings import Settings
from ecabinet.data.meeting_store import MeetingStore
from ecabinet.login.controller import LoginController, SignedIn
from ecabinet.login.demo_accounts import DemoAccount
from ecabinet.login.widgets import LoginPage
from ecabinet.net.client import Disconnected
from ecabinet.net.connection import Connection, LinkState
from ecabinet.notes.service import Annotations
from ecabinet.offline.keys import WrongPassword
from ecabinet.offline.outbox import Outbox
from ecabinet.offline.sync import DocumentSync
from ecabinet.offline.user_cache import open_vault
from ecabinet.offline.vault import Vault
from ecabinet.preferences.dialog import SettingsDialog
from ecabinet.shell.notifier import Notifier
from ecabinet.shell.status import OFFLINE_MODE, RECONNECTED, link_text, translated
from ecabinet.shell.workspace import Workspace
from meetings import protocol as p

log = logging.getLogger(__name__)
RECONNECTED_SHOWN_MS = 8000


class MainWindow(QMainWindow):
    ready = Signal()  # the workspace is shown and the calendar drawn

    def __init__(
        self,
        settings: Settings,
        connection: Connection,
        demo_accounts: list[DemoAccount] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.settings = settings
        self.connection = connection
        self.store = MeetingStore(self)
        self.vault: Vault | None = None
        self.outbox: Outbox | None = None
        self.annotations: Annotations | None = None
        self.sync: DocumentSync | None = None
        self.workspace: Workspace | None = None
        self.notifier = Notifier(self)
        self.login = LoginPage(
            settings.server_url, settings.last_username, demo_accounts or [], settings.language
        )
        self.login_controller = LoginController(
            self.login, connection, settings, self._open_offline
        )
        self.stack = QStackedWidget()
        self.stack.addWidget(self.login)
        self.setCentralWidget(self.stack)
        self.link_label = QLabel()
        self.link_label.setObjectName("linkStatus")
        self.sync_bar = QProgressBar()
        self.sync_bar.setMaximumWidth(220)
        self.sync_bar.hide()
        self.translations: Translations | None = None  # set by the application
        self.settings_dialog: SettingsDialog | None = None
        self.settings_button = QPushButton()
        self.settings_button.setFlat(True)
        self.settings_button.clicked.connect(self.open_settings)
        self.settings_shortcut = QShortcut(QKeySequence("Ctrl+,"), self)
        self.settings_shortcut.activated.connect(self.open_settings)
        self.statusBar().addPermanentWidget(self.settings_button)
        self.statusBar().addPermanentWidget(self.sync_bar)
        self.statusBar().addPermanentWidget(self.link_label)
        self._reconnected_timer = QTimer(self)
        self._reconnected_timer.setSingleShot(True)
        self._reconnected_timer.timeout.connect(lambda: self._link_changed(self.connection.state))
        self.login.submitted.connect(self._sign_in)
        connection.state_changed.connect(lambda s: self._link_changed(LinkState(s)))
        connection.reconnected.connect(self._reconnected)
        connection.meeting_updated.connect(self._meeting_updated)
        connection.meeting_removed.connect(self.store.drop)
        connection.document_added.connect(self._document_added)
        self.retranslate()
        self.resize(1280, 800)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("eCabinet — paperless meetings"))
        self.settings_button.setText(self.tr("Settings…"))
        self.settings_button.setToolTip(
            self.tr("Language, server, offline copy, font size (Ctrl+,)")
        )
        self._link_changed(self.connection.state)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _link_changed(self, state: LinkState) -> None:
        if self._reconnected_timer.isActive() and state is LinkState.ONLINE:
            return
        if self.workspace is not None and state is LinkState.OFFLINE:
            self.link_label.setText(translated(OFFLINE_MODE))
        else:
            self.link_label.setText(link_text(state))
        self.link_label.setProperty("state", state.value)

    def open_settings(self) -> SettingsDialog:
        if self.settings_dialog is not None:
            self.settings_dialog.close()
        dialog = SettingsDialog(self.settings, self.translations, parent=self)
        dialog.forgotten.connect(self._forgotten)
        dialog.finished.connect(dialog.deleteLater)
        self.settings_dialog = dialog
        dialog.open()
        return dialog

    @asyncSlot()
    async def _forgotten(self) -> None:
        """The cache is gone: leave the server and go back to the sign-in page."""
        if self.sync is not None:
            await self.sync.stop()
        await self.connection.close()
        self.store.snapshot = None
        self.vault = None
        self.login.server.setText(self.settings.server_url)
        self.login.username.clear()
        self.login.password.clear()
        self.stack.setCurrentWidget(self.login)

    # -- signing in -----------------------------------------------------------------------

    @asyncSlot(str, str, str)
    async def _sign_in(self, url: str, username: str, password: str) -> None:
        signed = await self.login_controller.sign_in(url, username, password)
        if signed is not None:
            await self.enter(signed)

    def _open_offline(self, url: str, username: str, password: str) -> bool:
        try:
            self.vault = open_vault(self.settings, url, username, password, online=False)
        except WrongPassword:
            return False
        return True

    async def enter(self, signed: SignedIn) -> Workspace:
        """Open the person's cache and workspace, then bring both up to date."""
        if signed.online:
            self.vault = open_vault(
                self.settings, signed.url, signed.username, signed.password, online=True
            )
        assert self.vault is not None
        self.store.snapshot = self.vault
        self.store.load_snapshot()
        me = signed.person or self._cached_me()
        if signed.person is not None:
            self.vault.save_json("me", signed.person.model_dump(mode="json"))
        self.outbox = Outbox(self.vault, self)
        self.annotations = Annotations(self.connection, self.vault, self.outbox, self)
        self.sync = DocumentSync(
            self.connection,
            self.store,
            self.vault,
            self,
            limit_bytes=lambda: self.settings.cache_limit_mb * 1024 * 1024,
        )
        self.sync.limit_reached.connect(
            lambda left: self.statusBar().showMessage(
                self.tr(
                    "The offline copy is full: %n document(s) not copied (Settings: cache limit).",
                    "",
                    left,
                ),
                15_000,
            )
        )
        self.sync.progress.connect(self._sync_progress)
        self.sync.document_synced.connect(self._document_synced)
        self.workspace = Workspace(self.store, self.connection, self.vault, self.annotations, me)
        self.workspace.message.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        self.stack.addWidget(self.workspace)
        self.stack.setCurrentWidget(self.workspace)
        self._link_changed(self.connection.state)
        if signed.online:
            await self._catch_up()
        self.ready.emit()
        return self.workspace

    def _cached_me(self) -> p.PersonView | None:
        data = self.vault.load_json("me") if self.vault else None
        return p.PersonView.model_validate(data) if data else None

    async def _catch_up(self) -> None:
        """After signing in or reconnecting: fresh meetings, queued writes out, sync on."""
        try:
            await self.store.refresh(self.connection)
            if self.outbox is not None:
                await self.outbox.flush(self.connection)
        except Disconnected:
            return  # lost again; the next reconnection catches up
        if self.sync is not None:
            self.sync.start()

    @asyncSlot()
    async def _reconnected(self) -> None:
        self.link_label.setText(translated(RECONNECTED))
        self._reconnected_timer.start(RECONNECTED_SHOWN_MS)
        await self._catch_up()

    # -- events ---------------------------------------------------------------------------

    def _meeting_updated(self, event: p.MeetingUpdated) -> None:
        known = event.meeting.id in self.store.summaries
        self.store.put(event.meeting)
        if self.workspace is not None:
            self.workspace.bump_badge()
        self.notifier.meeting_changed(event.meeting.title, event.reason, known)
        if self.sync is not None and event.meeting.documents:
            self.sync.start()

    def _document_added(self, event: p.DocumentAdded) -> None:
        if event.replaces:
            self.notifier.document_replaced(event.document.title)

    def _sync_progress(self, done: int, total: int) -> None:
        self.sync_bar.setMaximum(max(total, 1))
        self.sync_bar.setValue(done)
        self.sync_bar.setFormat(self.tr("Offline copy %p%"))
        self.sync_bar.setVisible(done < total)

    def _document_synced(self, _document_id: str) -> None:
        if self.workspace is not None:
            for page in self.workspace.meeting_pages():
                page.documents.refresh_marks()

    async def close_async(self) -> None:
        if self.workspace is not None:
            await self.workspace.hang_up_all()
        if self.sync is not None:
            await self.sync.stop()
        await self.connection.close()
