"""The Qt side of the client's tests: each async test runs on a qasync loop over the one
QApplication, and the bundled fonts are registered once. A conftest takes these by importing
them (pytest finds hooks and fixtures by name in a conftest's namespace)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import pytest
import qasync
from PySide6.QtWidgets import QApplication

from ecabinet.core.fonts import register_fonts


def _qt_loop() -> Any:
    app = QApplication.instance() or QApplication(["ecabinet-tests"])
    return qasync.QEventLoop(app, already_running=False)


def pytest_asyncio_loop_factories(
    config: pytest.Config, item: pytest.Item
) -> Mapping[str, Callable[[], Any]]:
    return {"qt": _qt_loop}


@pytest.fixture(scope="session", autouse=True)
def fonts(qapp: QApplication) -> list[str]:
    return register_fonts()
