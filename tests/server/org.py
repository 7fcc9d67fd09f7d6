"""A small organisation for server tests: one city committee, two wards, one of each role."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection as Db

from meetings.people import Role
from meetings.units import UnitKind
from server import directory_ops as ops
from server.auth import Passwords

PASSWORD = "mat-khau-thu-nghiem"


@dataclass(frozen=True)
class Account:
    key: str
    username: str
    full_name: str
    roles: tuple[tuple[str, Role], ...]


ACCOUNTS = [
    Account("secretary", "thuky", "Nguyễn Thị Thư", (("ubnd", Role.SECRETARY),)),
    Account("chair", "chutich", "Trần Văn Chủ", (("ubnd", Role.CHAIR),)),
    Account("delegate", "daibieu", "Lê Văn Đại", (("ubnd", Role.DELEGATE),)),
    Account("room", "phong.phucuong", "Điểm cầu phường Phú Cường", (("phu-cuong", Role.ROOM),)),
    Account("clerk", "vanthu", "Phạm Thị Văn", (("ubnd", Role.CLERK),)),
    Account("admin", "quantri", "Quản trị hệ thống", (("ubnd", Role.ADMIN),)),
    Account("outsider", "nguoingoai", "Võ Văn Ngoài", (("hiep-thanh", Role.DELEGATE),)),
    Account("ward_secretary", "thuky.phucuong", "Đỗ Thị Phường", (("phu-cuong", Role.SECRETARY),)),
]


def seed(db: Db, passwords: Passwords) -> dict[str, str]:
    """Create the units and accounts; returns person ids by account key."""
    ops.add_unit(db, "ubnd", "UBND thành phố Thủ Dầu Một", UnitKind.PEOPLES_COMMITTEE, None, "t")
    ops.add_unit(db, "phu-cuong", "UBND phường Phú Cường", UnitKind.WARD, "ubnd", "t")
    ops.add_unit(db, "hiep-thanh", "UBND phường Hiệp Thành", UnitKind.WARD, "ubnd", "t")
    hashed = passwords.hash(PASSWORD)
    ids = {}
    for account in ACCOUNTS:
        person = ops.add_person(
            db,
            f"per_{account.key}",
            account.username,
            account.full_name,
            "",
            list(account.roles),
            hashed,
            "test",
        )
        ids[account.key] = person.id
    return ids
