"""Units, their history, people and memberships."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from sqlalchemy import Connection, delete, insert, select, update

from meetings.people import Membership, Person, Role
from meetings.units import ChangeKind, Unit, UnitChange, UnitKind
from server.store import schema as t
from server.store.clock import from_text, to_text


def _unit(row: object) -> Unit:
    r = row._mapping  # type: ignore[attr-defined]
    return Unit(
        id=r["id"],
        name=r["name"],
        kind=UnitKind(r["kind"]),
        parent_id=r["parent_id"],
        active=bool(r["active"]),
        merged_into=r["merged_into"],
    )


def all_units(conn: Connection) -> dict[str, Unit]:
    return {row.id: _unit(row) for row in conn.execute(select(t.units))}


def save_unit(conn: Connection, unit: Unit, change: UnitChange | None) -> None:
    values = {
        "name": unit.name,
        "kind": unit.kind.value,
        "parent_id": unit.parent_id,
        "active": unit.active,
        "merged_into": unit.merged_into,
    }
    done = conn.execute(update(t.units).where(t.units.c.id == unit.id).values(**values))
    if done.rowcount == 0:
        conn.execute(insert(t.units).values(id=unit.id, **values))
    if change is not None:
        conn.execute(
            insert(t.unit_changes).values(
                unit_id=change.unit_id,
                kind=change.kind.value,
                at=to_text(change.at),
                old_value=change.old_value,
                new_value=change.new_value,
            )
        )


def unit_history(conn: Connection) -> list[UnitChange]:
    rows = conn.execute(select(t.unit_changes).order_by(t.unit_changes.c.seq))
    return [
        UnitChange(r.unit_id, ChangeKind(r.kind), from_text(r.at), r.old_value, r.new_value)
        for r in rows
    ]


def _people(conn: Connection, where: object | None = None) -> list[Person]:
    query = select(t.people)
    if where is not None:
        query = query.where(where)  # type: ignore[arg-type]
    rows = conn.execute(query).fetchall()
    if not rows:
        return []
    ids = [r.id for r in rows]
    roles: dict[str, list[Membership]] = defaultdict(list)
    for m in conn.execute(select(t.memberships).where(t.memberships.c.person_id.in_(ids))):
        roles[m.person_id].append(Membership(m.unit_id, Role(m.role)))
    return [
        Person(
            id=r.id,
            username=r.username,
            full_name=r.full_name,
            title=r.title,
            memberships=tuple(sorted(roles[r.id], key=lambda m: (m.unit_id, m.role))),
            active=bool(r.active),
        )
        for r in rows
    ]


def person(conn: Connection, person_id: str) -> Person | None:
    found = _people(conn, t.people.c.id == person_id)
    return found[0] if found else None


def person_by_username(conn: Connection, username: str) -> tuple[Person, str | None] | None:
    row = conn.execute(select(t.people).where(t.people.c.username == username)).first()
    if row is None:
        return None
    found = person(conn, row.id)
    assert found is not None
    return found, row.password_hash


def all_people(conn: Connection) -> list[Person]:
    return _people(conn)


def people_by_ids(conn: Connection, ids: list[str]) -> list[Person]:
    return _people(conn, t.people.c.id.in_(ids)) if ids else []


def save_person(conn: Connection, p: Person, password_hash: str | None = None) -> None:
    values = {
        "username": p.username,
        "full_name": p.full_name,
        "title": p.title,
        "active": p.active,
    }
    if password_hash is not None:
        values["password_hash"] = password_hash
    done = conn.execute(update(t.people).where(t.people.c.id == p.id).values(**values))
    if done.rowcount == 0:
        conn.execute(insert(t.people).values(id=p.id, **values))
    conn.execute(delete(t.memberships).where(t.memberships.c.person_id == p.id))
    if p.memberships:
        conn.execute(
            insert(t.memberships),
            [
                {"person_id": p.id, "unit_id": m.unit_id, "role": m.role.value}
                for m in p.memberships
            ],
        )


def set_password(conn: Connection, person_id: str, password_hash: str) -> bool:
    done = conn.execute(
        update(t.people).where(t.people.c.id == person_id).values(password_hash=password_hash)
    )
    return done.rowcount == 1


def move_memberships(conn: Connection, from_unit: str, to_unit: str) -> int:
    """After a merge, members of the old unit hold the same roles in its successor."""
    rows = conn.execute(
        select(t.memberships).where(t.memberships.c.unit_id == from_unit)
    ).fetchall()
    for r in rows:
        exists = conn.execute(
            select(t.memberships).where(
                (t.memberships.c.person_id == r.person_id)
                & (t.memberships.c.unit_id == to_unit)
                & (t.memberships.c.role == r.role)
            )
        ).first()
        if exists is None:
            conn.execute(
                insert(t.memberships).values(person_id=r.person_id, unit_id=to_unit, role=r.role)
            )
    conn.execute(delete(t.memberships).where(t.memberships.c.unit_id == from_unit))
    return len(rows)


def create_session(
    conn: Connection, token_hash: str, person_id: str, created: datetime, expires: datetime
) -> None:
    conn.execute(
        insert(t.sessions).values(
            token_hash=token_hash,
            person_id=person_id,
            created_at=to_text(created),
            expires_at=to_text(expires),
        )
    )


def session(conn: Connection, token_hash: str) -> tuple[str, datetime] | None:
    row = conn.execute(select(t.sessions).where(t.sessions.c.token_hash == token_hash)).first()
    return (row.person_id, from_text(row.expires_at)) if row else None


def delete_session(conn: Connection, token_hash: str) -> None:
    conn.execute(delete(t.sessions).where(t.sessions.c.token_hash == token_hash))


def delete_sessions_of(conn: Connection, person_id: str) -> None:
    conn.execute(delete(t.sessions).where(t.sessions.c.person_id == person_id))
