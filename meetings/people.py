"""People, their roles and their memberships in units."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from meetings.errors import BadRequest


class Role(StrEnum):
    SECRETARY = "secretary"  # thư ký
    CHAIR = "chair"  # chủ trì
    DELEGATE = "delegate"  # đại biểu
    ROOM = "room"  # điểm cầu: a ward hall's room account
    CLERK = "clerk"  # văn thư
    ADMIN = "admin"  # quản trị


USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,62}$")


@dataclass(frozen=True, slots=True)
class Membership:
    unit_id: str
    role: Role


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    username: str
    full_name: str
    title: str = ""  # job title as printed in signature blocks, e.g. "Chủ tịch"
    memberships: tuple[Membership, ...] = field(default=())
    active: bool = True

    def __post_init__(self) -> None:
        if not USERNAME.match(self.username):
            raise BadRequest(
                "A username is 2-63 lower-case letters, digits, '.', '_' or '-'.",
                "Tên đăng nhập gồm 2-63 chữ thường, số, '.', '_' hoặc '-'.",
            )
        if not self.full_name.strip():
            raise BadRequest("A person needs a full name.", "Cần nhập họ và tên.")

    def roles_in(self, unit_ids: Iterable[str]) -> set[Role]:
        wanted = set(unit_ids)
        return {m.role for m in self.memberships if m.unit_id in wanted}

    @property
    def unit_ids(self) -> set[str]:
        return {m.unit_id for m in self.memberships}

    @property
    def is_admin(self) -> bool:
        return any(m.role is Role.ADMIN for m in self.memberships)
