"""The documents the server generated from a meeting's record (the minutes, the conclusion
notice) with the signers planned for their signature boxes."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, insert, select, update

from server.store import live_schema as t
from server.store.clock import now, to_text


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
