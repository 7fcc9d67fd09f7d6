"""The sign-in screen: server address, user name, password, fingerprint, demo accounts."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ecabinet.login.demo_accounts import DemoAccount


def two_lines(fingerprint: str) -> str:
    """A SHA-256 fingerprint as two lines of 16 bytes, easier to compare by eye."""
    return fingerprint[:47] + "\n" + fingerprint[48:]


class LoginPage(QWidget):
    """Emits `submitted(url, username, password)`; the controller does the rest."""

    submitted = Signal(str, str, str)

    def __init__(
        self,
        server_url: str,
        username: str,
        demo_accounts: list[DemoAccount],
        language: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("loginPage")
        self._demo = demo_accounts
        self._language = language
        self.title = QLabel()
        self.title.setObjectName("loginTitle")
        self.server = QLineEdit(server_url)
        self.username = QLineEdit(username)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.sign_in_button = QPushButton()
        self.sign_in_button.setDefault(True)
        self.fingerprint = QLabel()
        self.fingerprint.setWordWrap(True)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = QLabel()
        self.message.setObjectName("loginMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        self._server_label, self._user_label, self._password_label = QLabel(), QLabel(), QLabel()

        form = QFormLayout()
        form.addRow(self._server_label, self.server)
        form.addRow(self._user_label, self.username)
        form.addRow(self._password_label, self.password)

        card = QFrame()
        card.setObjectName("loginCard")
        card.setMinimumWidth(520)
        card.setMaximumWidth(620)
        column = QVBoxLayout(card)
        column.addWidget(self.title)
        column.addLayout(form)
        column.addWidget(self.sign_in_button)
        column.addWidget(self.message)
        column.addWidget(self.fingerprint)

        self.demo_box = QGroupBox()
        self.demo_buttons: list[QPushButton] = []
        grid = QGridLayout(self.demo_box)
        for index, account in enumerate(demo_accounts):
            button = QPushButton()
            button.setProperty("username", account.username)
            button.clicked.connect(lambda _=False, a=account: self.fill(a))
            grid.addWidget(button, index // 2, index % 2)
            self.demo_buttons.append(button)
        self.demo_box.setVisible(bool(demo_accounts))
        column.addWidget(self.demo_box)

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)

        self.sign_in_button.clicked.connect(self._submit)
        self.password.returnPressed.connect(self._submit)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Sign in to eCabinet"))
        self._server_label.setText(self.tr("Server"))
        self._user_label.setText(self.tr("User name"))
        self._password_label.setText(self.tr("Password"))
        self.sign_in_button.setText(self.tr("Sign in"))
        self.demo_box.setTitle(self.tr("Demo accounts (click to fill in)"))
        for button, account in zip(self.demo_buttons, self._demo, strict=True):
            button.setText(account.label(self._language))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_language(self, language: str) -> None:
        self._language = language
        self.retranslate()

    def fill(self, account: DemoAccount) -> None:
        self.username.setText(account.username)
        self.password.setText(account.password)
        self.password.setFocus()

    def _submit(self) -> None:
        self.message.hide()
        self.submitted.emit(self.server.text(), self.username.text(), self.password.text())

    # -- LoginView ------------------------------------------------------------------------

    def set_busy(self, busy: bool) -> None:
        self.sign_in_button.setEnabled(not busy)
        self.sign_in_button.setText(self.tr("Connecting…") if busy else self.tr("Sign in"))

    def show_error(self, text: str) -> None:
        self.message.setProperty("level", "error")
        self.message.setText(text)
        self.message.show()

    def show_fingerprint(self, fingerprint: str | None, first_use: bool) -> None:
        if fingerprint is None:
            self.fingerprint.setText(self.tr("Unencrypted connection (loopback only)."))
        elif first_use:
            self.fingerprint.setText(
                self.tr(
                    "First connection to this server. Its certificate fingerprint (SHA-256), "
                    "which this laptop will remember:\n{0}"
                ).format(two_lines(fingerprint))
            )
        else:
            self.fingerprint.setText(
                self.tr("Server certificate (SHA-256), as remembered:\n{0}").format(
                    two_lines(fingerprint)
                )
            )

    def show_certificate_changed(self, pinned: str, presented: str) -> None:
        self.message.setProperty("level", "danger")
        self.message.setText(
            self.tr(
                "Warning: the server's certificate has changed. Someone may be impersonating the "
                "server, so this laptop refuses to connect and did not send your password. "
                "Ask your administrator.\nRemembered: {0}\nPresented: {1}"
            ).format(two_lines(pinned), two_lines(presented))
        )
        self.message.show()
        self.adjustSize()
