"""The chair's keys on a real server: F6 moves to the next item, F7 gives the floor to the
first in the queue, F8 ends it, F9 opens the vote and Shift+F9 closes it; the tooltips name
them, and a delegate's screen has none."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from meetings.live.model import VoteStatus
from tests.live.conftest import DELEGATES, Connect, running_meeting
from tests.live_client.conftest import OpenLive, live_view, until


async def test_chair_runs_the_meeting_from_the_keyboard(
    qtbot: QtBot, live_window: OpenLive, connect: Connect, vietnamese: Any
) -> None:
    chair_client = await connect("chutich")
    meeting = await running_meeting(await connect("thuky"), chair_client)
    mid = meeting["id"]
    window, chair = await live_window("chutich", mid)
    _dw, delegate = await live_window(DELEGATES[0], mid)
    assert len(chair.shortcuts) == 5 and delegate.shortcuts == []
    assert chair.agenda.next_button.toolTip() == "Phím tắt: F6"
    assert chair.floor.give_button.toolTip() == "Phím tắt: F7"
    assert chair.floor.end_button.toolTip() == "Phím tắt: F8"
    assert chair.vote_control.open_button.toolTip().endswith("Phím tắt: F9")
    assert chair.vote_control.close_button.toolTip() == "Phím tắt: Shift+F9"
    window.raise_()
    window.activateWindow()
    await until(lambda: window.isActiveWindow(), "the chair's window active")
    chair.setFocus()

    qtbot.keyClick(chair, Qt.Key.Key_F6)
    first = meeting["agenda"][0]["id"]
    await until(lambda: live_view(chair).current_item == first, "F6: the first item")

    await chair_client.call("live.check_in", meeting_id=mid)
    speakers = []
    for name in DELEGATES[1:8]:
        other = await connect(name)
        await other.call("live.check_in", meeting_id=mid)
        speakers.append(other)
    await speakers[0].call("live.ask_floor", meeting_id=mid)
    await until(lambda: chair.floor.give_button.isEnabled(), "someone in the queue")
    asked = live_view(chair).queue[0].person_id
    qtbot.keyClick(chair, Qt.Key.Key_F7)
    await until(lambda: live_view(chair).floor is not None, "F7: the floor given")
    assert live_view(chair).floor.person_id == asked  # type: ignore[union-attr]
    qtbot.keyClick(chair, Qt.Key.Key_F8)
    await until(lambda: live_view(chair).floor is None, "F8: the floor ended")

    chair.vote_control.question.setText("Thông qua báo cáo?")
    await until(lambda: chair.vote_control.open_button.isEnabled(), "a vote may open")
    qtbot.keyClick(chair, Qt.Key.Key_F9)
    await until(lambda: bool(live_view(chair).votes), "F9: the vote opened")
    qtbot.keyClick(chair, Qt.Key.Key_F9, Qt.KeyboardModifier.ShiftModifier)
    await until(lambda: live_view(chair).votes[-1].status is VoteStatus.CLOSED, "Shift+F9: closed")
    # F6 again: the second item; the delegate's screen does not react to the keys.
    qtbot.keyClick(delegate, Qt.Key.Key_F6)
    qtbot.keyClick(chair, Qt.Key.Key_F6)
    second = meeting["agenda"][1]["id"]
    await until(lambda: live_view(chair).current_item == second, "F6: the second item")
    assert len(live_view(chair).votes) == 1
