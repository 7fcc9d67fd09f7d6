"""What the server keeps in memory for live meetings: one timer per meeting that wakes up at
the next deadline (a vote that closes on a timer, a speech at its limit), and the ballots
waiting to be written together.

The deadlines themselves are stored with the state, and every command first applies whatever
is due, so after a restart a late vote is closed as of its deadline the first time anyone
touches the meeting; the timer only makes that happen without a touch while the server runs.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
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


@dataclass
class BallotBox:
    """Ballots waiting for the meeting's next write. Ballots that arrive while one batch is
    being written go into the next: one transaction, one fsync and one tally event for all
    of them (group commit), and each is acknowledged once its batch is on disk."""

    pending: list[tuple[Any, asyncio.Future[Any]]] = field(default_factory=list)
    draining: bool = False
    task: asyncio.Task[None] | None = None  # held so that the running drain is not collected


class LiveRuntime:
    """What one running server keeps in memory for its live meetings."""

    def __init__(self) -> None:
        self.timers = LiveTimers()
        self._boxes: dict[str, BallotBox] = {}

    def box(self, meeting_id: str) -> BallotBox:
        return self._boxes.setdefault(meeting_id, BallotBox())


# Found through the server's store: the app state is a plain dataclass that features do not
# extend.
_RUNTIMES: WeakKeyDictionary[Store, LiveRuntime] = WeakKeyDictionary()


def runtime_of(store: Store) -> LiveRuntime:
    found = _RUNTIMES.get(store)
    if found is None:
        found = _RUNTIMES[store] = LiveRuntime()
    return found
