"""The client's call view against a real server with video rooms, on a qasync loop.

The server, its seeded wards and room accounts and the protocol call sites come from
tests/call/conftest.py; here the client side is the real `Connection` and `CallSession`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from ecabinet.call.session import CallSession
from ecabinet.call.sources import SyntheticSpec, synthetic_source
from ecabinet.call.stamps import render_text
from ecabinet.net.connection import Connection
from media.ice import LOOPBACK
from server.app import RunningServer
from tests.call.conftest import (
    USERNAMES,
    config,
    login,
    loopback_only,
    meeting,
    new_site,
    progress,
    server,
)
from tests.client.conftest import _qt_loop, fonts, vietnamese
from tests.server import org

__all__ = [
    "config",
    "fonts",
    "login",
    "loopback_only",
    "meeting",
    "new_site",
    "progress",
    "server",
    "vietnamese",
]


def pytest_asyncio_loop_factories(
    config: pytest.Config, item: pytest.Item
) -> Mapping[str, Callable[[], Any]]:
    return {"qt": _qt_loop}


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


NewSession = Callable[..., CallSession]


@pytest.fixture
async def new_session() -> AsyncIterator[NewSession]:
    """Client call sessions on a connection, drawing pattern ``number``; left at the end."""
    sessions: list[CallSession] = []

    def make(connection: Connection, meeting_id: str, number: int, **options: Any) -> CallSession:
        assert connection.me is not None
        name = connection.me.full_name
        spec = SyntheticSpec(number, name, fps=10)
        session = CallSession(
            connection,
            meeting_id,
            connection.me.id,
            lambda: synthetic_source(spec, render_text),
            ice=LOOPBACK,
            **options,
        )
        connection.call_event.connect(session.handle_event)
        connection.live_event.connect(session.handle_live_event)
        sessions.append(session)
        return session

    yield make
    for session in sessions:
        await session.leave()
