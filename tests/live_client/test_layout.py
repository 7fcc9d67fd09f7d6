"""The chair's screen fits a hall laptop (1366×768) with a ballot open, the ballot in sight,
and a 1920×1080 screen without scrolling."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from ecabinet.live.screen import LiveScreen
from tests.live.conftest import DELEGATES, Connect, running_meeting
from tests.live_client.conftest import OpenLive, save_shot, until


def inside(widget: QWidget, area: QWidget) -> bool:
    """The whole of `widget` is within `area` on screen (not cut off, not scrolled away)."""
    top_left = widget.mapTo(area.window(), QPoint(0, 0))
    shown = QRect(top_left, widget.size())
    frame = QRect(area.mapTo(area.window(), QPoint(0, 0)), area.size())
    return frame.contains(shown)


def chair_parts(screen: LiveScreen) -> list[QWidget]:
    return [
        screen.quorum,
        screen.settings_button,
        screen.agenda.next_button,
        screen.ballot.buttons[next(iter(screen.ballot.buttons))],
        screen.ballot.result,
        screen.vote_control.close_button,
    ]


async def test_chairs_screen_fits_a_hall_laptop_and_a_full_hd_screen(
    qtbot: QtBot, live_window: OpenLive, connect: Connect, vietnamese: Any
) -> None:
    chair_client = await connect("chutich")
    meeting = await running_meeting(await connect("thuky"), chair_client)
    mid = meeting["id"]
    window, chair = await live_window("chutich", mid)
    await chair_client.call("live.check_in", meeting_id=mid)
    for name in DELEGATES[:7]:
        await (await connect(name)).call("live.check_in", meeting_id=mid)
    await chair_client.call("live.next_item", meeting_id=mid, expected_item_id=None)
    await until(lambda: chair.quorum.reached is True, "the quorum")
    await chair_client.call(
        "live.open_vote",
        meeting_id=mid,
        question="Thông qua Tờ trình về kế hoạch đầu tư công trung hạn giai đoạn 2026 - 2030?",
    )
    await until(lambda: chair.ballot.isVisible(), "the chair's ballot")

    window.resize(1366, 768)
    await until(lambda: window.size().height() == 768, "the window at 1366×768")
    save_shot(window, "layout-1366x768")
    assert window.minimumSizeHint().height() <= 768
    for part in chair_parts(chair):
        assert part.isVisible() and inside(part, chair), part.objectName()
    # The centre column scrolls rather than cutting the floor off; the ballot is in sight.
    viewport = chair.centre.viewport()
    assert inside(chair.ballot, viewport)
    assert chair.centre.verticalScrollBar().maximum() > 0

    window.resize(1920, 1080)
    await until(lambda: window.size().height() == 1080, "the window at 1920×1080")
    bar = chair.centre.verticalScrollBar()
    await until(lambda: bar.maximum() == 0 and not bar.isVisible(), "no scrolling")
    save_shot(window, "layout-1920x1080")
    for part in [*chair_parts(chair), chair.floor.give_button, chair.delegate.floor_button]:
        assert part.isVisible() and inside(part, chair.window()), part.objectName()
    assert inside(chair.delegate, chair.centre.viewport())
