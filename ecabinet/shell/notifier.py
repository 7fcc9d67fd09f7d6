"""Telling the person about changes: a tray message when a tray exists, and the last message
kept for the status bar and for tests."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QStyle, QSystemTrayIcon, QWidget


class Notifier(QObject):
    notified = Signal(str, str)  # title, text

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            icon: QIcon = window.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogInfoView)
            self.tray = QSystemTrayIcon(icon, self)
            self.tray.show()
        self.last: tuple[str, str] | None = None

    def _notify(self, title: str, text: str) -> None:
        self.last = (title, text)
        if self.tray is not None:
            self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 8000)
        self.notified.emit(title, text)

    def meeting_changed(self, title: str, reason: str, known: bool) -> None:
        if reason == "published" or not known:
            self._notify(self.tr("New meeting"), title)
        elif reason in ("started", "ended"):
            self._notify(self.tr("Meeting status changed"), title)
        else:
            self._notify(self.tr("Meeting changed"), title)

    def document_replaced(self, title: str) -> None:
        self._notify(self.tr("A document was replaced by a new version"), title)
