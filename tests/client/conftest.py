"""Client tests run on a qasync loop, so Qt, the client and a real server share one thread.

The server is the real one (TLS on loopback, SQLite in a temporary folder) and can be
stopped and started again on the same port to test reconnection.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AsyncExitStack
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QApplication

from ecabinet.core.i18n import Translations
from ecabinet.core.settings import Settings
from server.app import RunningServer, running
from server.config import ServerConfig
from server.demo.seed import seed_demo
from tests.server.conftest import FAST_AUTH, seed_data_dir
from tests.server.org import PASSWORD
from tests.support.qt import fonts, pytest_asyncio_loop_factories  # noqa: F401


@pytest.fixture
def vietnamese(qapp: QApplication) -> Any:
    translations = Translations(qapp)
    translations.switch("vi")
    yield translations
    translations.switch("en")


def wait_signal(
    signal: SignalInstance, timeout: float = 15, check: Callable[..., bool] = lambda *a: True
) -> Awaitable[tuple[Any, ...]]:
    """Listen now for the next emission of `signal` passing `check`; await the result later."""
    future: asyncio.Future[tuple[Any, ...]] = asyncio.get_running_loop().create_future()

    def fired(*args: Any) -> None:
        if not future.done() and check(*args):
            future.set_result(args)

    signal.connect(fired)

    async def result() -> tuple[Any, ...]:
        try:
            return await asyncio.wait_for(future, timeout)
        finally:
            signal.disconnect(fired)

    return result()


class ServerHandle:
    """A real server that tests can stop and start again on the same port and data."""

    def __init__(self, config: ServerConfig) -> None:
        self.config = config
        self.running: RunningServer | None = None
        self._stack: AsyncExitStack | None = None

    @property
    def url(self) -> str:
        assert self.running is not None
        return self.running.url

    @property
    def fingerprint(self) -> str | None:
        assert self.running is not None
        return self.running.fingerprint

    async def start(self) -> RunningServer:
        self._stack = AsyncExitStack()
        self.running = await self._stack.enter_async_context(running(self.config))
        self.config = replace(self.config, port=self.running.port)
        return self.running

    async def stop(self) -> None:
        if self._stack is not None:
            stack, self._stack = self._stack, None
            await stack.aclose()


@pytest.fixture
async def server(tmp_path: Path) -> AsyncIterator[ServerHandle]:
    data = tmp_path / "server"
    seed_data_dir(data)
    handle = ServerHandle(ServerConfig(data_dir=data, port=0, auth=FAST_AUTH))
    await handle.start()
    yield handle
    await handle.stop()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    found = Settings(tmp_path / "laptop" / "ecabinet.ini")
    found.cache_dir = tmp_path / "laptop" / "cache"
    return found


@pytest.fixture
async def demo(tmp_path: Path) -> AsyncIterator[tuple[ServerHandle, str]]:
    data = tmp_path / "demo"
    city = seed_demo(data, auth=FAST_AUTH)
    handle = ServerHandle(ServerConfig(data_dir=data, port=0, auth=FAST_AUTH))
    await handle.start()
    yield handle, city.password
    await handle.stop()


ORG_PASSWORD = PASSWORD
