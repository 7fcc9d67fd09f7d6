"""The secretary's notes for the minutes, written while the meeting runs: per agenda item, a
summary of the discussion and the chair's conclusion. The generated minutes print both under
the item, and the conclusion notice takes the conclusions.

Each note has a version; a write names the version it replaces, so that of two secretaries
writing the same item the second is told (`conflict`, with the note as it is now) instead of
silently overwriting the first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from meetings.errors import Conflict, InvalidState, NotFound
from meetings.meeting import Meeting, MeetingStatus

MAX_DISCUSSION = 20_000
MAX_CONCLUSION = 5_000
WRITABLE = (MeetingStatus.IN_PROGRESS, MeetingStatus.ENDED)


@dataclass(frozen=True, slots=True)
class MinutesNote:
    meeting_id: str
    item_id: str
    discussion: str
    conclusion: str
    version: int
    written_by: str
    written_at: datetime


def write(
    meeting: Meeting,
    current: MinutesNote | None,
    item_id: str,
    discussion: str,
    conclusion: str,
    expected_version: int,
    by: str,
    at: datetime,
) -> MinutesNote:
    """The new note; `expected_version` is 0 for an item without a note yet."""
    if meeting.status not in WRITABLE:
        raise InvalidState(
            "Minutes are written while the meeting runs or after it ended.",
            "Chỉ ghi biên bản khi cuộc họp đang diễn ra hoặc đã kết thúc.",
            details={"status": meeting.status.value},
        )
    if item_id not in {i.id for i in meeting.agenda}:
        raise NotFound("No such agenda item.", "Không có nội dung này trong chương trình.")
    have = current.version if current is not None else 0
    if expected_version != have:
        raise Conflict(
            "Someone else changed this note; here it is as it is now.",
            "Người khác vừa sửa ghi chép này; đây là nội dung hiện tại.",
            details={"version": have},
        )
    return MinutesNote(
        meeting_id=meeting.id,
        item_id=item_id,
        discussion=discussion.strip(),
        conclusion=conclusion.strip(),
        version=have + 1,
        written_by=by,
        written_at=at,
    )
