"""Document metadata, draft comments (góp ý) and private notes.

The bytes of a document never change: a new version is a new document whose `previous_id`
points at the one it replaces.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from meetings.errors import BadRequest, InvalidState
from meetings.meeting import Meeting, MeetingStatus

MAX_TITLE = 300
MAX_COMMENT = 10_000
MAX_NOTE = 10_000
SHA256_HEX = re.compile(r"^[0-9a-f]{64}$")


class Classification(StrEnum):
    PUBLIC = "public"  # công khai: any signed-in person may read it
    INTERNAL = "internal"  # nội bộ: whoever may see the meeting
    CONFIDENTIAL = "confidential"  # hạn chế: organisers and people invited by name


class NoteKind(StrEnum):
    NOTE = "note"  # a note pinned to a point of the page
    HIGHLIGHT = "highlight"  # a highlighted area, optionally with text


@dataclass(frozen=True, slots=True)
class DocumentMeta:
    id: str
    meeting_id: str
    title: str
    filename: str
    sha256: str
    size: int
    pages: int
    classification: Classification
    uploaded_by: str
    uploaded_at: datetime
    is_draft: bool = False  # a draft collects comments (góp ý) before the meeting
    previous_id: str | None = None


@dataclass(frozen=True, slots=True)
class Comment:
    id: str
    document_id: str
    author_id: str
    text: str
    created_at: datetime
    page: int | None = None


@dataclass(frozen=True, slots=True)
class Rect:
    """A place on a page in fractions of its width and height, from the top left."""

    x: float
    y: float
    w: float = 0.0
    h: float = 0.0

    def __post_init__(self) -> None:
        inside = 0 <= self.x <= 1 and 0 <= self.y <= 1 and self.w >= 0 and self.h >= 0
        if not inside or self.x + self.w > 1.0001 or self.y + self.h > 1.0001:
            raise BadRequest("The note lies outside the page.", "Ghi chú nằm ngoài trang.")


@dataclass(frozen=True, slots=True)
class Note:
    id: str
    document_id: str
    author_id: str
    page: int
    kind: NoteKind
    rect: Rect
    text: str
    updated_at: datetime
    version: int = 1


def clean_filename(name: str) -> str:
    """Refuse paths and control characters; keep the Vietnamese name the user gave."""
    name = unicodedata.normalize("NFC", name)
    if not name or len(name) > 255 or name in (".", ".."):
        raise BadRequest("Bad file name.", "Tên tệp không hợp lệ.")
    if "/" in name or "\\" in name or any(unicodedata.category(c) == "Cc" for c in name):
        raise BadRequest(
            "A file name cannot contain a path or control characters.",
            "Tên tệp không được chứa đường dẫn hoặc ký tự điều khiển.",
        )
    if not name.lower().endswith(".pdf"):
        raise BadRequest("Only PDF files are accepted.", "Chỉ chấp nhận tệp PDF.")
    return name


def check_title(title: str) -> str:
    title = title.strip()
    if not title or len(title) > MAX_TITLE:
        raise BadRequest(
            "A document title is 1-300 characters.", "Tên tài liệu dài từ 1 đến 300 ký tự."
        )
    return title


def check_sha256(value: str) -> str:
    if not SHA256_HEX.match(value):
        raise BadRequest(
            "sha256 must be 64 lower-case hex digits.", "sha256 phải gồm 64 chữ số hex thường."
        )
    return value


def check_comment(meeting: Meeting, document: DocumentMeta, text: str) -> str:
    """Comments are taken on draft documents until the meeting ends."""
    if not document.is_draft:
        raise InvalidState(
            "Comments are taken on draft documents only.", "Chỉ góp ý cho tài liệu dự thảo."
        )
    if meeting.status in (MeetingStatus.ENDED, MeetingStatus.ARCHIVED):
        raise InvalidState(
            "The meeting has ended; comments are closed.", "Cuộc họp đã kết thúc, hết hạn góp ý."
        )
    text = text.strip()
    if not text or len(text) > MAX_COMMENT:
        raise BadRequest("A comment is 1-10000 characters.", "Góp ý dài từ 1 đến 10000 ký tự.")
    return text


def check_note(document: DocumentMeta, page: int, text: str) -> None:
    if not 1 <= page <= document.pages:
        raise BadRequest(
            f"Page {page} is outside 1-{document.pages}.",
            f"Trang {page} nằm ngoài 1-{document.pages}.",
        )
    if len(text) > MAX_NOTE:
        raise BadRequest("A note is at most 10000 characters.", "Ghi chú tối đa 10000 ký tự.")
