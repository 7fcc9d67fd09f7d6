"""The chair's screen and two delegates' windows on one real server: roll call and quorum,
the floor, a vote counted live, and a double click on "Next item"."""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot

from ecabinet.live.models import PersonIdRole
from meetings.live.model import Choice, Presence
from tests.live.conftest import DELEGATES, Connect, running_meeting
from tests.live_client.conftest import OpenLive, click, live_view, save_shot, until


async def _session(connect: Connect) -> dict[str, Any]:
    secretary = await connect("thuky")
    chair = await connect("chutich")
    return await running_meeting(secretary, chair)


async def test_check_in_and_the_quorum_on_the_chairs_screen(
    qtbot: QtBot, live_window: OpenLive, connect: Connect, vietnamese: Any
) -> None:
    meeting = await _session(connect)
    mid = meeting["id"]
    _chair_window, chair = await live_window("chutich", mid)
    _d1_window, d1 = await live_window(DELEGATES[0], mid)
    _d2_window, d2 = await live_window(DELEGATES[1], mid)
    assert chair.roles.chair and chair.vote_control.isVisibleTo(chair)
    assert not d1.roles.chair and not d1.vote_control.isVisibleTo(d1)
    assert chair.quorum.reached is False and "0/12" in chair.quorum.text()

    # Four delegates check in from elsewhere; the chair and one delegate click: 6 of 12.
    for name in DELEGATES[2:6]:
        other = await connect(name)
        await other.call("live.check_in", meeting_id=mid)
    click(qtbot, chair.delegate.check_in_button)
    click(qtbot, d1.delegate.check_in_button)
    await until(lambda: "6/12" in chair.quorum.text(), "six present on the chair's screen")
    assert chair.quorum.reached is False
    assert chair.quorum.text() == "Chưa đủ số lượng: 6/12 thành viên có mặt (cần 7)"
    assert "#b3261e" in chair.quorum.styleSheet()  # red
    assert not chair.vote_control.open_button.isEnabled()

    # The seventh member, online: the quorum is reached and shown so.
    d2.delegate.online.setChecked(True)
    click(qtbot, d2.delegate.check_in_button)
    await until(lambda: chair.quorum.reached is True, "the quorum reached on the chair's screen")
    assert "#1b7f3b" in chair.quorum.styleSheet()  # green
    assert chair.quorum.text() == "Đủ số lượng: 7/12 thành viên có mặt (cần 7)"
    model = chair.roll_call.model
    rows = {
        model.index(r, 0).data(PersonIdRole): model.index(r, 1).data()
        for r in range(model.rowCount())
    }
    me1 = d1.state.me
    me2 = d2.state.me
    assert rows[me1] == "Tại hội trường" and rows[me2] == "Trực tuyến (video)"
    await until(lambda: not d2.delegate.check_in_button.isEnabled(), "d2 checked in")
    assert "trực tuyến" in d2.delegate.presence.text()


async def test_secretary_marks_an_absence_with_a_reason(
    qtbot: QtBot, live_window: OpenLive, connect: Connect, vietnamese: Any
) -> None:
    meeting = await _session(connect)
    mid = meeting["id"]
    _sw, secretary = await live_window("thuky", mid)
    _cw, chair = await live_window("chutich", mid)
    assert secretary.roll_call.tools.isVisibleTo(secretary)
    absent = next(a for a in live_view(secretary).attendance if a.full_name == "Đại biểu số 09")
    secretary.roll_call.select_person(absent.person_id)
    click(qtbot, secretary.roll_call.absent_button)
    await until(lambda: secretary.message.isVisible(), "the missing reason pointed out")
    assert secretary.message.text() == "Vắng mặt cần có lý do."
    secretary.roll_call.reason.setText("Đi công tác")
    click(qtbot, secretary.roll_call.absent_button)

    def shown_on_chair() -> bool:
        model = chair.roll_call.model
        return any(
            model.index(r, 1).data() == "Vắng mặt" and model.index(r, 2).data() == "Đi công tác"
            for r in range(model.rowCount())
        )

    await until(shown_on_chair, "the absence on the chair's roll call")
    entry = next(a for a in live_view(chair).attendance if a.person_id == absent.person_id)
    assert entry.presence is Presence.ABSENT

    # The delegate joins from home after all: the secretary marks them online.
    secretary.roll_call.select_person(absent.person_id)
    click(qtbot, secretary.roll_call.online_button)
    await until(
        lambda: any(
            a.person_id == absent.person_id and a.presence is Presence.ONLINE
            for a in live_view(chair).attendance
        ),
        "marked online",
    )


async def test_floor_from_request_to_countdown_and_end(
    qtbot: QtBot, live_window: OpenLive, connect: Connect, vietnamese: Any
) -> None:
    meeting = await _session(connect)
    mid = meeting["id"]
    _cw, chair = await live_window("chutich", mid)
    _dw, delegate = await live_window(DELEGATES[0], mid)
    click(qtbot, chair.agenda.next_button)  # to the first item
    await until(
        lambda: (
            delegate.delegate.floor_button.isEnabled()
            or (delegate.state.view is not None and delegate.state.view.current_item is not None)
        ),
        "the first item",
    )
    assert delegate.delegate.item.text() == "Nội dung đang họp: Báo cáo kinh tế - xã hội"
    click(qtbot, delegate.delegate.check_in_button)
    await until(lambda: delegate.delegate.floor_button.isEnabled(), "asking enabled")
    assert delegate.delegate.floor_button.text() == "&Xin phát biểu"
    click(qtbot, delegate.delegate.floor_button)

    await until(lambda: chair.floor.queue.rowCount() == 1, "the queue on the chair's screen")
    assert chair.floor.queue.index(0).data() == "1. Lê Văn Đại"
    assert delegate.delegate.floor_button.text() == "&Rút đăng ký phát biểu"
    chair.floor.limit.setValue(3)
    click(qtbot, chair.floor.give_button)

    await until(
        lambda: delegate.delegate.speaker.text() == "Bạn đang có quyền phát biểu: mời nói.",
        "the delegate told they have the floor",
    )
    view = delegate.state.view
    assert view is not None and view.floor is not None and view.floor.limit_seconds == 180
    await until(lambda: chair.floor.countdown.text() != "", "the countdown running")
    minutes, seconds = chair.floor.countdown.text().split(":")
    assert 0 < int(minutes) * 60 + int(seconds) <= 180
    assert chair.floor.speaker.text() == "Đang phát biểu: Lê Văn Đại"
    assert chair.floor.queue.rowCount() == 0
    save_shot(chair.window(), "chair-floor")

    click(qtbot, chair.floor.end_button)
    await until(lambda: delegate.delegate.speaker.text() == "Chưa ai có quyền phát biểu.", "end")
    assert chair.floor.countdown.text() == ""
    assert [s.full_name for s in live_view(chair).speeches] == ["Lê Văn Đại"]


async def test_a_named_vote_counts_live_on_the_chairs_screen(
    qtbot: QtBot, live_window: OpenLive, connect: Connect, vietnamese: Any
) -> None:
    meeting = await _session(connect)
    mid = meeting["id"]
    _cw, chair = await live_window("chutich", mid)
    d1w, d1 = await live_window(DELEGATES[0], mid)
    _d2w, d2 = await live_window(DELEGATES[1], mid)
    for name in DELEGATES[2:7]:
        await (await connect(name)).call("live.check_in", meeting_id=mid)
    for screen in (chair, d1, d2):
        click(qtbot, screen.delegate.check_in_button)
    click(qtbot, chair.agenda.next_button)
    await until(
        lambda: chair.vote_control.open_button.isEnabled(), "a quorum and an item to vote on"
    )
    assert not d1.ballot.isVisible()
    assert d1w.workspace is not None
    d1w.workspace.setCurrentIndex(0)  # d1 looks at the calendar meanwhile
    chair.vote_control.question.setText("Thông qua báo cáo kinh tế - xã hội?")
    click(qtbot, chair.vote_control.open_button)

    await until(lambda: d1.ballot.isVisible() and d2.ballot.isVisible(), "the ballots shown")
    assert not chair.agenda.next_button.isEnabled()  # not while a vote is open
    assert d1w.workspace.currentWidget() is d1  # the ballot came forward
    assert d1.ballot.question.text() == "Thông qua báo cáo kinh tế - xã hội?"
    assert [b.text() for b in d1.ballot.buttons.values()] == [
        "Đồng ý",
        "Không đồng ý",
        "Không biểu quyết",
    ]
    save_shot(d1w, "delegate-vote-open")
    click(qtbot, d1.ballot.buttons[Choice.YES])
    await until(lambda: chair.results.bars[Choice.YES].value() == 1, "the first ballot counted")
    assert chair.results.bars[Choice.NO].value() == 0
    click(qtbot, d2.ballot.buttons[Choice.NO])
    await until(lambda: chair.results.bars[Choice.NO].value() == 1, "the second ballot counted")
    names = [chair.results.names.item(i).text() for i in range(chair.results.names.count())]
    assert sorted(names) == ["Lê Văn Đại: Đồng ý", "Đại biểu số 01: Không đồng ý"]
    assert chair.results.status.text() == "Đang mở (công khai): 2/8 đã biểu quyết"

    await until(lambda: d1.ballot.result.text() == "Bạn đã biểu quyết: Đồng ý", "what d1 voted")
    assert not any(b.isEnabled() for b in d1.ballot.buttons.values())
    save_shot(d1w, "delegate-vote-cast")
    save_shot(chair.window(), "chair-vote")

    click(qtbot, chair.vote_control.close_button)
    await until(lambda: not d1.ballot.isVisible(), "the ballot closed")
    assert chair.results.status.text().startswith("Đã kết thúc")
    assert chair.agenda.next_button.isEnabled()


async def test_a_double_click_on_next_item_moves_one_item(
    qtbot: QtBot, live_window: OpenLive, connect: Connect, vietnamese: Any
) -> None:
    meeting = await _session(connect)
    mid = meeting["id"]
    items = [i["id"] for i in meeting["agenda"]]
    _cw, chair = await live_window("chutich", mid)
    _dw, delegate = await live_window(DELEGATES[0], mid)
    click(qtbot, chair.agenda.next_button)
    await until(lambda: chair.agenda.shown_item() == items[0], "the first item")

    # Two clicks before the first answer: both say "from the first item"; only one moves.
    click(qtbot, chair.agenda.next_button)
    click(qtbot, chair.agenda.next_button)
    await until(lambda: chair.message.isVisible(), "the second click refused")
    assert chair.message.text() == "Cuộc họp đã chuyển sang nội dung khác."
    await until(lambda: delegate.agenda.shown_item() == items[1], "the delegate on item 2")
    assert chair.agenda.shown_item() == items[1]
    state = await (await connect("chutich")).call("live.state.get", meeting_id=mid)
    assert state["current_item"] == items[1]
    assert chair.agenda.model.current_row() == 1
    assert chair.agenda.model.index(1).data().startswith("▶")


async def test_a_ward_hall_checks_in_online_asks_to_speak_and_has_no_ballot(
    qtbot: QtBot, live_window: OpenLive, connect: Connect, vietnamese: Any
) -> None:
    meeting = await _session(connect)
    mid = meeting["id"]
    chair_client = await connect("chutich")
    await chair_client.call("live.check_in", meeting_id=mid)
    for name in DELEGATES[:6]:
        await (await connect(name)).call("live.check_in", meeting_id=mid)
    await chair_client.call("live.next_item", meeting_id=mid, expected_item_id=None)
    _cw, chair = await live_window("chutich", mid)
    room_window, room = await live_window("phong.chanhnghia", mid)
    assert room.delegate.online.isChecked()  # a ward hall takes part through the video
    click(qtbot, room.delegate.check_in_button)
    await until(lambda: room.delegate.floor_button.isEnabled(), "the ward hall checked in")
    model = chair.roll_call.model
    await until(
        lambda: any(
            model.index(r, 0).data() == "Điểm cầu phường Chánh Nghĩa (điểm cầu)"
            and model.index(r, 1).data() == "Trực tuyến (video)"
            for r in range(model.rowCount())
        ),
        "the ward hall online on the chair's roll call",
    )
    assert live_view(chair).quorum.present == 7  # a room is not a member
    click(qtbot, room.delegate.floor_button)
    await until(lambda: chair.floor.queue.rowCount() == 1, "the ward hall in the queue")
    assert chair.floor.queue.index(0).data() == "1. Điểm cầu phường Chánh Nghĩa"

    await chair_client.call("live.open_vote", meeting_id=mid, question="Thông qua?")
    await until(lambda: room.results.question.text() == "Thông qua?", "the vote seen")
    assert not room.ballot.isVisible()  # a room does not vote
    save_shot(room_window, "ward-hall")


async def test_before_the_meeting_starts_the_screen_says_so_and_follows_the_start(
    qtbot: QtBot, live_window: OpenLive, connect: Connect, vietnamese: Any
) -> None:
    secretary = await connect("thuky")
    meeting = await secretary.call(
        "meeting.create",
        title="Họp chuẩn bị",
        organiser_unit_id="ubnd",
        starts_at="2026-12-03T08:00:00+07:00",
        ends_at="2026-12-03T09:00:00+07:00",
        hall="Hội trường B",
        invited_unit_ids=["ubnd"],
    )
    await secretary.call("agenda.add", meeting_id=meeting["id"], title="Khai mạc")
    await secretary.call("meeting.transition", meeting_id=meeting["id"], to="published")
    _dw, delegate = await live_window(DELEGATES[0], meeting["id"], loaded=False)
    assert delegate.not_in_session.isVisible()
    assert delegate.not_in_session.text().startswith("Cuộc họp chưa bắt đầu")
    await until(lambda: delegate.message.isVisible(), "the server's answer shown")
    assert delegate.message.text() == "Cuộc họp không trong thời gian diễn ra."
    assert delegate.state.view is None and not delegate.delegate.check_in_button.isEnabled()

    chair = await connect("chutich")
    await chair.call("meeting.transition", meeting_id=meeting["id"], to="in_progress")
    await until(lambda: delegate.state.view is not None, "the live state once started")
    assert not delegate.not_in_session.isVisible() and not delegate.message.isVisible()
    click(qtbot, delegate.delegate.check_in_button)
    await until(lambda: live_view(delegate).quorum.present == 1, "checked in once started")
