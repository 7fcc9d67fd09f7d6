"""Ward-hall mode: the room PC joins today's meeting by itself, shows the spotlighted hall
large and its own picture small, and its one big button puts it in the floor queue."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from pytestqt.qtbot import QtBot

from ecabinet.call.media_thread import MediaThread
from ecabinet.call.model import Phase
from ecabinet.call.ward_hall import WardHallMode, choose_meeting, is_room_account
from ecabinet.core.meeting_time import MEETING_ZONE
from ecabinet.data.meeting_store import MeetingStore
from meetings import protocol as p
from meetings import protocol_live as pl
from meetings.meeting import MeetingStatus
from tests.call_client.conftest import Connect, Login, Sites
from tests.call_client.helpers import image_pattern
from tests.client.screens import save_screenshot
from tests.server.meeting_helpers import published_meeting
from tests.support.progress import Progress


def summary(
    title: str,
    starts: datetime,
    *,
    video: bool = True,
    status: MeetingStatus = MeetingStatus.PUBLISHED,
) -> p.MeetingSummary:
    return p.MeetingSummary(
        id=f"mtg_{abs(hash(title)) % 10**16:016x}",
        title=title,
        organiser_unit_id="ubnd",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        hall=None,
        video=video,
        status=status,
        version=1,
        planned_minutes=60,
    )


def test_the_soonest_video_meeting_of_today_is_chosen() -> None:
    now = datetime(2026, 12, 1, 9, 0, tzinfo=MEETING_ZONE)
    later = summary("Chiều", now + timedelta(hours=5))
    soon = summary("Sáng", now + timedelta(minutes=30))
    running = summary("Đang họp", now - timedelta(minutes=30), status=MeetingStatus.IN_PROGRESS)
    no_video = summary("Không có hình", now + timedelta(minutes=10), video=False)
    tomorrow = summary("Ngày mai", now + timedelta(days=1))
    draft = summary("Nháp", now + timedelta(minutes=5), status=MeetingStatus.DRAFT)
    assert choose_meeting([later, soon, no_video, tomorrow, draft], now) == soon
    assert choose_meeting([later, soon, running], now) == running
    assert choose_meeting([tomorrow, no_video], now) is None


async def test_ward_hall_joins_shows_the_hall_and_raises_its_hand(
    qtbot: QtBot,
    vietnamese: Any,
    connect: Connect,
    login: Login,
    new_site: Sites,
    remote: MediaThread,
    progress: Progress,
) -> None:
    secretary = await login("secretary")
    chair = await login("chair")
    now = datetime.now(MEETING_ZONE)
    start = max(now - timedelta(minutes=5), now.replace(hour=0, minute=0, second=0))
    meeting = await remote.run(
        published_meeting(
            secretary,
            title="Họp trực tuyến với các phường",
            starts_at=start.isoformat(),
            ends_at=(now + timedelta(hours=3)).isoformat(),
            invited_unit_ids=["ubnd", "phu-cuong", "hiep-thanh"],
        )
    )
    await remote.run(chair.call("meeting.transition", meeting_id=meeting["id"], to="in_progress"))
    await remote.run(chair.call("live.next_item", meeting_id=meeting["id"], expected_item_id=None))
    hall = await new_site("chair", 7)  # the city's hall, seen by every ward
    await remote.run(hall.join(meeting["id"]))

    connection = await connect("room")
    assert is_room_account(connection.me)
    assert connection.me is not None
    store = MeetingStore()
    await store.refresh(connection)
    mode = WardHallMode(store, connection, connection.me, full_screen=False)
    try:
        assert mode.arm() is not None and mode.meeting is not None
        assert mode.meeting.id == meeting["id"]
        await progress.wait_for(lambda: mode.view is not None, "the ward-hall screen to open")
        view = mode.view
        assert view is not None
        view.resize(1000, 700)
        controller = view.controller
        controller.on_change.append(lambda _what: progress.notify())
        controller.on_picture.append(lambda *_args: progress.notify())
        await progress.wait_for(
            lambda: controller.session.phase is Phase.JOINED, "the room to join by itself"
        )
        await progress.wait_for(
            lambda: image_pattern(view.big.image) == 7, "the hall's picture, large"
        )
        await progress.wait_for(
            lambda: view.self_view.image is not None, "the room's own picture, small"
        )
        assert view.big_site == hall.site
        assert view.hand_button.text() == "Giơ tay xin phát biểu"
        save_screenshot(view, "call-ward-hall")

        view.hand_button.click()
        said: list[str] = []
        controller.on_message.append(said.append)
        await progress.wait_for(lambda: controller.session.hand_raised or bool(said), "the hand up")
        assert not said
        state = pl.LiveStateView.model_validate(
            await remote.run(secretary.call("live.state.get", meeting_id=meeting["id"]))
        )
        assert [q.person_id for q in state.queue] == [connection.me.id]
        assert view.hand_button.text() == "Đã giơ tay: đang chờ được phát biểu"
    finally:
        await mode.close()
