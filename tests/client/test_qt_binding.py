"""The Qt binding keeps Python's reference counts: PySide6 6.12.0 under Python 3.11 lost a
reference to None on every call of a method returning nothing and to True on every signal
emitted from Python, and a client that ran long enough aborted the interpreter
(pyproject.toml keeps it out)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel

CALLS = 2_000


class _Emitter(QObject):
    fired = Signal(bool)


def test_methods_and_signals_keep_the_counts_of_none_and_true(qapp: QApplication) -> None:
    label = QLabel()
    emitter = _Emitter()
    seen: list[bool] = []
    emitter.fired.connect(seen.append)
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(CALLS):
        label.setText("Đã kết nối")
        emitter.fired.emit(True)
    seen.clear()
    # Other code may take or drop a few references meanwhile; a leak loses one per call.
    assert abs(sys.getrefcount(None) - none_before) < CALLS // 10
    assert abs(sys.getrefcount(True) - true_before) < CALLS // 10
