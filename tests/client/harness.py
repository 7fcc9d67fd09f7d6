"""Start a client window the way a person would use it: fill the sign-in form, click."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ecabinet.core.settings import Settings
from ecabinet.net.connection import Connection
from ecabinet.shell.window import MainWindow
from tests.client.conftest import wait_signal


def new_window(qtbot: QtBot, settings: Settings) -> MainWindow:
    window = MainWindow(settings, Connection(retry_delay=0.05, max_retry_delay=0.5))
    qtbot.addWidget(window)
    window.show()
    return window


def fill_sign_in(window: MainWindow, url: str, username: str, password: str) -> None:
    window.login.server.setText(url)
    window.login.username.setText(username)
    window.login.password.setText(password)


async def sign_in(qtbot: QtBot, window: MainWindow, url: str, username: str, password: str) -> None:
    fill_sign_in(window, url, username, password)
    ready = wait_signal(window.ready)
    qtbot.mouseClick(window.login.sign_in_button, Qt.MouseButton.LeftButton)
    await ready


async def close_window(window: MainWindow) -> None:
    await window.close_async()
    window.close()
