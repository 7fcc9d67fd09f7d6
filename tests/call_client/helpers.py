"""Reading back what the client shows, and opening a call the way the client does."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import av
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from ecabinet.agenda.page import MeetingPage
from ecabinet.call.controller import CallController
from ecabinet.core.settings import Settings
from ecabinet.net.connection import Connection
from ecabinet.shell.window import MainWindow
from ecabinet.shell.workspace import Workspace
from media.exceptions import PatternError
from media.ice import LOOPBACK
from media.synthetic import read_pattern
from tests.call.conftest import USERNAMES
from tests.client.harness import new_window, sign_in
from tests.server import org
from tests.support.progress import Progress


def image_pattern(image: QImage | None) -> int | None:
    """The site number drawn in a picture the client shows, if it can be read back."""
    if image is None or image.isNull():
        return None
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    frame = av.VideoFrame(rgb.width(), rgb.height(), "rgb24")
    stride = rgb.bytesPerLine()
    data = bytes(rgb.constBits())
    line = frame.planes[0].line_size
    frame.planes[0].update(
        b"".join(
            data[y * stride : y * stride + rgb.width() * 3].ljust(line, b"\0")
            for y in range(rgb.height())
        )
    )
    try:
        return read_pattern(frame).site
    except PatternError:
        return None


def open_call(connection: Connection, meeting_id: str, progress: Progress) -> CallController:
    """A call controller drawing the synthetic pattern of the person's site number."""
    assert connection.me is not None
    controller = CallController(connection, meeting_id, connection.me, ice=LOOPBACK)
    controller.on_change.append(lambda _what: progress.notify())
    controller.on_picture.append(lambda _site, _image: progress.notify())
    return controller


def watch_numbers(controller: CallController, progress: Progress) -> dict[str, set[int]]:
    """The site numbers read back from each site's pictures, as they arrive."""
    seen: dict[str, set[int]] = {}

    def got(site: str, image: QImage) -> None:
        number = image_pattern(image)
        if number is not None:
            seen.setdefault(site, set()).add(number)
        progress.notify()

    controller.on_picture.append(got)
    return seen


async def wait_until(predicate: Callable[[], bool], what: str, seconds: float = 30.0) -> None:
    """Poll (for what the GUI's own timers update, which notify nobody)."""
    async with asyncio.timeout(seconds):
        for _ in range(int(seconds / 0.05) + 1):
            if predicate():
                return
            await asyncio.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


async def signed_in_window(qtbot: QtBot, url: str, key: str, tmp_path: Path) -> MainWindow:
    """The client's main window, signed in as one of the test organisation's people."""
    window = new_window(qtbot, Settings(tmp_path / f"{key}.ini"))
    window.settings.cache_dir = tmp_path / "cache"
    await sign_in(qtbot, window, url, USERNAMES[key], org.PASSWORD)
    assert window.workspace is not None
    return window


async def start_meeting(
    qtbot: QtBot, workspace: Workspace, meeting_id: str, progress: Progress
) -> MeetingPage:
    """Open the meeting's page and click "Bắt đầu cuộc họp", as the chair would."""
    page = await workspace.open_meeting(meeting_id)
    assert page is not None
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    await progress.wait_for(lambda: page.meeting.status == "in_progress", "the start")
    return page
