"""Deadlines: votes that close on a timer and speeches that reach their limit."""

from __future__ import annotations

from datetime import datetime

from meetings.live import floor, votes
from meetings.live.model import Event, LiveState


def due(state: LiveState, now: datetime) -> tuple[LiveState, list[Event]]:
    """Close every vote past its time and end a speech past its limit, as of `now`."""
    events: list[Event] = []
    for vote in state.open_votes:
        if vote.closes_at is not None and now >= vote.closes_at:
            state, more = votes.close(state, vote.id, now)
            events += more
    if state.floor is not None and now >= state.floor.deadline:
        state, more = floor.end(state, now)
        events += more
    return state, events


def next_deadline(state: LiveState) -> datetime | None:
    moments = [v.closes_at for v in state.open_votes if v.closes_at is not None]
    if state.floor is not None:
        moments.append(state.floor.deadline)
    return min(moments, default=None)
