"""The call's media runs on a plain asyncio loop in a thread of its own, not on the GUI loop.

Every RTP packet is an event-loop callback; on the qasync loop each would be a Qt timer started
and killed from Python, and decoding and encoding would hold up the window. Here the media loop
is a standard asyncio loop; the GUI loop carries the websocket and the view's own timers. The
session is plain asyncio code and does not notice. (With PySide6 6.12.0 under Python 3.11 the
timers also lost a reference to None each, which aborted the interpreter within a minute of a
call; pyproject.toml keeps that release out: docs/call-client.md.) The client's garbage
collector runs in the GUI thread only (ecabinet/core/gui_gc.py), so a collection here never
destroys a Qt object.

`ThreadLink` lets the session, running here, send requests over the client's connection,
which lives on the GUI loop.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

T = TypeVar("T")


class MediaThread:
    def __init__(self, name: str = "ecabinet-call-media") -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        self.loop.run_forever()

    async def run(self, coro: Coroutine[Any, Any, T]) -> T:
        """Run ``coro`` on the media loop and await its result from the calling loop."""
        return await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(coro, self.loop))

    def call(self, function: Callable[..., Any], *args: Any) -> None:
        """Call ``function(*args)`` on the media loop, soon."""
        if not self.loop.is_closed():
            self.loop.call_soon_threadsafe(function, *args)

    async def stop(self) -> None:
        """Cancel what is left on the media loop, stop it and wait for the thread."""
        if self.loop.is_closed():
            return

        async def cancel_rest() -> None:
            tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

        await self.run(cancel_rest())
        self.loop.call_soon_threadsafe(self.loop.stop)
        await asyncio.to_thread(self._thread.join, 10)
        if not self._thread.is_alive():
            self.loop.close()


class ThreadLink:
    """``call(kind, **fields)`` from the media loop, carried out on the GUI loop."""

    def __init__(self, link: Any, loop: asyncio.AbstractEventLoop) -> None:
        self.link = link
        self.loop = loop

    async def call(self, kind: str, /, **fields: Any) -> Any:
        future = asyncio.run_coroutine_threadsafe(self.link.call(kind, **fields), self.loop)
        return await asyncio.wrap_future(future)
