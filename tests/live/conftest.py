"""A hall for live-meeting tests: the small organisation of tests/server plus nine more
delegates, a second chair and two more ward halls, so that a full session has a chair, a
secretary, 10 delegates and 3 ward halls."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from ecabinet.net.client import Client
from meetings import protocol as p
from meetings.people import Role
from meetings.units import UnitKind
from server import directory_ops as ops
from server.app import RunningServer, running
from server.auth import Passwords
from server.config import ServerConfig
from server.store.db import Store
from tests.server import org
from tests.server.conftest import FAST_AUTH, seed_data_dir
from tests.support.pki import LoopbackPki, serve_pki

DELEGATES = ["daibieu"] + [f"daibieu{n:02d}" for n in range(1, 10)]
ROOMS = ["phong.phucuong", "phong.chanhnghia", "phong.phutho"]
WARDS = ["phu-cuong", "chanh-nghia", "phu-tho"]


def seed_hall(data_dir: Path) -> None:
    seed_data_dir(data_dir)
    store = Store(f"sqlite:///{data_dir / 'ecabinet.sqlite3'}")
    hashed = Passwords(FAST_AUTH).hash(org.PASSWORD)

    def add(db: Any) -> None:
        ops.add_unit(db, "chanh-nghia", "UBND phường Chánh Nghĩa", UnitKind.WARD, "ubnd", "t")
        ops.add_unit(db, "phu-tho", "UBND phường Phú Thọ", UnitKind.WARD, "ubnd", "t")
        for n, username in enumerate(DELEGATES[1:], 1):
            ops.add_person(
                db,
                f"per_d{n:02d}",
                username,
                f"Đại biểu số {n:02d}",
                "Phó Giám đốc Sở",
                [("ubnd", Role.DELEGATE)],
                hashed,
                "test",
            )
        ops.add_person(
            db,
            "per_chair2",
            "phochutich",
            "Ngô Thị Phó",
            "Phó Chủ tịch",
            [("ubnd", Role.CHAIR)],
            hashed,
            "test",
        )
        for username, ward, name in (
            ("phong.chanhnghia", "chanh-nghia", "Điểm cầu phường Chánh Nghĩa"),
            ("phong.phutho", "phu-tho", "Điểm cầu phường Phú Thọ"),
        ):
            ops.add_person(
                db, f"per_{ward}", username, name, "", [(ward, Role.ROOM)], hashed, "test"
            )

    store.write_sync(add)
    store.engine.dispose()


@pytest.fixture(scope="session")
def hall_pki(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LoopbackPki]:
    """The test PKI and its timestamp authority on loopback: the minutes get signed."""
    with serve_pki(tmp_path_factory.mktemp("hall-pki")) as pki:
        yield pki


@pytest.fixture
def hall_dir(tmp_path: Path, hall_pki: LoopbackPki) -> Path:
    data = tmp_path / "data"
    seed_hall(data)
    hall_pki.write_server_trust(data)
    return data


@pytest.fixture
async def hall(hall_dir: Path) -> AsyncIterator[RunningServer]:
    async with running(ServerConfig(data_dir=hall_dir, port=0, auth=FAST_AUTH)) as srv:
        yield srv


Connect = Callable[[str], Awaitable[Client]]


@pytest.fixture
async def connect(hall: RunningServer) -> AsyncIterator[Connect]:
    clients: list[Client] = []

    async def as_user(username: str) -> Client:
        client = await Client.connect(hall.url, pinned=hall.fingerprint)
        await client.login(username, org.PASSWORD)
        clients.append(client)
        return client

    yield as_user
    for client in clients:
        await client.close()


async def running_meeting(secretary: Client, chair: Client, items: int = 3) -> dict[str, Any]:
    """A meeting of the city committee with the three wards, in session."""
    meeting = await secretary.call(
        "meeting.create",
        title="Phiên họp UBND thành phố tháng 12",
        organiser_unit_id="ubnd",
        starts_at="2026-12-01T08:00:00+07:00",
        ends_at="2026-12-01T11:30:00+07:00",
        hall="Hội trường A",
        video=True,
        invited_unit_ids=["ubnd", *WARDS],
    )
    titles = ["Báo cáo kinh tế - xã hội", "Tờ trình đầu tư công", "Kế hoạch chuyển đổi số"]
    for title in titles[:items]:
        await secretary.call("agenda.add", meeting_id=meeting["id"], title=title)
    await secretary.call("meeting.transition", meeting_id=meeting["id"], to="published")
    return await chair.call("meeting.transition", meeting_id=meeting["id"], to="in_progress")


async def event_where(
    client: Client, predicate: Callable[[p.Model], bool], timeout: float = 10
) -> p.Model:
    """The first pushed event that satisfies `predicate`, skipping the others."""
    async with asyncio.timeout(timeout):
        while True:
            event = await client.events.get()
            if predicate(event):
                return event
