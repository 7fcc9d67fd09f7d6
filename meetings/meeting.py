"""Meetings, their lifecycle and their agenda.

Every function takes a `Meeting` and returns a new one; nothing here touches storage.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum

from meetings.errors import BadRequest, InvalidState, NotFound


class MeetingStatus(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    IN_PROGRESS = "in_progress"
    ENDED = "ended"
    ARCHIVED = "archived"


# The only moves a meeting can make; anything else is refused.
TRANSITIONS: dict[MeetingStatus, frozenset[MeetingStatus]] = {
    MeetingStatus.DRAFT: frozenset({MeetingStatus.PUBLISHED}),
    MeetingStatus.PUBLISHED: frozenset({MeetingStatus.IN_PROGRESS, MeetingStatus.DRAFT}),
    MeetingStatus.IN_PROGRESS: frozenset({MeetingStatus.ENDED}),
    MeetingStatus.ENDED: frozenset({MeetingStatus.ARCHIVED}),
    MeetingStatus.ARCHIVED: frozenset(),
}

STATUS_VI = {
    MeetingStatus.DRAFT: "Dự thảo",
    MeetingStatus.PUBLISHED: "Đã phát hành",
    MeetingStatus.IN_PROGRESS: "Đang họp",
    MeetingStatus.ENDED: "Đã kết thúc",
    MeetingStatus.ARCHIVED: "Đã lưu trữ",
}

MAX_AGENDA_ITEMS = 200
MAX_PLANNED_MINUTES = 24 * 60


@dataclass(frozen=True, slots=True)
class Place:
    hall: str | None = None  # the physical hall, e.g. "Hội trường A - Trung tâm hành chính"
    video: bool = False  # a video session joins the ward halls and remote delegates

    def __post_init__(self) -> None:
        if not self.hall and not self.video:
            raise BadRequest(
                "A meeting happens in a hall, over video, or both.",
                "Cuộc họp cần có hội trường, trực tuyến, hoặc cả hai.",
            )


@dataclass(frozen=True, slots=True)
class AgendaItem:
    id: str
    title: str
    planned_minutes: int = 15
    presenter_id: str | None = None
    presenter_name: str = ""  # shown when the presenter is not a person in the system
    document_ids: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.title.strip():
            raise BadRequest("An agenda item needs a title.", "Mục chương trình cần có tiêu đề.")
        if not 0 <= self.planned_minutes <= MAX_PLANNED_MINUTES:
            raise BadRequest(
                "Planned minutes must be between 0 and 1440.",
                "Thời lượng dự kiến phải từ 0 đến 1440 phút.",
            )


@dataclass(frozen=True, slots=True)
class Meeting:
    id: str
    title: str
    organiser_unit_id: str
    starts_at: datetime
    ends_at: datetime
    place: Place
    status: MeetingStatus = MeetingStatus.DRAFT
    description: str = ""
    invited_unit_ids: tuple[str, ...] = ()
    invited_person_ids: tuple[str, ...] = ()
    agenda: tuple[AgendaItem, ...] = field(default=())
    version: int = 1  # bumped on every change; clients use it to drop stale copies

    def __post_init__(self) -> None:
        if not self.title.strip():
            raise BadRequest("A meeting needs a title.", "Cuộc họp cần có tên.")
        if self.starts_at.tzinfo is None or self.ends_at.tzinfo is None:
            raise BadRequest("Times must carry a UTC offset.", "Thời gian phải kèm múi giờ.")
        if self.ends_at <= self.starts_at:
            raise BadRequest(
                "A meeting must end after it starts.", "Giờ kết thúc phải sau giờ bắt đầu."
            )

    @property
    def planned_minutes(self) -> int:
        return sum(item.planned_minutes for item in self.agenda)

    def item(self, item_id: str) -> AgendaItem:
        for item in self.agenda:
            if item.id == item_id:
                return item
        raise NotFound("No such agenda item.", "Không có mục chương trình này.")


def _editable(meeting: Meeting) -> None:
    if meeting.status in (MeetingStatus.ENDED, MeetingStatus.ARCHIVED):
        raise InvalidState(
            f"The meeting is {meeting.status.value} and can no longer be changed.",
            f"Cuộc họp {STATUS_VI[meeting.status].lower()}, không thể thay đổi.",
        )


def require_not_archived(meeting: Meeting) -> None:
    if meeting.status is MeetingStatus.ARCHIVED:
        raise InvalidState(
            "The meeting is archived and read-only.", "Cuộc họp đã lưu trữ, chỉ được xem."
        )


def _bump(meeting: Meeting, **changes: object) -> Meeting:
    return replace(meeting, version=meeting.version + 1, **changes)  # type: ignore[arg-type]


def transition(meeting: Meeting, to: MeetingStatus) -> Meeting:
    if to not in TRANSITIONS[meeting.status]:
        raise InvalidState(
            f"A {meeting.status.value} meeting cannot become {to.value}.",
            f"Cuộc họp {STATUS_VI[meeting.status].lower()} không thể chuyển sang "
            f"{STATUS_VI[to].lower()}.",
            details={"from": meeting.status.value, "to": to.value},
        )
    if to is MeetingStatus.PUBLISHED and not meeting.agenda:
        raise InvalidState(
            "Publish needs at least one agenda item.",
            "Cần ít nhất một mục chương trình trước khi phát hành.",
        )
    return _bump(meeting, status=to)


def edit_details(meeting: Meeting, **changes: object) -> Meeting:
    """Change title, times, place, description or invitations (not status or agenda)."""
    _editable(meeting)
    allowed = {
        "title",
        "starts_at",
        "ends_at",
        "place",
        "description",
        "invited_unit_ids",
        "invited_person_ids",
    }
    unknown = set(changes) - allowed
    if unknown:
        raise BadRequest(f"Cannot change {sorted(unknown)}.", "Không thể thay đổi trường này.")
    return _bump(meeting, **changes)


def add_item(meeting: Meeting, item: AgendaItem, position: int | None = None) -> Meeting:
    _editable(meeting)
    if len(meeting.agenda) >= MAX_AGENDA_ITEMS:
        raise BadRequest("The agenda is full.", "Chương trình đã đủ số mục tối đa.")
    if any(existing.id == item.id for existing in meeting.agenda):
        raise BadRequest("Duplicate agenda item id.", "Trùng mã mục chương trình.")
    agenda = list(meeting.agenda)
    agenda.insert(len(agenda) if position is None else max(0, position), item)
    return _bump(meeting, agenda=tuple(agenda))


def update_item(meeting: Meeting, item_id: str, **changes: object) -> Meeting:
    _editable(meeting)
    current = meeting.item(item_id)
    if "id" in changes:
        raise BadRequest("An item's id cannot change.", "Không thể đổi mã mục.")
    updated = replace(current, **changes)  # type: ignore[arg-type]
    agenda = tuple(updated if i.id == item_id else i for i in meeting.agenda)
    return _bump(meeting, agenda=agenda)


def remove_item(meeting: Meeting, item_id: str) -> Meeting:
    _editable(meeting)
    meeting.item(item_id)
    return _bump(meeting, agenda=tuple(i for i in meeting.agenda if i.id != item_id))


def reorder(meeting: Meeting, item_ids: list[str]) -> Meeting:
    """Put the agenda in the given order, which must name every item exactly once."""
    _editable(meeting)
    current = {item.id: item for item in meeting.agenda}
    if sorted(item_ids) != sorted(current) or len(set(item_ids)) != len(item_ids):
        raise BadRequest(
            "The new order must list every agenda item exactly once.",
            "Thứ tự mới phải liệt kê mỗi mục chương trình đúng một lần.",
        )
    return _bump(meeting, agenda=tuple(current[i] for i in item_ids))


def attach_document(meeting: Meeting, item_id: str, document_id: str) -> Meeting:
    item = meeting.item(item_id)
    if document_id in item.document_ids:
        return meeting
    return update_item(meeting, item_id, document_ids=(*item.document_ids, document_id))


def detach_document(meeting: Meeting, item_id: str, document_id: str) -> Meeting:
    item = meeting.item(item_id)
    if document_id not in item.document_ids:
        raise NotFound("That document is not attached here.", "Tài liệu không gắn với mục này.")
    kept = tuple(d for d in item.document_ids if d != document_id)
    return update_item(meeting, item_id, document_ids=kept)


def replace_document(meeting: Meeting, old_id: str, new_id: str) -> Meeting:
    """Point every agenda item that held `old_id` at its new version."""
    _editable(meeting)
    agenda = tuple(
        replace(i, document_ids=tuple(new_id if d == old_id else d for d in i.document_ids))
        for i in meeting.agenda
    )
    return _bump(meeting, agenda=agenda)
