"""Shortcuts for building meetings through the protocol in tests."""

from __future__ import annotations

from typing import Any

from ecabinet.net.client import Client
from meetings import protocol as p


async def create_meeting(secretary: Client, **changes: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "title": "Phiên họp thường kỳ tháng 12",
        "organiser_unit_id": "ubnd",
        "starts_at": "2026-12-01T08:00:00+07:00",
        "ends_at": "2026-12-01T11:30:00+07:00",
        "hall": "Hội trường A",
        "video": True,
        "invited_unit_ids": ["ubnd", "phu-cuong"],
    }
    fields.update(changes)
    return await secretary.call("meeting.create", **fields)


async def published_meeting(secretary: Client, **changes: Any) -> dict[str, Any]:
    meeting = await create_meeting(secretary, **changes)
    await secretary.call(
        "agenda.add", meeting_id=meeting["id"], title="Khai mạc", planned_minutes=10
    )
    return await secretary.call("meeting.transition", meeting_id=meeting["id"], to="published")


async def next_meeting_event(client: Client, meeting_id: str, timeout: float = 10) -> p.Model:
    """The next event about `meeting_id`, skipping events about other things."""
    while True:
        event = await client.next_event(timeout)
        if getattr(event, "meeting_id", None) == meeting_id:
            return event
        meeting = getattr(event, "meeting", None)
        if meeting is not None and meeting.id == meeting_id:
            return event
