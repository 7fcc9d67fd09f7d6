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
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.collect()
