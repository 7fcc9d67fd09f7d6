"""The client's call view against a real server with video rooms.

The server and the protocol call sites (tests/call/peers.py) run on a plain asyncio loop in a
thread of their own, the client (Qt, qasync) on the test's loop, as on two machines: with
PySide6 6.12.0 every callback of the qasync loop drops a reference to None (see
ecabinet/call/media_thread.py), and a server forwarding four sites' media on that loop would
run it out within a minute. The seeded organisation (three wards, their room accounts) comes
from tests/call/conftest.py.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AsyncExitStack
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from ecabinet.call.controller import CallController
from ecabinet.call.media_thread import MediaThread
from ecabinet.net.client import Client
from ecabinet.net.connection import Connection
from server.app import RunningServer, running
from server.config import ServerConfig
from server.sfu import configure, shutdown
from tests.call.conftest import SETTINGS, USERNAMES, config, loopback_only
from tests.call.peers import CallSite
from tests.client.conftest import vietnamese
from tests.server import org
from tests.server.meeting_helpers import published_meeting
from tests.support.progress import Progress
from tests.support.qt import fonts, pytest_asyncio_loop_factories

__all__ = [
    "config",
    "fonts",
    "loopback_only",
    "pytest_asyncio_loop_factories",
    "vietnamese",
]


class ThreadProgress(Progress):
    """A `Progress` that peers on the other loop may notify.

    Their notifications only set a flag, which a task on the test's loop turns into a wake-up
    every 10 ms: crossing threads through qasync costs a reference to True each time (PySide6
    6.12.0 on CPython 3.11), and the peers notify hundreds of times a second.
    """

    def __init__(self) -> None:
        super().__init__()
        self._thread = threading.get_ident()
        self._dirty = False
        self._poller = asyncio.get_running_loop().create_task(self._poll())

    def notify(self) -> None:
        if threading.get_ident() == self._thread:
            super().notify()
        else:
            self._dirty = True

    async def _poll(self) -> None:
        with contextlib.suppress(asyncio.CancelledError):
            for _ in range(100_000_000):
                await asyncio.sleep(0.01)
                if self._dirty:
                    self._dirty = False
                    super().notify()

    async def close(self) -> None:
        self._poller.cancel()
        await asyncio.gather(self._poller, return_exceptions=True)


@pytest.fixture
async def progress() -> AsyncIterator[ThreadProgress]:
    found = ThreadProgress()
    yield found
    await found.close()


@pytest.fixture
async def remote() -> AsyncIterator[MediaThread]:
    """The other machine: a plain asyncio loop in a thread."""
    thread = MediaThread("test-server")
    yield thread
    await thread.stop()


@pytest.fixture
async def server(config: ServerConfig, remote: MediaThread) -> AsyncIterator[RunningServer]:
    stack = AsyncExitStack()

    async def start() -> RunningServer:
        srv = await stack.enter_async_context(running(config))
        configure(srv.state, SETTINGS)
        return srv

    srv = await remote.run(start())
    yield srv

    async def stop() -> None:
        await shutdown(srv.state)
        await stack.aclose()

    await remote.run(stop())


Login = Callable[[str], Awaitable[Client]]


@pytest.fixture
async def login(server: RunningServer, remote: MediaThread) -> AsyncIterator[Login]:
    """Protocol clients on the server's side (secretaries, call sites)."""
    clients: list[Client] = []

    async def connect_as(key: str) -> Client:
        async def connect() -> Client:
            client = await Client.connect(server.url, pinned=server.fingerprint)
            await client.login(USERNAMES[key], org.PASSWORD)
            return client

        client = await remote.run(connect())
        clients.append(client)
        return client

    yield connect_as
    for client in clients:
        await remote.run(client.close())


@pytest.fixture
async def meeting(login: Login, remote: MediaThread) -> dict[str, Any]:
    """A published video meeting of the city committee inviting the three wards."""
    secretary = await login("secretary")
    return await remote.run(
        published_meeting(
            secretary, invited_unit_ids=["ubnd", "phu-cuong", "hiep-thanh", "chanh-nghia"]
        )
    )


Sites = Callable[..., Awaitable[CallSite]]


@pytest.fixture
async def new_site(
    login: Login, remote: MediaThread, progress: ThreadProgress
) -> AsyncIterator[Sites]:
    """Protocol call sites (tests/call/peers.py) on the server's loop; `join` them with
    ``await remote.run(site.join(meeting_id))``."""
    sites: list[CallSite] = []

    async def make(key: str, number: int, **options: Any) -> CallSite:
        client = await login(key)

        async def build() -> CallSite:
            return CallSite(client, number, progress, **options)

        site = await remote.run(build())
        sites.append(site)
        return site

    yield make
    for site in sites:
        await remote.run(site.close())


Connect = Callable[[str], Awaitable[Connection]]


@pytest.fixture
async def connect(server: RunningServer, qapp: QApplication) -> AsyncIterator[Connect]:
    """Signed-in client connections (the Qt `Connection` the desktop client uses)."""
    opened: list[Connection] = []

    async def sign_in(key: str) -> Connection:
        connection = Connection(retry_delay=0.05, max_retry_delay=0.5)
        await connection.open(server.url, server.fingerprint)
        await connection.login(USERNAMES[key], org.PASSWORD)
        opened.append(connection)
        return connection

    yield sign_in
    for connection in opened:
        await connection.close()


@pytest.fixture
async def calls() -> AsyncIterator[list[CallController]]:
    """Call controllers a test opens; any still in a call hang up at the end."""
    opened: list[CallController] = []
    yield opened
    for controller in opened:
        await controller.leave()
