from __future__ import annotations

from tests.server.conftest import Login


async def test_secretary_creates_and_publishes(login: Login) -> None:
    secretary = await login("secretary")
    delegate = await login("delegate")
    created = await secretary.call(
        "meeting.create",
        title="Họp thường kỳ",
        organiser_unit_id="ubnd",
        starts_at="2026-12-01T08:00:00+07:00",
        ends_at="2026-12-01T11:00:00+07:00",
        hall="Hội trường A",
        invited_unit_ids=["ubnd"],
    )
    assert created["status"] == "draft"
    assert await delegate.call("meetings.list") == []
    await secretary.call(
        "agenda.add", meeting_id=created["id"], title="Khai mạc", planned_minutes=10
    )
    published = await secretary.call("meeting.transition", meeting_id=created["id"], to="published")
    assert published["status"] == "published"
    seen = await delegate.call("meetings.list")
    assert [m["title"] for m in seen] == ["Họp thường kỳ"]
