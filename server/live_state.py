"""What the server keeps in memory for live meetings: one timer per meeting that wakes up at
the next deadline (a vote that closes on a timer, a speech at its limit).

The deadlines themselves are stored with the state, and every command first applies whatever
is due, so after a restart a late vote is closed as of its deadline the first time anyone
touches the meeting; the timer only makes that happen without a touch while the server runs.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime
from weakref import WeakKeyDictionary

from server.store.clock import now
from server.store.db import Store

log = logging.getLogger("ecabinet.server.live")
Wake = Callable[[str], Awaitable[None]]


class LiveTimers:
    def __init__(self) -> None:
        self._tasks: dict[str, asyncio.Task[None]] = {}

    def arm(self, meeting_id: str, deadline: datetime | None, wake: Wake) -> None:
        """Wake `wake(meeting_id)` at `deadline`, replacing the meeting's previous timer."""
        previous = self._tasks.pop(meeting_id, None)
        if previous is not None and previous is not asyncio.current_task():
            previous.cancel()
        if deadline is None:
            return
        self._tasks[meeting_id] = asyncio.get_running_loop().create_task(
            self._sleep_then(meeting_id, deadline, wake), name=f"live-timer-{meeting_id}"
        )

    async def _sleep_then(self, meeting_id: str, deadline: datetime, wake: Wake) -> None:
        # A little after the deadline, so that "now >= deadline" holds when it runs.
        await asyncio.sleep(max(0.0, (deadline - now()).total_seconds()) + 0.01)
        try:
            await wake(meeting_id)
        except Exception:
            log.exception("closing what was due in meeting %s failed", meeting_id)

    def cancel_all(self) -> None:
        for task in self._tasks.values():
            task.cancel()
        self._tasks.clear()


# One set of timers per running server, found through its store (the app state is a plain
# dataclass that features do not extend).
_TIMERS: WeakKeyDictionary[Store, LiveTimers] = WeakKeyDictionary()


def timers_of(store: Store) -> LiveTimers:
    found = _TIMERS.get(store)
    if found is None:
        found = _TIMERS[store] = LiveTimers()
    return found
