"""Organisational units and their history.

Units are data: a ward can be renamed, moved under another parent or merged into another unit.
A change never deletes a unit; it appends a `UnitChange` and the old unit stays (inactive after
a merge, pointing at its successor), so meetings, members and archives keep their owner.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from meetings.errors import BadRequest, InvalidState


class UnitKind(StrEnum):
    PARTY_COMMITTEE = "party_committee"  # Thành ủy, Đảng ủy
    PEOPLES_COMMITTEE = "peoples_committee"  # UBND
    PEOPLES_COUNCIL = "peoples_council"  # HĐND
    WARD = "ward"  # phường, xã
    DEPARTMENT = "department"  # phòng, ban
    OFFICE = "office"  # văn phòng


class ChangeKind(StrEnum):
    CREATED = "created"
    RENAMED = "renamed"
    MOVED = "moved"
    MERGED = "merged"


@dataclass(frozen=True, slots=True)
class Unit:
    id: str
    name: str
    kind: UnitKind
    parent_id: str | None = None
    active: bool = True
    merged_into: str | None = None

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise BadRequest("A unit needs a name.", "Đơn vị cần có tên.")


@dataclass(frozen=True, slots=True)
class UnitChange:
    unit_id: str
    kind: ChangeKind
    at: datetime
    old_value: str | None
    new_value: str | None


def _require_active(unit: Unit) -> None:
    if not unit.active:
        raise InvalidState(
            f"Unit {unit.name!r} was merged and can no longer change.",
            f"Đơn vị {unit.name!r} đã được sáp nhập, không thể thay đổi.",
        )


def rename(unit: Unit, new_name: str, at: datetime) -> tuple[Unit, UnitChange]:
    _require_active(unit)
    renamed = replace(unit, name=new_name)
    return renamed, UnitChange(unit.id, ChangeKind.RENAMED, at, unit.name, new_name)


def move(
    unit: Unit, new_parent_id: str | None, at: datetime, ancestors_of_parent: list[str]
) -> tuple[Unit, UnitChange]:
    """Put `unit` under another parent; `ancestors_of_parent` guards against cycles."""
    _require_active(unit)
    if new_parent_id == unit.id or unit.id in ancestors_of_parent:
        raise BadRequest(
            "A unit cannot be placed under itself.", "Không thể đặt đơn vị dưới chính nó."
        )
    moved = replace(unit, parent_id=new_parent_id)
    return moved, UnitChange(unit.id, ChangeKind.MOVED, at, unit.parent_id, new_parent_id)


def merge(unit: Unit, into: Unit, at: datetime) -> tuple[Unit, UnitChange]:
    """Merge `unit` into `into`: `unit` stays as history and points at its successor.

    The caller moves the memberships over; meetings and documents keep the old unit id, and
    queries follow `merged_into` so the successor sees its predecessors' archives.
    """
    _require_active(unit)
    _require_active(into)
    if unit.id == into.id:
        raise BadRequest("A unit cannot merge into itself.", "Không thể sáp nhập vào chính nó.")
    merged = replace(unit, active=False, merged_into=into.id)
    return merged, UnitChange(unit.id, ChangeKind.MERGED, at, unit.name, into.id)


def lineage(unit_id: str, units: dict[str, Unit]) -> list[str]:
    """The unit and every unit merged into it, transitively (its predecessors)."""
    found = [unit_id]
    frontier = [unit_id]
    while frontier:
        current = frontier.pop()
        for other in units.values():
            if other.merged_into == current and other.id not in found:
                found.append(other.id)
                frontier.append(other.id)
    return found


def successor(unit_id: str, units: dict[str, Unit]) -> str:
    """The active unit that `unit_id` lives on in after any merges."""
    seen = {unit_id}
    current = units[unit_id]
    while current.merged_into is not None:
        if current.merged_into in seen:
            break
        seen.add(current.merged_into)
        current = units[current.merged_into]
    return current.id


def ancestors(unit_id: str | None, units: dict[str, Unit]) -> list[str]:
    """Parents of `unit_id` from the nearest up, bounded by the number of units."""
    chain: list[str] = []
    current = units.get(unit_id) if unit_id else None
    while current is not None and current.parent_id and len(chain) <= len(units):
        chain.append(current.parent_id)
        current = units.get(current.parent_id)
    return chain
