"""The minutes: the secretary's notes per agenda item, and the documents the server generated
from a meeting's record (the minutes, the conclusion notice) with the signers planned for
their signature boxes."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, insert, select, update

from meetings.live.minutes_notes import MinutesNote
from server.store import live_schema as t
from server.store.clock import from_text, now, to_text


def insert_generated(
    conn: Connection, document_id: str, meeting_id: str, kind: str, signers: list[dict[str, Any]]
) -> None:
    conn.execute(
        insert(t.generated_documents).values(
            document_id=document_id,
            meeting_id=meeting_id,
            kind=kind,
            signers=signers,
            created_at=to_text(now()),
            signing_request_id=None,
        )
    )


def latest(conn: Connection, meeting_id: str) -> dict[str, dict[str, Any]]:
    """The newest generated document of each kind."""
    rows = conn.execute(
        select(t.generated_documents)
        .where(t.generated_documents.c.meeting_id == meeting_id)
        .order_by(t.generated_documents.c.created_at)
    ).mappings()
    return {row["kind"]: dict(row) for row in rows}


def set_request(conn: Connection, document_id: str, request_id: str) -> None:
    conn.execute(
        update(t.generated_documents)
        .where(t.generated_documents.c.document_id == document_id)
        .values(signing_request_id=request_id)
    )


def _note(row: Any) -> MinutesNote:
    return MinutesNote(
        meeting_id=row.meeting_id,
        item_id=row.item_id,
        discussion=row.discussion,
        conclusion=row.conclusion,
        version=row.version,
        written_by=row.written_by,
        written_at=from_text(row.written_at),
    )


def note(conn: Connection, meeting_id: str, item_id: str) -> MinutesNote | None:
    row = conn.execute(
        select(t.minutes_notes).where(
            t.minutes_notes.c.meeting_id == meeting_id, t.minutes_notes.c.item_id == item_id
        )
    ).first()
    return None if row is None else _note(row)


def notes(conn: Connection, meeting_id: str) -> dict[str, MinutesNote]:
    rows = conn.execute(select(t.minutes_notes).where(t.minutes_notes.c.meeting_id == meeting_id))
    return {row.item_id: _note(row) for row in rows}


def save_note(conn: Connection, x: MinutesNote) -> None:
    values = {
        "discussion": x.discussion,
        "conclusion": x.conclusion,
        "version": x.version,
        "written_by": x.written_by,
        "written_at": to_text(x.written_at),
    }
    if x.version == 1:
        conn.execute(
            insert(t.minutes_notes).values(meeting_id=x.meeting_id, item_id=x.item_id, **values)
        )
        return
    done = conn.execute(
        update(t.minutes_notes)
        .where(
            t.minutes_notes.c.meeting_id == x.meeting_id,
            t.minutes_notes.c.item_id == x.item_id,
            t.minutes_notes.c.version == x.version - 1,
        )
        .values(**values)
    )
    assert done.rowcount == 1, "the version was checked in the same transaction"
