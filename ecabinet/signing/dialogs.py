"""Small dialogs the signing page awaits: the key's password or PIN, a reason to decline."""

from __future__ import annotations

import asyncio

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


class TextDialog(QDialog):
    """One line of secret (password, PIN) or a few lines of text (a reason)."""

    def __init__(self, title: str, prompt: str, *, secret: bool, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("signingSecretDialog" if secret else "signingReasonDialog")
        self.setWindowTitle(title)
        self.prompt = QLabel(prompt)
        self.line = QLineEdit()
        self.line.setEchoMode(QLineEdit.EchoMode.Password)
        self.text = QPlainTextEdit()
        self.line.setVisible(secret)
        self.text.setVisible(not secret)
        self.secret = secret
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.prompt, self.line, self.text, self.buttons):
            layout.addWidget(widget)

    def value(self) -> str:
        return self.line.text() if self.secret else self.text.toPlainText().strip()

    async def ask(self) -> str | None:
        """Show the dialog (window-modal, the event loop keeps running) and await the answer."""
        future: asyncio.Future[int] = asyncio.get_running_loop().create_future()

        def finished(result: int) -> None:
            if not future.done():
                future.set_result(result)

        self.finished.connect(finished)
        self.open()
        self.line.setFocus() if self.secret else self.text.setFocus()
        accepted = await future == QDialog.DialogCode.Accepted.value
        value = self.value()
        self.line.clear()  # do not keep a PIN in a widget longer than needed
        self.deleteLater()
        return value if accepted and value else None
