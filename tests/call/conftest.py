"""A real server with video rooms on loopback, an organisation with three ward halls, and
call sites that log in to it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from ecabinet.net.client import Client
from media import aiortc_hooks
from media.ice import LOOPBACK, apply_host_addresses
from meetings.people import Role
from meetings.units import UnitKind
from server import directory_ops as ops
from server.app import RunningServer, running
from server.auth import Passwords
from server.config import ServerConfig
from server.sfu import configure, shutdown
from server.sfu.settings import SfuSettings
from server.store.db import Store
from tests.call.peers import CallSite, Progress
from tests.server import org
from tests.server.conftest import FAST_AUTH, seed_data_dir
from tests.server.meeting_helpers import published_meeting

# Beyond tests/server/org.py: a third ward, and a room account for each ward hall.
ROOMS = {
    "room": "phu-cuong",
    "room_hiep_thanh": "hiep-thanh",
    "room_chanh_nghia": "chanh-nghia",
}
USERNAMES = {
    **{a.key: a.username for a in org.ACCOUNTS},
    "room_hiep_thanh": "phong.hiepthanh",
    "room_chanh_nghia": "phong.chanhnghia",
}
SETTINGS = SfuSettings(ice=LOOPBACK, stats_interval=1.0)


@pytest.fixture(autouse=True)
def loopback_only() -> Iterator[None]:
    """Every peer in these tests, the server's included, gathers on 127.0.0.1 only."""
    apply_host_addresses(LOOPBACK)
    yield
    aiortc_hooks.set_host_addresses(None)


def seed_rooms(data_dir: Path) -> None:
    store = Store(f"sqlite:///{data_dir / 'ecabinet.sqlite3'}")

    def add(db: Any) -> None:
        ops.add_unit(db, "chanh-nghia", "UBND phường Chánh Nghĩa", UnitKind.WARD, "ubnd", "t")
        hashed = Passwords(FAST_AUTH).hash(org.PASSWORD)
        for key, unit in ROOMS.items():
            if key == "room":
                continue
            name = f"Điểm cầu {unit}"
            ops.add_person(
                db, f"per_{key}", USERNAMES[key], name, "", [(unit, Role.ROOM)], hashed, "t"
            )

    store.write_sync(add)
    store.engine.dispose()


@pytest.fixture
def config(tmp_path: Path) -> ServerConfig:
    data_dir = tmp_path / "data"
    seed_data_dir(data_dir)
    seed_rooms(data_dir)
    return ServerConfig(data_dir=data_dir, port=0, auth=FAST_AUTH)


@pytest.fixture
async def server(config: ServerConfig) -> AsyncIterator[RunningServer]:
    async with running(config) as srv:
        configure(srv.state, SETTINGS)
        try:
            yield srv
        finally:
            await shutdown(srv.state)


Login = Callable[[str], Awaitable[Client]]


@pytest.fixture
async def login(server: RunningServer) -> AsyncIterator[Login]:
    clients: list[Client] = []

    async def connect_as(key: str) -> Client:
        client = await Client.connect(server.url, pinned=server.fingerprint)
        await client.login(USERNAMES[key], org.PASSWORD)
        clients.append(client)
        return client

    yield connect_as
    for client in clients:
        await client.close()


@pytest.fixture
def progress() -> Progress:
    return Progress()


@pytest.fixture
async def meeting(login: Login) -> dict[str, Any]:
    """A published video meeting of the city committee inviting the three wards."""
    secretary = await login("secretary")
    return await published_meeting(
        secretary, invited_unit_ids=["ubnd", "phu-cuong", "hiep-thanh", "chanh-nghia"]
    )


Sites = Callable[..., Awaitable[CallSite]]


@pytest.fixture
async def new_site(login: Login, progress: Progress) -> AsyncIterator[Sites]:
    sites: list[CallSite] = []

    async def make(key: str, number: int, **options: Any) -> CallSite:
        site = CallSite(await login(key), number, progress, **options)
        sites.append(site)
        return site

    yield make
    for site in sites:
        await site.close()
