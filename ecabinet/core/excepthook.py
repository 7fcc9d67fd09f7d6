"""One place where unexpected errors end: logged, and shown to the person in a dialog."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

log = logging.getLogger("ecabinet")
Hook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def install() -> Hook:
    """Route uncaught errors (also those of async slots) here; returns the previous hook."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        log.error("unexpected error\n%s", "".join(traceback.format_exception(kind, error, tb)))
        if QApplication.instance() is None:
            return
        box = QMessageBox(QApplication.activeWindow())
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(QCoreApplication.translate("ErrorDialog", "Unexpected error"))
        box.setText(
            QCoreApplication.translate(
                "ErrorDialog", "Something went wrong. Your work is kept; details are in the log."
            )
        )
        box.setDetailedText(f"{kind.__name__}: {error}")
        box.open()

    sys.excepthook = hook
    return previous
