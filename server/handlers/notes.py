"""Private notes on document pages: only their author reads them, on every device."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from sqlalchemy import Connection as Db

from meetings import protocol as p
from meetings.documents import Note, Rect, check_note
from meetings.errors import Conflict, NotFound
from meetings.permissions import Action, require_document
from server import views
from server.handlers import handles
from server.handlers.common import caller, load_view
from server.store import audit_repo, documents_repo
from server.store.clock import now

if TYPE_CHECKING:
    from server.connection import Connection
    from server.state import AppState

NO_NOTE = NotFound("No such note.", "Không tìm thấy ghi chú.")


def _conflict(current: Note) -> Conflict:
    return Conflict(
        "The note was changed on another device; both versions are kept in the client.",
        "Ghi chú đã được sửa trên thiết bị khác.",
        details={"current": views.note(current).model_dump(mode="json")},
    )


@handles(p.PutNote)
async def put_note(app: AppState, conn: Connection, request: p.PutNote) -> p.NoteView:
    def transaction(db: Db) -> Note:
        document = documents_repo.document(db, request.document_id)
        if document is None:
            raise NotFound("No such document.", "Không tìm thấy tài liệu.")
        view = load_view(db, conn, document.meeting_id, Action.NOTE_WRITE)
        require_document(view.person, document, view.meeting, view.directory)
        check_note(document, request.page, request.text)
        rect = Rect(request.rect.x, request.rect.y, request.rect.w, request.rect.h)
        existing = documents_repo.note(db, request.note_id)
        if existing is not None and existing.author_id != view.person.id:
            raise Conflict("That note id is taken.", "Mã ghi chú đã được dùng.")
        note = Note(
            id=request.note_id,
            document_id=document.id,
            author_id=view.person.id,
            page=request.page,
            kind=request.kind,
            rect=rect,
            text=request.text,
            updated_at=now(),
            version=1,
        )
        if existing is not None:
            same = (existing.page, existing.kind, existing.rect, existing.text) == (
                note.page,
                note.kind,
                note.rect,
                note.text,
            )
            if same:
                return existing  # a replay of an edit that already arrived
            if request.base_version != existing.version:
                raise _conflict(existing)
            note = replace(note, version=existing.version + 1)
        elif request.base_version is not None:
            raise NO_NOTE  # edited offline, deleted elsewhere meanwhile
        documents_repo.save_note(db, note)
        audit_repo.record(db, view.person.id, "note.saved", note.id, document=document.id)
        return note

    note = await app.store.write(transaction)
    assert conn.person is not None
    app.hub.send_to_person(conn.person.id, p.NoteChanged(note=views.note(note)), except_conn=conn)
    return views.note(note)


@handles(p.DeleteNote)
async def delete_note(app: AppState, conn: Connection, request: p.DeleteNote) -> dict[str, bool]:
    def transaction(db: Db) -> None:
        person = caller(db, conn)
        existing = documents_repo.note(db, request.note_id)
        if existing is None or existing.author_id != person.id:
            raise NO_NOTE
        if request.base_version is not None and request.base_version != existing.version:
            raise _conflict(existing)
        documents_repo.delete_note(db, existing.id)
        audit_repo.record(db, person.id, "note.deleted", existing.id)

    await app.store.write(transaction)
    assert conn.person is not None
    app.hub.send_to_person(conn.person.id, p.NoteDeleted(note_id=request.note_id), except_conn=conn)
    return {"ok": True}


@handles(p.ListNotes)
async def list_notes(app: AppState, conn: Connection, request: p.ListNotes) -> list[p.NoteView]:
    def read(db: Db) -> list[p.NoteView]:
        person = caller(db, conn)
        return [views.note(n) for n in documents_repo.notes(db, person.id, request.document_id)]

    return await app.store.read(read)
