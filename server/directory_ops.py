"""Changes to the organisation (units and people), shared by the admin command and seeding.

Each function runs inside the caller's transaction and records itself in the audit log.
"""

from __future__ import annotations

from sqlalchemy import Connection as Db

from meetings import units as domain
from meetings.errors import BadRequest, NotFound
from meetings.people import Membership, Person, Role
from meetings.units import ChangeKind, Unit, UnitChange, UnitKind
from server.store import audit_repo, directory_repo
from server.store.clock import now


def _unit(db: Db, unit_id: str) -> Unit:
    found = directory_repo.all_units(db).get(unit_id)
    if found is None:
        raise NotFound(f"No unit {unit_id!r}.", f"Không có đơn vị {unit_id!r}.")
    return found


def add_unit(
    db: Db, unit_id: str, name: str, kind: UnitKind, parent_id: str | None, by: str
) -> Unit:
    if unit_id in directory_repo.all_units(db):
        raise BadRequest(f"Unit {unit_id!r} exists.", f"Đơn vị {unit_id!r} đã tồn tại.")
    if parent_id is not None:
        _unit(db, parent_id)
    unit = Unit(id=unit_id, name=name, kind=kind, parent_id=parent_id)
    change = UnitChange(unit_id, ChangeKind.CREATED, now(), None, name)
    directory_repo.save_unit(db, unit, change)
    audit_repo.record(db, None, "unit.created", unit_id, name=name, by=by)
    return unit


def rename_unit(db: Db, unit_id: str, new_name: str, by: str) -> Unit:
    unit, change = domain.rename(_unit(db, unit_id), new_name, now())
    directory_repo.save_unit(db, unit, change)
    audit_repo.record(db, None, "unit.renamed", unit_id, old=change.old_value, new=new_name, by=by)
    return unit


def merge_unit(db: Db, unit_id: str, into_id: str, by: str) -> Unit:
    """Merge a unit into another: its members move over, its meetings stay in its name and
    are reachable through the successor (see meetings.units)."""
    merged, change = domain.merge(_unit(db, unit_id), _unit(db, into_id), now())
    directory_repo.save_unit(db, merged, change)
    moved = directory_repo.move_memberships(db, unit_id, into_id)
    audit_repo.record(db, None, "unit.merged", unit_id, into=into_id, members=moved, by=by)
    return merged


def add_person(
    db: Db,
    person_id: str,
    username: str,
    full_name: str,
    title: str,
    memberships: list[tuple[str, Role]],
    password_hash: str | None,
    by: str,
) -> Person:
    if directory_repo.person_by_username(db, username) is not None:
        raise BadRequest(f"User {username!r} exists.", f"Tài khoản {username!r} đã tồn tại.")
    units = directory_repo.all_units(db)
    for unit_id, _ in memberships:
        if unit_id not in units:
            raise NotFound(f"No unit {unit_id!r}.", f"Không có đơn vị {unit_id!r}.")
    person = Person(
        id=person_id,
        username=username,
        full_name=full_name,
        title=title,
        memberships=tuple(Membership(u, r) for u, r in memberships),
    )
    directory_repo.save_person(db, person, password_hash)
    audit_repo.record(db, None, "person.created", person_id, username=username, by=by)
    return person


def reset_password(db: Db, username: str, password_hash: str, by: str) -> Person:
    found = directory_repo.person_by_username(db, username)
    if found is None:
        raise NotFound(f"No user {username!r}.", f"Không có tài khoản {username!r}.")
    directory_repo.set_password(db, found[0].id, password_hash)
    directory_repo.delete_sessions_of(db, found[0].id)  # log out every device
    audit_repo.record(db, None, "person.password_reset", found[0].id, by=by)
    return found[0]
