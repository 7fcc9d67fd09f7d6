"""Live-meeting client tests: client windows on a qasync loop (Qt, the clients and the real
server share one thread) against the hall of tests/live (a chair, a secretary, 10 delegates
and 3 ward halls)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any, Protocol

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from ecabinet.core.i18n import Translations
from ecabinet.core.settings import Settings
from ecabinet.live.screen import LiveScreen
from ecabinet.net.client import Client
from ecabinet.net.connection import Connection
from ecabinet.shell.window import MainWindow
from meetings import protocol_live as pl
from server.app import RunningServer, running
from server.config import ServerConfig
from tests.client.harness import close_window, sign_in
from tests.client.screens import save_screenshot
from tests.live.conftest import Connect, seed_hall
from tests.server.conftest import FAST_AUTH
from tests.server.org import PASSWORD
from tests.support.qt import fonts, pytest_asyncio_loop_factories  # noqa: F401


@pytest.fixture
async def hall(tmp_path: Path) -> AsyncIterator[RunningServer]:
    """The hall of tests/live: a chair, a secretary, 10 delegates and 3 ward halls."""
    data = tmp_path / "data"
    seed_hall(data)
    async with running(ServerConfig(data_dir=data, port=0, auth=FAST_AUTH)) as srv:
        yield srv


@pytest.fixture
async def connect(hall: RunningServer) -> AsyncIterator[Connect]:
    """Plain protocol clients for the people the test does not need a window for."""
    clients: list[Client] = []

    async def as_user(username: str) -> Client:
        client = await Client.connect(hall.url, pinned=hall.fingerprint)
        await client.login(username, PASSWORD)
        clients.append(client)
        return client

    yield as_user
    for client in clients:
        await client.close()


@pytest.fixture
def vietnamese(qapp: QApplication) -> Any:
    translations = Translations(qapp)
    translations.switch("vi")
    yield translations
    translations.switch("en")


async def until(predicate: Callable[[], bool], what: str, seconds: float = 15.0) -> None:
    """Let the loop run until `predicate` holds (bounded in time and in turns)."""
    with contextlib.suppress(TimeoutError):
        async with asyncio.timeout(seconds):
            for _turn in range(int(seconds / 0.01) + 1):
                if predicate():
                    return
                await asyncio.sleep(0.01)
    raise AssertionError(f"timed out after {seconds} s waiting for {what}")


def live_view(screen: LiveScreen) -> pl.LiveStateView:
    view = screen.state.view
    assert view is not None, "the live state is not loaded"
    return view


def click(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def save_shot(widget: QWidget, name: str) -> Path:
    """A screenshot of a live screen beside the client's others (bench/out/client-screens)."""
    return save_screenshot(widget, f"live-{name}")


class OpenLive(Protocol):
    def __call__(
        self, username: str, meeting_id: str, *, loaded: bool = True
    ) -> Awaitable[tuple[MainWindow, LiveScreen]]: ...


@pytest.fixture
async def live_window(qtbot: QtBot, tmp_path: Path, hall: RunningServer) -> AsyncIterator[OpenLive]:
    """`await live_window(username, meeting_id)`: a person signs in, opens the meeting and
    clicks "Live meeting". The windows close before the server stops."""
    windows: list[MainWindow] = []

    async def open_live(
        username: str, meeting_id: str, *, loaded: bool = True
    ) -> tuple[MainWindow, LiveScreen]:
        settings = Settings(tmp_path / username / "ecabinet.ini")
        settings.cache_dir = tmp_path / username / "cache"
        # Not handed to qtbot, which would delete the window before this fixture closes it.
        window = MainWindow(settings, Connection(retry_delay=0.05, max_retry_delay=0.5))
        windows.append(window)
        window.show()
        window.resize(1366, 768)  # a hall laptop
        await sign_in(qtbot, window, hall.url, username, PASSWORD)
        workspace = window.workspace
        assert workspace is not None
        page = await workspace.open_meeting(meeting_id)
        assert page is not None and page.live_button.isVisible()
        click(qtbot, page.live_button)
        await until(
            lambda: any(s.state.view is not None or not loaded for s in workspace.live_screens()),
            f"{username}'s live screen",
        )
        return window, workspace.live_screens()[0]

    yield open_live
    for window in windows:
        await close_window(window)
        window.deleteLater()
