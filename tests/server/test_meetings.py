from __future__ import annotations

import asyncio

import pytest

from ecabinet.net.client import ServerError
from meetings import protocol as p
from tests.server.conftest import Login
from tests.server.meeting_helpers import create_meeting, next_meeting_event, published_meeting


async def test_full_lifecycle_with_agenda(login: Login) -> None:
    secretary = await login("secretary")
    chair = await login("chair")
    meeting = await create_meeting(secretary)
    mid = meeting["id"]
    for title, minutes in (("Khai mạc", 10), ("Báo cáo kinh tế - xã hội", 45), ("Thảo luận", 60)):
        meeting = await secretary.call(
            "agenda.add", meeting_id=mid, title=title, planned_minutes=minutes
        )
    assert meeting["planned_minutes"] == 115
    ids = [i["id"] for i in meeting["agenda"]]
    meeting = await secretary.call(
        "agenda.reorder", meeting_id=mid, item_ids=[ids[0], ids[2], ids[1]]
    )
    assert [i["title"] for i in meeting["agenda"]] == [
        "Khai mạc",
        "Thảo luận",
        "Báo cáo kinh tế - xã hội",
    ]
    meeting = await secretary.call(
        "agenda.update",
        meeting_id=mid,
        item_id=ids[2],
        planned_minutes=30,
        presenter_name="Phòng Tài chính",
    )
    assert meeting["planned_minutes"] == 85  # 60 became 30
    meeting = await secretary.call("agenda.remove", meeting_id=mid, item_id=ids[1])
    assert len(meeting["agenda"]) == 2
    for status in ("published", "in_progress", "ended", "archived"):
        meeting = await chair.call("meeting.transition", meeting_id=mid, to=status)
        assert meeting["status"] == status
    with pytest.raises(ServerError) as caught:
        await secretary.call("agenda.add", meeting_id=mid, title="Muộn")
    assert caught.value.code == "invalid_state"
    with pytest.raises(ServerError) as caught:
        await secretary.call("meeting.update", meeting_id=mid, title="Đổi tên")
    assert caught.value.code == "invalid_state"
    again = await secretary.call("meeting.get", meeting_id=mid)
    assert again["status"] == "archived" and len(again["agenda"]) == 2


async def test_publishing_reaches_invitees_live_and_nobody_else(login: Login) -> None:
    secretary = await login("secretary")
    delegate = await login("delegate")
    room = await login("room")
    outsider = await login("outsider")
    meeting = await create_meeting(secretary)
    await secretary.call("agenda.add", meeting_id=meeting["id"], title="Khai mạc")
    await secretary.call("meeting.transition", meeting_id=meeting["id"], to="published")
    for client in (delegate, room):
        event = await next_meeting_event(client, meeting["id"])
        assert isinstance(event, p.MeetingUpdated)
        assert event.reason == "published"
        assert [i.title for i in event.meeting.agenda] == ["Khai mạc"]
    # A change after publishing is pushed too.
    await secretary.call("meeting.update", meeting_id=meeting["id"], hall="Hội trường B")
    event = await next_meeting_event(delegate, meeting["id"])
    assert isinstance(event, p.MeetingUpdated) and event.meeting.hall == "Hội trường B"
    # The outsider heard nothing and cannot even confirm the meeting exists.
    assert outsider.events.empty()
    with pytest.raises(ServerError) as caught:
        await outsider.call("meeting.get", meeting_id=meeting["id"])
    assert caught.value.code == "not_found"


async def test_uninviting_a_unit_removes_the_meeting_from_its_screens(login: Login) -> None:
    secretary = await login("secretary")
    room = await login("room")
    meeting = await published_meeting(secretary)
    await next_meeting_event(room, meeting["id"])
    await secretary.call("meeting.update", meeting_id=meeting["id"], invited_unit_ids=["ubnd"])
    event = await next_meeting_event(room, meeting["id"])
    assert isinstance(event, p.MeetingRemoved)
    assert await room.call("meetings.list") == []


async def test_drafts_stay_with_the_organisers(login: Login) -> None:
    secretary = await login("secretary")
    delegate = await login("delegate")
    meeting = await create_meeting(secretary)
    assert [m["id"] for m in await secretary.call("meetings.list")] == [meeting["id"]]
    assert await delegate.call("meetings.list") == []
    with pytest.raises(ServerError) as caught:
        await delegate.call("meeting.get", meeting_id=meeting["id"])
    assert caught.value.code == "not_found"


async def test_meetings_list_filters_by_time(login: Login) -> None:
    secretary = await login("secretary")
    await create_meeting(
        secretary,
        title="Tháng 12",
        starts_at="2026-12-01T08:00:00+07:00",
        ends_at="2026-12-01T10:00:00+07:00",
    )
    await create_meeting(
        secretary,
        title="Tháng 1",
        starts_at="2027-01-05T08:00:00+07:00",
        ends_at="2027-01-05T10:00:00+07:00",
    )
    week = await secretary.call(
        "meetings.list", start="2026-11-30T00:00:00+07:00", end="2026-12-07T00:00:00+07:00"
    )
    assert [m["title"] for m in week] == ["Tháng 12"]


async def test_a_stale_version_is_a_conflict(login: Login) -> None:
    secretary = await login("secretary")
    meeting = await create_meeting(secretary)
    await secretary.call("meeting.update", meeting_id=meeting["id"], title="Mới")
    with pytest.raises(ServerError) as caught:
        await secretary.call(
            "meeting.update",
            meeting_id=meeting["id"],
            title="Cũ",
            expected_version=meeting["version"],
        )
    assert caught.value.code == "conflict"
    assert caught.value.details["version"] == meeting["version"] + 1


async def test_two_chairs_starting_at_once_start_it_once(login: Login) -> None:
    secretary = await login("secretary")
    chair = await login("chair")
    meeting = await published_meeting(secretary)
    results = await asyncio.gather(
        secretary.call("meeting.transition", meeting_id=meeting["id"], to="in_progress"),
        chair.call("meeting.transition", meeting_id=meeting["id"], to="in_progress"),
        return_exceptions=True,
    )
    started = [r for r in results if isinstance(r, dict)]
    refused = [r for r in results if isinstance(r, ServerError)]
    assert len(started) == 1 and len(refused) == 1
    assert refused[0].code == "invalid_state"


async def test_invitations_must_name_real_units_and_people(login: Login) -> None:
    secretary = await login("secretary")
    with pytest.raises(ServerError) as caught:
        await create_meeting(secretary, invited_unit_ids=["khong-co"])
    assert caught.value.code == "bad_request"
    assert caught.value.details["units"] == ["khong-co"]


async def test_a_ward_secretary_cannot_create_city_meetings(login: Login) -> None:
    ward = await login("ward_secretary")
    with pytest.raises(ServerError) as caught:
        await create_meeting(ward)
    assert caught.value.code == "forbidden"
    own = await create_meeting(ward, organiser_unit_id="phu-cuong", title="Họp phường")
    assert own["organiser_unit_id"] == "phu-cuong"
