"""A real server on loopback with a small organisation, and clients that log in to it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest

from ecabinet.net.client import Client
from server.app import RunningServer, running
from server.auth import Passwords
from server.config import AuthSettings, ServerConfig
from server.store.db import Store, migrate
from tests.server import org

# Cheap argon2 parameters: the tests check behaviour, not hashing cost.
FAST_AUTH = AuthSettings(argon2_time_cost=1, argon2_memory_kib=8 * 1024, argon2_parallelism=1)


def seed_data_dir(data_dir: Path) -> dict[str, str]:
    data_dir.mkdir(parents=True, exist_ok=True)
    store = Store(f"sqlite:///{data_dir / 'ecabinet.sqlite3'}")
    migrate(store.engine)
    ids = store.write_sync(lambda db: org.seed(db, Passwords(FAST_AUTH)))
    store.engine.dispose()
    return ids


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def people(data_dir: Path) -> dict[str, str]:
    return seed_data_dir(data_dir)


@pytest.fixture
def config(data_dir: Path, people: dict[str, str]) -> ServerConfig:
    return ServerConfig(data_dir=data_dir, port=0, auth=FAST_AUTH)


@pytest.fixture
async def server(config: ServerConfig) -> AsyncIterator[RunningServer]:
    async with running(config) as srv:
        yield srv


Login = Callable[[str], Awaitable[Client]]


@pytest.fixture
async def login(server: RunningServer) -> AsyncIterator[Login]:
    clients: list[Client] = []

    async def connect_as(key: str) -> Client:
        account = next(a for a in org.ACCOUNTS if a.key == key)
        client = await Client.connect(server.url, pinned=server.fingerprint)
        await client.login(account.username, org.PASSWORD)
        clients.append(client)
        return client

    yield connect_as
    for client in clients:
        await client.close()
