"""Meetings with their invitations and agenda, loaded and saved as domain objects."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from sqlalchemy import Connection, delete, insert, select, update

from meetings.meeting import AgendaItem, Meeting, MeetingStatus, Place
from server.store import schema as t
from server.store.clock import from_text, to_text


def load_many(conn: Connection, where: object | None = None) -> list[Meeting]:
    query = select(t.meetings).order_by(t.meetings.c.starts_at)
    if where is not None:
        query = query.where(where)  # type: ignore[arg-type]
    rows = conn.execute(query).fetchall()
    if not rows:
        return []
    ids = [r.id for r in rows]
    units: dict[str, list[str]] = defaultdict(list)
    for r in conn.execute(select(t.meeting_units).where(t.meeting_units.c.meeting_id.in_(ids))):
        units[r.meeting_id].append(r.unit_id)
    people: dict[str, list[str]] = defaultdict(list)
    for r in conn.execute(select(t.meeting_people).where(t.meeting_people.c.meeting_id.in_(ids))):
        people[r.meeting_id].append(r.person_id)
    agenda: dict[str, list[AgendaItem]] = defaultdict(list)
    items = conn.execute(
        select(t.agenda_items)
        .where(t.agenda_items.c.meeting_id.in_(ids))
        .order_by(t.agenda_items.c.meeting_id, t.agenda_items.c.position)
    )
    for r in items:
        agenda[r.meeting_id].append(
            AgendaItem(
                id=r.id,
                title=r.title,
                planned_minutes=r.planned_minutes,
                presenter_id=r.presenter_id,
                presenter_name=r.presenter_name,
                document_ids=tuple(r.document_ids),
            )
        )
    return [
        Meeting(
            id=r.id,
            title=r.title,
            organiser_unit_id=r.organiser_unit_id,
            starts_at=from_text(r.starts_at),
            ends_at=from_text(r.ends_at),
            place=Place(hall=r.hall, video=bool(r.video)),
            status=MeetingStatus(r.status),
            description=r.description,
            invited_unit_ids=tuple(sorted(units[r.id])),
            invited_person_ids=tuple(sorted(people[r.id])),
            agenda=tuple(agenda[r.id]),
            version=r.version,
        )
        for r in rows
    ]


def load(conn: Connection, meeting_id: str) -> Meeting | None:
    found = load_many(conn, t.meetings.c.id == meeting_id)
    return found[0] if found else None


def in_range(conn: Connection, start: datetime | None, end: datetime | None) -> list[Meeting]:
    # Stored as +07:00 text of fixed width, so text order is time order.
    where = None
    if start is not None:
        where = t.meetings.c.ends_at >= to_text(start)
    if end is not None:
        clause = t.meetings.c.starts_at < to_text(end)
        where = clause if where is None else where & clause
    return load_many(conn, where)


def save(conn: Connection, meeting: Meeting, expected_version: int | None) -> None:
    """Insert or replace a meeting; refuse if someone else changed it in between."""
    values = {
        "title": meeting.title,
        "organiser_unit_id": meeting.organiser_unit_id,
        "starts_at": to_text(meeting.starts_at),
        "ends_at": to_text(meeting.ends_at),
        "hall": meeting.place.hall,
        "video": meeting.place.video,
        "status": meeting.status.value,
        "description": meeting.description,
        "version": meeting.version,
    }
    if expected_version is None:
        conn.execute(insert(t.meetings).values(id=meeting.id, **values))
    else:
        done = conn.execute(
            update(t.meetings)
            .where((t.meetings.c.id == meeting.id) & (t.meetings.c.version == expected_version))
            .values(**values)
        )
        if done.rowcount != 1:
            raise StaleWrite(meeting.id)
    for table in (t.meeting_units, t.meeting_people, t.agenda_items):
        conn.execute(delete(table).where(table.c.meeting_id == meeting.id))
    if meeting.invited_unit_ids:
        conn.execute(
            insert(t.meeting_units),
            [{"meeting_id": meeting.id, "unit_id": u} for u in meeting.invited_unit_ids],
        )
    if meeting.invited_person_ids:
        conn.execute(
            insert(t.meeting_people),
            [{"meeting_id": meeting.id, "person_id": p} for p in meeting.invited_person_ids],
        )
    if meeting.agenda:
        conn.execute(
            insert(t.agenda_items),
            [
                {
                    "id": item.id,
                    "meeting_id": meeting.id,
                    "position": position,
                    "title": item.title,
                    "planned_minutes": item.planned_minutes,
                    "presenter_id": item.presenter_id,
                    "presenter_name": item.presenter_name,
                    "document_ids": list(item.document_ids),
                }
                for position, item in enumerate(meeting.agenda)
            ],
        )


class StaleWrite(Exception):
    """The meeting changed since it was read; the caller reloads and tries again."""
