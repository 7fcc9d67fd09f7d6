"""Waiting in media tests for something a peer receives, without sleeping."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

TIMEOUT = 30.0


class Progress:
    """Set whenever a peer in the test receives something; tests await conditions on it."""

    def __init__(self) -> None:
        self._event = asyncio.Event()

    def notify(self) -> None:
        self._event.set()

    async def wait_for(
        self, predicate: Callable[[], bool], what: str, seconds: float = TIMEOUT
    ) -> None:
        try:
            async with asyncio.timeout(seconds):
                while not predicate():
                    self._event.clear()
                    await self._event.wait()
        except TimeoutError:
            raise AssertionError(f"timed out after {seconds} s waiting for {what}") from None
