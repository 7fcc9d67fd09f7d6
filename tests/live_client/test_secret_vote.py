"""A secret ballot on the delegate's screen: the ballot is counted, the counts stay hidden
until the chair closes the vote; the screen follows a switch of language."""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot

from meetings.live.model import Choice, VoteKind
from tests.live.conftest import DELEGATES, Connect, running_meeting
from tests.live_client.conftest import OpenLive, click, save_shot, until


async def test_a_secret_ballot_is_counted_and_its_counts_wait_for_the_close(
    qtbot: QtBot, live_window: OpenLive, connect: Connect, vietnamese: Any
) -> None:
    chair_client = await connect("chutich")
    meeting = await running_meeting(await connect("thuky"), chair_client)
    mid = meeting["id"]
    for name in DELEGATES[1:8]:
        await (await connect(name)).call("live.check_in", meeting_id=mid)
    _cw, chair = await live_window("chutich", mid)
    delegate_window, delegate = await live_window(DELEGATES[0], mid)
    click(qtbot, delegate.delegate.check_in_button)
    click(qtbot, chair.agenda.next_button)
    await until(lambda: chair.vote_control.open_button.isEnabled(), "ready to vote")

    chair.vote_control.question.setText("Tín nhiệm phương án đầu tư?")
    chair.vote_control.kind.setCurrentIndex(chair.vote_control.kind.findData(VoteKind.SECRET))
    chair.vote_control.timer.setValue(600)
    click(qtbot, chair.vote_control.open_button)
    await until(lambda: delegate.ballot.isVisible(), "the secret ballot shown")
    assert delegate.results.status.text().startswith("Đang mở (bỏ phiếu kín, kết thúc lúc ")
    click(qtbot, delegate.ballot.buttons[Choice.NO])
    await until(
        lambda: delegate.ballot.result.text() == "Phiếu của bạn đã được ghi nhận (bỏ phiếu kín).",
        "the ballot counted",
    )
    save_shot(delegate_window, "delegate-secret-ballot")
    await until(lambda: "1/8" in chair.results.status.text(), "one ballot on the chair's screen")
    assert chair.results.hidden_note.isVisible()
    assert all(bar.value() == 0 for bar in chair.results.bars.values())
    assert not chair.results.names.isVisible()

    click(qtbot, chair.vote_control.close_button)
    await until(lambda: chair.results.bars[Choice.NO].value() == 1, "the counts once closed")
    assert not chair.results.hidden_note.isVisible()
    assert chair.results.status.text() == "Đã kết thúc (bỏ phiếu kín): 1/8 đã biểu quyết"

    # The source language, switched live.
    vietnamese.switch("en")
    try:
        await until(
            lambda: chair.results.status.text() == "Closed (secret): 1 of 8 voted", "English"
        )
        assert chair.agenda.next_button.text() == "&Next item ▶"
        assert chair.quorum.text() == "Quorum reached: 8 of 12 members present (7 required)"
    finally:
        vietnamese.switch("vi")
    await until(
        lambda: chair.quorum.text() == "Đủ số lượng: 8/12 thành viên có mặt (cần 7)", "Vietnamese"
    )
