"""Reading back what the client shows, and opening a call the way the client does."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import av
from PySide6.QtGui import QImage

from ecabinet.call.controller import CallController
from ecabinet.net.connection import Connection
from media.exceptions import PatternError
from media.ice import LOOPBACK
from media.synthetic import read_pattern
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
