from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from meetings import meeting as m
from meetings.errors import BadRequest, InvalidState, NotFound
from meetings.meeting import AgendaItem, Meeting, MeetingStatus, Place

VN = timezone(timedelta(hours=7))
START = datetime(2026, 12, 1, 8, 0, tzinfo=VN)


def draft(**changes: object) -> Meeting:
    values: dict[str, object] = {
        "id": "mtg",
        "title": "Họp thường kỳ",
        "organiser_unit_id": "ubnd",
        "starts_at": START,
        "ends_at": START + timedelta(hours=3),
        "place": Place(hall="A"),
    }
    values.update(changes)
    return Meeting(**values)  # type: ignore[arg-type]


def with_items(*titles: str) -> Meeting:
    meeting = draft()
    for index, title in enumerate(titles):
        meeting = m.add_item(meeting, AgendaItem(id=f"i{index}", title=title, planned_minutes=10))
    return meeting


def test_the_lifecycle_goes_one_way() -> None:
    meeting = with_items("Khai mạc")
    for status in (
        MeetingStatus.PUBLISHED,
        MeetingStatus.IN_PROGRESS,
        MeetingStatus.ENDED,
        MeetingStatus.ARCHIVED,
    ):
        meeting = m.transition(meeting, status)
        assert meeting.status is status
    with pytest.raises(InvalidState):
        m.transition(meeting, MeetingStatus.DRAFT)


@pytest.mark.parametrize(
    ("start", "target"),
    [
        (MeetingStatus.DRAFT, MeetingStatus.IN_PROGRESS),
        (MeetingStatus.DRAFT, MeetingStatus.ENDED),
        (MeetingStatus.PUBLISHED, MeetingStatus.ARCHIVED),
        (MeetingStatus.IN_PROGRESS, MeetingStatus.PUBLISHED),
        (MeetingStatus.ENDED, MeetingStatus.IN_PROGRESS),
    ],
)
def test_skipping_a_step_is_refused(start: MeetingStatus, target: MeetingStatus) -> None:
    meeting = with_items("x")
    object.__setattr__(meeting, "status", start)
    with pytest.raises(InvalidState):
        m.transition(meeting, target)


def test_publishing_needs_an_agenda() -> None:
    with pytest.raises(InvalidState):
        m.transition(draft(), MeetingStatus.PUBLISHED)


def test_archived_and_ended_meetings_are_read_only() -> None:
    meeting = with_items("a")
    for status in (MeetingStatus.PUBLISHED, MeetingStatus.IN_PROGRESS, MeetingStatus.ENDED):
        meeting = m.transition(meeting, status)
    with pytest.raises(InvalidState):
        m.add_item(meeting, AgendaItem(id="late", title="Muộn"))
    archived = m.transition(meeting, MeetingStatus.ARCHIVED)
    for change in (
        lambda: m.edit_details(archived, title="Đổi tên"),
        lambda: m.remove_item(archived, "i0"),
        lambda: m.reorder(archived, ["i0"]),
        lambda: m.require_not_archived(archived),
    ):
        with pytest.raises(InvalidState):
            change()


def test_agenda_order_total_and_versions() -> None:
    meeting = with_items("Khai mạc", "Báo cáo", "Thảo luận")
    assert meeting.planned_minutes == 30
    reordered = m.reorder(meeting, ["i2", "i0", "i1"])
    assert [i.title for i in reordered.agenda] == ["Thảo luận", "Khai mạc", "Báo cáo"]
    assert reordered.version == meeting.version + 1
    updated = m.update_item(reordered, "i1", planned_minutes=45)
    assert updated.planned_minutes == 65
    assert [i.id for i in m.remove_item(updated, "i0").agenda] == ["i2", "i1"]


@pytest.mark.parametrize("order", [["i0", "i1"], ["i0", "i1", "i1"], ["i0", "i1", "x"]])
def test_reorder_must_name_every_item_once(order: list[str]) -> None:
    with pytest.raises(BadRequest):
        m.reorder(with_items("a", "b", "c"), order)


def test_documents_attach_detach_and_replace() -> None:
    meeting = m.attach_document(with_items("a", "b"), "i1", "doc1")
    assert m.attach_document(meeting, "i1", "doc1") is meeting  # attaching twice is a no-op
    meeting = m.replace_document(meeting, "doc1", "doc2")
    assert meeting.item("i1").document_ids == ("doc2",)
    with pytest.raises(NotFound):
        m.detach_document(meeting, "i1", "doc1")
    assert m.detach_document(meeting, "i1", "doc2").item("i1").document_ids == ()


def test_meeting_checks_itself() -> None:
    with pytest.raises(BadRequest):
        draft(ends_at=START)
    with pytest.raises(BadRequest):
        draft(starts_at=datetime(2026, 12, 1, 8, 0))
    with pytest.raises(BadRequest):
        Place(hall=None, video=False)
    with pytest.raises(BadRequest):
        AgendaItem(id="x", title="t", planned_minutes=2000)
