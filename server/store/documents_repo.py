"""Document metadata, unfinished uploads, comments and notes."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from meetings.documents import Classification, Comment, DocumentMeta, Note, NoteKind, Rect
from server.store import schema as t
from server.store.clock import from_text, to_text


def _document(r: Any) -> DocumentMeta:
    return DocumentMeta(
        id=r.id,
        meeting_id=r.meeting_id,
        title=r.title,
        filename=r.filename,
        sha256=r.sha256,
        size=r.size,
        pages=r.pages,
        classification=Classification(r.classification),
        uploaded_by=r.uploaded_by,
        uploaded_at=from_text(r.uploaded_at),
        is_draft=bool(r.is_draft),
        previous_id=r.previous_id,
    )


def document(conn: Connection, document_id: str) -> DocumentMeta | None:
    row = conn.execute(select(t.documents).where(t.documents.c.id == document_id)).first()
    return _document(row) if row else None


def of_meeting(conn: Connection, meeting_id: str) -> list[DocumentMeta]:
    rows = conn.execute(
        select(t.documents)
        .where(t.documents.c.meeting_id == meeting_id)
        .order_by(t.documents.c.uploaded_at)
    )
    return [_document(r) for r in rows]


def insert_document(conn: Connection, d: DocumentMeta) -> None:
    conn.execute(
        insert(t.documents).values(
            id=d.id,
            meeting_id=d.meeting_id,
            title=d.title,
            filename=d.filename,
            sha256=d.sha256,
            size=d.size,
            pages=d.pages,
            classification=d.classification.value,
            is_draft=d.is_draft,
            previous_id=d.previous_id,
            uploaded_by=d.uploaded_by,
            uploaded_at=to_text(d.uploaded_at),
        )
    )


def upload(conn: Connection, upload_id: str) -> dict[str, Any] | None:
    row = conn.execute(select(t.uploads).where(t.uploads.c.id == upload_id)).first()
    return dict(row._mapping) if row else None


def find_upload(conn: Connection, person_id: str, meeting_id: str, sha256: str) -> dict | None:
    row = conn.execute(
        select(t.uploads).where(
            (t.uploads.c.person_id == person_id)
            & (t.uploads.c.meeting_id == meeting_id)
            & (t.uploads.c.sha256 == sha256)
        )
    ).first()
    return dict(row._mapping) if row else None


def insert_upload(conn: Connection, values: dict[str, Any]) -> None:
    conn.execute(insert(t.uploads).values(**values))


def set_received(conn: Connection, upload_id: str, received: int) -> None:
    conn.execute(update(t.uploads).where(t.uploads.c.id == upload_id).values(received=received))


def delete_upload(conn: Connection, upload_id: str) -> None:
    conn.execute(delete(t.uploads).where(t.uploads.c.id == upload_id))


def insert_comment(conn: Connection, c: Comment) -> None:
    conn.execute(
        insert(t.comments).values(
            id=c.id,
            document_id=c.document_id,
            author_id=c.author_id,
            text=c.text,
            page=c.page,
            created_at=to_text(c.created_at),
        )
    )


def comment(conn: Connection, comment_id: str) -> Comment | None:
    row = conn.execute(select(t.comments).where(t.comments.c.id == comment_id)).first()
    return _comment(row) if row else None


def _comment(r: Any) -> Comment:
    return Comment(
        id=r.id,
        document_id=r.document_id,
        author_id=r.author_id,
        text=r.text,
        created_at=from_text(r.created_at),
        page=r.page,
    )


def comments(conn: Connection, document_id: str, author_id: str | None) -> list[Comment]:
    query = select(t.comments).where(t.comments.c.document_id == document_id)
    if author_id is not None:
        query = query.where(t.comments.c.author_id == author_id)
    return [_comment(r) for r in conn.execute(query.order_by(t.comments.c.created_at))]


def _note(r: Any) -> Note:
    return Note(
        id=r.id,
        document_id=r.document_id,
        author_id=r.author_id,
        page=r.page,
        kind=NoteKind(r.kind),
        rect=Rect(**r.rect),
        text=r.text,
        updated_at=from_text(r.updated_at),
        version=r.version,
    )


def note(conn: Connection, note_id: str) -> Note | None:
    row = conn.execute(select(t.notes).where(t.notes.c.id == note_id)).first()
    return _note(row) if row else None


def notes(conn: Connection, author_id: str, document_id: str | None) -> list[Note]:
    query = select(t.notes).where(t.notes.c.author_id == author_id)
    if document_id is not None:
        query = query.where(t.notes.c.document_id == document_id)
    return [_note(r) for r in conn.execute(query.order_by(t.notes.c.page, t.notes.c.id))]


def save_note(conn: Connection, n: Note) -> None:
    values = {
        "document_id": n.document_id,
        "author_id": n.author_id,
        "page": n.page,
        "kind": n.kind.value,
        "rect": {"x": n.rect.x, "y": n.rect.y, "w": n.rect.w, "h": n.rect.h},
        "text": n.text,
        "version": n.version,
        "updated_at": to_text(n.updated_at),
    }
    done = conn.execute(update(t.notes).where(t.notes.c.id == n.id).values(**values))
    if done.rowcount == 0:
        conn.execute(insert(t.notes).values(id=n.id, **values))


def delete_note(conn: Connection, note_id: str) -> None:
    conn.execute(delete(t.notes).where(t.notes.c.id == note_id))
