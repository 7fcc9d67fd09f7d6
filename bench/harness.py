"""Shared pieces of the server benches: a seeded data folder, many people with sessions, a
server process, and its CPU time read from /proc."""

from __future__ import annotations

import os
import secrets
import statistics
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from meetings.people import Role
from meetings.units import UnitKind
from server import directory_ops as ops
from server.auth import Passwords, new_token
from server.config import AuthSettings
from server.store import directory_repo
from server.store.clock import now
from server.store.db import Store, migrate

FAST = AuthSettings(argon2_time_cost=1, argon2_memory_kib=8 * 1024, argon2_parallelism=1)
PASSWORD = "bench-password"


def seed_people(data: Path, delegates: int) -> tuple[list[str], str]:
    """A unit with a secretary and `delegates` delegates, each with a ready session token.

    Tokens are made directly in the store so that the bench measures events, not argon2.
    Returns the delegates' tokens and the secretary's token.
    """
    data.mkdir(parents=True, exist_ok=True)
    store = Store(f"sqlite:///{data / 'ecabinet.sqlite3'}")
    migrate(store.engine)
    hashed = Passwords(FAST).hash(PASSWORD)

    def seed(db: Any) -> tuple[list[str], str]:
        ops.add_unit(db, "ubnd", "UBND thành phố", UnitKind.PEOPLES_COMMITTEE, None, "bench")
        tokens = []
        expires = now().replace(year=now().year + 1)
        for index in range(delegates + 1):
            role = Role.SECRETARY if index == 0 else Role.DELEGATE
            person = ops.add_person(
                db,
                f"per_{index}",
                f"user{index}",
                f"Người dùng {index}",
                "",
                [("ubnd", role)],
                hashed,
                "bench",
            )
            token, token_hash = new_token()
            directory_repo.create_session(db, token_hash, person.id, now(), expires)
            tokens.append(token)
        return tokens[1:], tokens[0]

    try:
        return store.write_sync(seed)
    finally:
        store.engine.dispose()


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time of a process, from /proc/PID/stat."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def percentile(values: Sequence[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def summary(values: Sequence[float]) -> dict[str, float]:
    return {
        "p50": percentile(values, 0.5),
        "p99": percentile(values, 0.99),
        "max": max(values),
        "mean": statistics.fmean(values),
    }


def random_name() -> str:
    return secrets.token_hex(4)
