"""The "Chờ tôi ký" tab: documents waiting for my signature, the chosen one open at my field
with its signature panel, the key (file or token), sign the checked ones in one go, decline."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelection, QPointF, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from ecabinet.documents.viewer import PdfViewer
from ecabinet.net.client import Client, Disconnected, ServerError
from ecabinet.net.connection import Connection
from ecabinet.signing.controller import SigningController
from ecabinet.signing.dialogs import TextDialog
from ecabinet.signing.keys import KeyChoice, KeyFile, TokenEntry, pkcs11_module, token_entries
from ecabinet.signing.model import RequestIdRole, WaitingModel
from ecabinet.signing.panel import SignaturePanel
from meetings import protocol as p
from meetings import protocol_signing as ps
from signing.errors import SigningError

log = logging.getLogger(__name__)


class SigningPage(QWidget):
    loaded = Signal(int)  # rows in the list after a refresh
    opened = Signal(str)  # a request's current revision is shown, with its panel
    signed = Signal(int)  # how many documents were signed in the last round
    dialog_shown = Signal(object)  # the password/PIN or reason dialog, now on screen
    message = Signal(str)

    def __init__(
        self, connection: Connection, me: p.PersonView | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signingPage")
        self.connection = connection
        self.me = me
        self.controller = SigningController(self, self._client, me)
        self.model = WaitingModel(self)
        self.tokens: list[TokenEntry] = []
        self.heading = QLabel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.refresh_button, self.sign_button = QPushButton(), QPushButton()
        self.decline_button = QPushButton()
        self.file_choice, self.token_choice = QRadioButton(), QRadioButton()
        self.file_choice.setChecked(True)
        self.choices = QButtonGroup(self)
        self.choices.addButton(self.file_choice)
        self.choices.addButton(self.token_choice)
        self.key_path = QLineEdit()
        self.browse_button = QPushButton()
        self.token_box = QComboBox()
        self.tokens_button = QPushButton()
        self.progress = QProgressBar()
        self.progress.hide()
        self.viewer = PdfViewer()
        self.panel = SignaturePanel()
        self._layout()
        self.refresh_button.clicked.connect(self.refresh)
        self.sign_button.clicked.connect(self.sign_checked)
        self.decline_button.clicked.connect(self.decline_selected)
        self.browse_button.clicked.connect(self._browse)
        self.tokens_button.clicked.connect(self.find_tokens)
        self.retranslate()

    def _layout(self) -> None:
        buttons = QHBoxLayout()
        for button in (self.refresh_button, self.sign_button, self.decline_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        file_row, token_row = QHBoxLayout(), QHBoxLayout()
        row: tuple[QWidget, ...]
        for layout_row, row in (
            (file_row, (self.file_choice, self.key_path, self.browse_button)),
            (token_row, (self.token_choice, self.token_box, self.tokens_button)),
        ):
            for widget in row:
                layout_row.addWidget(widget)
        self.token_box.setMinimumWidth(220)
        left = QWidget()
        column = QVBoxLayout(left)
        column.addWidget(self.heading)
        column.addWidget(self.table, 1)
        column.addLayout(file_row)
        column.addLayout(token_row)
        column.addLayout(buttons)
        column.addWidget(self.progress)
        column.addWidget(self.panel, 1)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.viewer)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Documents waiting for my signature"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.sign_button.setText(self.tr("Sign checked documents…"))
        self.decline_button.setText(self.tr("Decline…"))
        self.file_choice.setText(self.tr("Key file (.p12)"))
        self.key_path.setPlaceholderText(self.tr("Path of the key file"))
        self.browse_button.setText(self.tr("Choose…"))
        self.token_choice.setText(self.tr("USB token"))
        self.tokens_button.setText(self.tr("Find tokens"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.connection.online:
            self.refresh()

    def _client(self) -> Client:
        return self.connection.client

    # -- SigningView ----------------------------------------------------------------------

    async def ask_secret(self, needs: str) -> str | None:
        if needs == "pin":
            dialog = TextDialog(
                self.tr("Token PIN"), self.tr("PIN of the USB token:"), secret=True, parent=self
            )
        else:
            dialog = TextDialog(
                self.tr("Key file password"),
                self.tr("Password of the key file:"),
                secret=True,
                parent=self,
            )
        answer = dialog.ask()
        self.dialog_shown.emit(dialog)
        return await answer

    def show_error(self, text: str) -> None:
        self.message.emit(text)

    def show_progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        self.progress.setVisible(done < total)

    # -- actions --------------------------------------------------------------------------

    @asyncSlot()
    async def refresh(self) -> None:
        try:
            rows = await self.controller.refresh()
        except (Disconnected, ServerError) as exc:
            self.message.emit(self.tr("The list cannot be loaded now: {0}").format(exc))
            return
        self.model.set_rows(rows, self.me.id if self.me else None)
        self.loaded.emit(len(rows))

    def _current(self) -> ps.SigningRequestView | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        wanted = rows[0].data(RequestIdRole)
        return next((r for r in self.model.rows if r.id == wanted), None)

    def _selected(self, _new: QItemSelection, _old: QItemSelection) -> None:
        request = self._current()
        if request is not None:
            self.open_request(request)

    @asyncSlot(object)
    async def open_request(self, request: ps.SigningRequestView) -> None:
        """Show the current revision at my field, and its signature panel."""
        try:
            _, pdf = await self.controller.revision(request)
            report = await self.controller.validate(request.id)
        except (Disconnected, ServerError, ValueError) as exc:
            self.message.emit(self.tr("The document cannot be opened now: {0}").format(exc))
            return
        self.viewer.load_bytes(pdf)
        field = self.controller.my_field(request)
        if field is not None:
            # QtPdf places points from the top left; the box is from the bottom left.
            size = self.viewer.document.pagePointSize(field.box.page - 1)
            top = max(size.height() - field.box.y2 - 20, 0)
            self.viewer.go_to_page(field.box.page, QPointF(field.box.x1, top))
        self.panel.show_report(report)
        self.opened.emit(request.id)

    def key_choice(self) -> KeyChoice | None:
        if self.file_choice.isChecked():
            path = self.key_path.text().strip()
            return KeyFile(Path(path)) if path else None
        index = self.token_box.currentIndex()
        return self.tokens[index].key if 0 <= index < len(self.tokens) else None

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Key file"), "", self.tr("Key files (*.p12 *.pfx)")
        )
        if path:
            self.key_path.setText(path)
            self.file_choice.setChecked(True)

    def find_tokens(self) -> None:
        try:
            self.tokens = token_entries(pkcs11_module())
        except SigningError as exc:
            self.tokens = []
            self.message.emit(exc.message_vi)
        self.token_box.clear()
        for entry in self.tokens:
            self.token_box.addItem(f"{entry.key.token_label}: {entry.subject}")
        if self.tokens:
            self.token_choice.setChecked(True)
        else:
            self.message.emit(self.tr("No USB token with a certificate was found."))

    @asyncSlot()
    async def sign_checked(self) -> None:
        """Sign every checked document (or the selected one) with one password/PIN entry."""
        requests = self.model.checked_rows() or [r for r in [self._current()] if r is not None]
        if not requests:
            self.message.emit(self.tr("Tick the documents to sign first."))
            return
        key = self.key_choice()
        if key is None:
            self.message.emit(self.tr("Choose a key file or a token first."))
            return
        self.sign_button.setEnabled(False)
        self.progress.show()
        try:
            done = await self.controller.sign(requests, key)
        finally:
            self.sign_button.setEnabled(True)
        if done:
            self.message.emit(self.tr("Signed and sent: %n document(s).", "", len(done)))
            self.panel.show_report(await self.controller.validate(done[-1].id))
        await self.refresh()
        self.signed.emit(len(done))

    @asyncSlot()
    async def decline_selected(self) -> None:
        request = self._current()
        if request is None:
            self.message.emit(self.tr("Select the document to decline first."))
            return
        dialog = TextDialog(
            self.tr("Decline to sign"),
            self.tr("Why do you decline? The sender will read this."),
            secret=False,
            parent=self,
        )
        answer = dialog.ask()
        self.dialog_shown.emit(dialog)
        reason = await answer
        if reason is None:
            return
        try:
            await self.controller.decline(request, reason)
        except ServerError as exc:
            self.message.emit(exc.message_vi)
            return
        await self.refresh()
