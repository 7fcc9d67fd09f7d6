"""Fixtures shared by the whole suite."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator

import pytest

# Qt tests run without a display; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def collect_garbage_in_the_gui_thread(request: pytest.FixtureRequest) -> Iterator[None]:
    """In Qt tests, collect garbage only here in the main thread, as the client does
    (ecabinet/core/gui_gc.py): a collection in a worker thread could destroy Qt objects
    outside the GUI thread and crash the run."""
    if not {"qtbot", "qapp"} & set(request.fixturenames):
        yield
        return
    from PySide6.QtCore import QCoreApplication, QEvent

    gc.disable()
    try:
        yield
    finally:
        # Objects the test scheduled for deletion go now, here, before the collection.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.enable()
        gc.collect()
