"""Collect garbage in the GUI thread only.

Python's collector runs in whichever thread happens to allocate when a threshold is crossed:
in the client that can be a worker thread (file hashing, disk writes, the embedded server in
tests). If it then frees the last reference to a Qt object, Qt destroys it outside the GUI
thread, which crashes. So automatic collection is switched off and a timer in the GUI thread
collects instead, generation by generation, as the thresholds say.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class GuiThreadCollector(QObject):
    def __init__(self, interval_ms: int = 500, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()

    def check(self) -> None:
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self._thresholds[generation]:
                gc.collect(generation)
                return
