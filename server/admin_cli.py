"""`python main.py admin --data DIR COMMAND ...`: people, passwords and units from the shell."""

from __future__ import annotations

import argparse
import getpass
import os
import secrets
import sys
from pathlib import Path

from meetings.errors import DomainError
from meetings.people import Role
from meetings.units import UnitKind
from server import config as settings
from server import directory_ops as ops
from server.auth import Passwords
from server.store import directory_repo
from server.store.db import Store, migrate


def parser() -> argparse.ArgumentParser:
    parse = argparse.ArgumentParser(prog="main.py admin", description=__doc__)
    parse.add_argument("--data", type=Path, default=Path("data"))
    sub = parse.add_subparsers(dest="command", required=True)
    add = sub.add_parser("add-person", help="create a person")
    add.add_argument("username")
    add.add_argument("--name", required=True, help="full name")
    add.add_argument("--title", default="", help="job title, e.g. 'Phó Chủ tịch'")
    add.add_argument(
        "--role",
        action="append",
        default=[],
        metavar="UNIT:ROLE",
        help=f"a role in a unit; roles: {', '.join(r.value for r in Role)}",
    )
    add.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    reset = sub.add_parser("reset-password", help="set a new password; logs out every device")
    reset.add_argument("username")
    reset.add_argument("--password-stdin", action="store_true")
    sub.add_parser("list-people")
    sub.add_parser("list-units")
    unit = sub.add_parser("add-unit")
    unit.add_argument("unit_id")
    unit.add_argument("--name", required=True)
    unit.add_argument("--kind", required=True, choices=[k.value for k in UnitKind])
    unit.add_argument("--parent")
    rename = sub.add_parser("rename-unit")
    rename.add_argument("unit_id")
    rename.add_argument("name")
    merge = sub.add_parser("merge-unit", help="merge a unit into another, keeping its history")
    merge.add_argument("unit_id")
    merge.add_argument("into")
    return parse


def _password(from_stdin: bool) -> str:
    if from_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass("New password: ")
        if getpass.getpass("Again: ") != password:
            raise SystemExit("the passwords differ")
    if len(password) < 8:
        raise SystemExit("a password needs at least 8 characters")
    return password


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    config = settings.load(args.data)
    config.data_dir.mkdir(parents=True, exist_ok=True)
    store = Store(config.db_url)
    migrate(store.engine)
    by = f"admin-cli:{os.environ.get('USER', 'unknown')}"
    try:
        if args.command == "add-person":
            roles = []
            for spec in args.role:
                unit_id, _, role = spec.partition(":")
                roles.append((unit_id, Role(role)))
            hashed = Passwords(config.auth).hash(_password(args.password_stdin))
            person = store.write_sync(
                lambda db: ops.add_person(
                    db,
                    f"per_{secrets.token_hex(8)}",
                    args.username,
                    args.name,
                    args.title,
                    roles,
                    hashed,
                    by,
                )
            )
            print(f"created {person.username} ({person.id})")
        elif args.command == "reset-password":
            hashed = Passwords(config.auth).hash(_password(args.password_stdin))
            person = store.write_sync(lambda db: ops.reset_password(db, args.username, hashed, by))
            print(f"password reset for {person.username}; every session ended")
        elif args.command == "list-people":
            for x in store.read_sync(directory_repo.all_people):
                held = ", ".join(f"{m.unit_id}:{m.role.value}" for m in x.memberships)
                print(f"{x.username:24} {x.full_name:32} {held}")
        elif args.command == "list-units":
            for u in store.read_sync(directory_repo.all_units).values():
                state = "" if u.active else f"  (merged into {u.merged_into})"
                print(f"{u.id:24} {u.kind.value:18} {u.name}{state}")
        elif args.command == "add-unit":
            store.write_sync(
                lambda db: ops.add_unit(
                    db, args.unit_id, args.name, UnitKind(args.kind), args.parent, by
                )
            )
            print(f"created unit {args.unit_id}")
        elif args.command == "rename-unit":
            store.write_sync(lambda db: ops.rename_unit(db, args.unit_id, args.name, by))
            print(f"renamed {args.unit_id} to {args.name}")
        elif args.command == "merge-unit":
            store.write_sync(lambda db: ops.merge_unit(db, args.unit_id, args.into, by))
            print(f"merged {args.unit_id} into {args.into}")
    except (DomainError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        store.engine.dispose()
    return 0
