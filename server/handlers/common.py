"""What most handlers share: load the caller and the meeting, check, change, persist, push."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import Connection as Db

from meetings import protocol as p
from meetings.documents import DocumentMeta
from meetings.errors import Conflict, NotFound, Unauthenticated
from meetings.meeting import Meeting
from meetings.people import Person
from meetings.permissions import Action, Directory, can_read_document, require
from server import views
from server.store import audit_repo, directory_repo, documents_repo, meetings_repo

if TYPE_CHECKING:
    from server.connection import Connection
    from server.state import AppState


def new_id(prefix: str) -> str:
    return f"{prefix}_{secrets.token_hex(8)}"


def caller(db: Db, conn: Connection) -> Person:
    """The caller as the store knows them now: roles revoked a moment ago no longer count."""
    assert conn.person is not None
    person = directory_repo.person(db, conn.person.id)
    if person is None or not person.active:
        raise Unauthenticated("Your account is disabled.", "Tài khoản của bạn đã bị khóa.")
    return person


def directory(db: Db) -> Directory:
    return Directory(directory_repo.all_units(db))


def meeting_or_404(db: Db, meeting_id: str) -> Meeting:
    meeting = meetings_repo.load(db, meeting_id)
    if meeting is None:
        raise NotFound("No such meeting.", "Không tìm thấy cuộc họp.")
    return meeting


@dataclass(frozen=True, slots=True)
class MeetingView:
    person: Person
    meeting: Meeting
    directory: Directory
    documents: list[DocumentMeta]

    def readable(self) -> list[DocumentMeta]:
        return [
            d
            for d in self.documents
            if can_read_document(self.person, d, self.meeting, self.directory)
        ]

    def detail(self) -> p.MeetingDetail:
        return views.detail(self.meeting, self.readable())


def load_view(db: Db, conn: Connection, meeting_id: str, action: Action) -> MeetingView:
    person = caller(db, conn)
    meeting = meeting_or_404(db, meeting_id)
    found = directory(db)
    require(person, action, meeting, found)
    return MeetingView(person, meeting, found, documents_repo.of_meeting(db, meeting_id))


async def change_meeting(
    app: AppState,
    conn: Connection,
    meeting_id: str,
    action: Action,
    change: Callable[[Meeting], Meeting],
    reason: str,
    *,
    expected_version: int | None = None,
    audit: dict[str, object] | None = None,
) -> p.MeetingDetail:
    """Apply a domain change in one transaction, then push the new meeting to its audience."""

    def transaction(db: Db) -> tuple[MeetingView, Meeting]:
        view = load_view(db, conn, meeting_id, action)
        before = view.meeting
        if expected_version is not None and expected_version != before.version:
            raise Conflict(
                "The meeting was changed by someone else; reload it.",
                "Cuộc họp vừa được người khác thay đổi, vui lòng tải lại.",
                details={"version": before.version},
            )
        after = change(before)
        meetings_repo.save(db, after, before.version)
        audit_repo.record(db, view.person.id, f"meeting.{reason}", meeting_id, **(audit or {}))
        return MeetingView(view.person, after, view.directory, view.documents), before

    view, before = await app.store.write(transaction)
    app.hub.meeting_changed(view.meeting, view.documents, view.directory, reason, before)
    return view.detail()
