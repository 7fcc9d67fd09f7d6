"""The connection state as a person reads it in the status bar."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ecabinet.net.connection import LinkState

_TEXT = {
    LinkState.OFFLINE: QT_TRANSLATE_NOOP("LinkStatus", "Offline"),
    LinkState.CONNECTING: QT_TRANSLATE_NOOP("LinkStatus", "Connecting…"),
    LinkState.ONLINE: QT_TRANSLATE_NOOP("LinkStatus", "Connected"),
    LinkState.RECONNECTING: QT_TRANSLATE_NOOP(
        "LinkStatus", "Connection lost: reconnecting… (you can keep reading)"
    ),
    LinkState.CERTIFICATE_CHANGED: QT_TRANSLATE_NOOP(
        "LinkStatus", "Refused: the server's certificate changed"
    ),
    LinkState.SIGNED_OUT: QT_TRANSLATE_NOOP("LinkStatus", "Signed out: please sign in again"),
}
RECONNECTED = QT_TRANSLATE_NOOP("LinkStatus", "Reconnected")
OFFLINE_MODE = QT_TRANSLATE_NOOP("LinkStatus", "Offline: showing the copy on this laptop")


def link_text(state: LinkState) -> str:
    return QCoreApplication.translate("LinkStatus", str(_TEXT[state]))


def translated(text: object) -> str:
    return QCoreApplication.translate("LinkStatus", str(text))
