"""The append-only audit log: who did what and when."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, insert, select

from server.store import schema as t
from server.store.clock import from_text, now, to_text


def record(
    conn: Connection,
    person_id: str | None,
    action: str,
    target: str | None = None,
    /,
    **detail: Any,
) -> None:
    conn.execute(
        insert(t.audit).values(
            at=to_text(now()), person_id=person_id, action=action, target=target, detail=detail
        )
    )


def entries(conn: Connection, limit: int, before_seq: int | None) -> list[dict[str, Any]]:
    query = select(t.audit).order_by(t.audit.c.seq.desc()).limit(limit)
    if before_seq is not None:
        query = query.where(t.audit.c.seq < before_seq)
    return [{**dict(r._mapping), "at": from_text(r.at)} for r in conn.execute(query)]
