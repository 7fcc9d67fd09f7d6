"""The chair's meeting settings through the real server: the quorum rule and the speaking
time change, every screen's quorum badge follows, and a share above one is not sent."""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot

from meetings import protocol_live as pl
from tests.live.conftest import DELEGATES, Connect, running_meeting
from tests.live_client.conftest import OpenLive, click, save_shot, until


async def test_chair_sets_quorum_and_speaking_time(
    qtbot: QtBot, live_window: OpenLive, connect: Connect, vietnamese: Any
) -> None:
    secretary = await connect("thuky")
    meeting = await running_meeting(secretary, await connect("chutich"))
    mid = meeting["id"]
    chair_window, chair = await live_window("chutich", mid)
    _dw, delegate = await live_window(DELEGATES[0], mid)
    assert chair.settings_button.isVisibleTo(chair)
    assert not delegate.settings_button.isVisibleTo(delegate)
    assert chair.quorum.text() == "Chưa đủ số lượng: 0/12 thành viên có mặt (cần 7)"

    click(qtbot, chair.settings_button)
    dialog = chair.settings_dialog
    assert dialog is not None and dialog.isVisible()
    assert (dialog.numerator.value(), dialog.denominator.value()) == (1, 2)
    assert dialog.rule.currentText() == "quá"
    assert dialog.speaking.value() == 5
    assert dialog.preview.text() == "Với 12 thành viên, cần 7 người có mặt."

    # More than one: refused on the spot, nothing sent.
    dialog.numerator.setValue(3)
    assert not dialog.ok_button.isEnabled()
    assert "từ 0 đến 1" in dialog.preview.text()

    # At least two thirds, three minutes' speaking time.
    dialog.numerator.setValue(2)
    dialog.denominator.setValue(3)
    dialog.rule.setCurrentIndex(1)
    dialog.speaking.setValue(3)
    assert dialog.preview.text() == "Với 12 thành viên, cần 8 người có mặt."
    save_shot(dialog, "settings-dialog")
    click(qtbot, dialog.ok_button)
    await until(lambda: not dialog.isVisible(), "the dialog closed once the server took it")

    await until(lambda: "(cần 8)" in chair.quorum.text(), "the chair's badge follows")
    await until(lambda: "(cần 8)" in delegate.quorum.text(), "a delegate's badge follows")
    assert chair.floor.limit.value() == 3
    state = pl.LiveStateView.model_validate(await secretary.call("live.state.get", meeting_id=mid))
    assert (state.quorum.numerator, state.quorum.denominator, state.quorum.strict) == (2, 3, False)
    assert state.speaking_seconds == 180

    # Eight present now make the quorum ("at least"), where seven did not.
    for name in DELEGATES[:7]:
        await (await connect(name)).call("live.check_in", meeting_id=mid)
    await until(lambda: "7/12" in chair.quorum.text(), "seven present")
    assert chair.quorum.reached is False
    await (await connect(DELEGATES[7])).call("live.check_in", meeting_id=mid)
    await until(lambda: chair.quorum.reached is True, "eight make the quorum")
    assert chair.quorum.text() == "Đủ số lượng: 8/12 thành viên có mặt (cần 8)"
    save_shot(chair_window, "settings-applied")

    # Opened again, the dialog shows the meeting as it stands.
    click(qtbot, chair.settings_button)
    assert (dialog.numerator.value(), dialog.denominator.value()) == (2, 3)
    assert dialog.rule.currentIndex() == 1 and dialog.speaking.value() == 3
    dialog.reject()
