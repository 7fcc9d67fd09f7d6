"""The live state of one meeting, kept current: `live.state.get` on opening and after every
reconnect, then the `live.*` events applied as they come.

`apply_event` is the plain part (no Qt): it takes the state and an event and returns the new
state and what changed. `LiveState` wraps it in Qt signals for the widgets.
"""

from __future__ import annotations

import logging
from enum import StrEnum
from typing import Any, Literal

from PySide6.QtCore import QLocale, QObject, Signal
from qasync import asyncSlot

from ecabinet.net.client import Disconnected, ServerError
from ecabinet.net.connection import Connection
from meetings import protocol_live as pl
from meetings.live.model import Choice, VoteStatus

log = logging.getLogger(__name__)


class Part(StrEnum):
    ATTENDANCE = "attendance"
    FLOOR = "floor"
    VOTES = "votes"
    ITEM = "item"
    PRESENTATION = "presentation"


ALL_PARTS = frozenset(Part)


def apply_event(state: pl.LiveStateView, event: Any) -> tuple[pl.LiveStateView, frozenset[Part]]:
    """The state after `event`, and the parts that changed (none for a stale or foreign one).

    Attendance, floor and item events carry the state's `version`: one older than the state
    was already folded into what `live.state.get` returned, and is dropped. Votes and the
    presentation carry the whole of their part and are taken as they come.
    """
    if getattr(event, "meeting_id", None) != state.meeting_id:
        return state, frozenset()
    version = getattr(event, "version", None)
    if version is not None and version < state.version:
        return state, frozenset()
    bumped = max(state.version, version) if version is not None else state.version
    if isinstance(event, pl.AttendanceChanged):
        new = state.model_copy(
            update={"version": bumped, "attendance": event.attendance, "quorum": event.quorum}
        )
        return new, frozenset({Part.ATTENDANCE})
    if isinstance(event, pl.FloorChanged):
        speeches = list(state.speeches)
        if event.last_speech is not None and not any(
            s.person_id == event.last_speech.person_id
            and s.started_at == event.last_speech.started_at
            for s in speeches
        ):
            speeches.append(event.last_speech)
        parts = {Part.FLOOR}
        update: dict[str, Any] = {
            "version": bumped,
            "queue": event.queue,
            "floor": event.floor,
            "speeches": speeches,
            "speaking_seconds": event.speaking_seconds,
        }
        if event.current_item != state.current_item:
            update["current_item"] = event.current_item
            parts.add(Part.ITEM)
        return state.model_copy(update=update), frozenset(parts)
    if isinstance(event, pl.ItemChanged):
        new = state.model_copy(update={"version": bumped, "current_item": event.current_item})
        return new, frozenset({Part.ITEM})
    if isinstance(event, pl.VoteChanged):
        votes = [v for v in state.votes if v.id != event.vote.id]
        old = next((v for v in state.votes if v.id == event.vote.id), None)
        if old is not None and old.status is VoteStatus.CLOSED and event.reason != "closed":
            return state, frozenset()  # a tally overtaken by the close
        if old is not None and old.status is VoteStatus.OPEN and event.vote.cast < old.cast:
            return state, frozenset()  # an older tally arriving late
        at = next((i for i, v in enumerate(state.votes) if v.id == event.vote.id), len(votes))
        votes.insert(at, event.vote)
        return state.model_copy(update={"votes": votes}), frozenset({Part.VOTES})
    if isinstance(event, pl.PresentationChanged):
        new = state.model_copy(update={"presentation": event.presentation})
        return new, frozenset({Part.PRESENTATION})
    return state, frozenset()


def server_text(exc: ServerError) -> str:
    """The server's error in the language on screen."""
    vietnamese = QLocale().language() == QLocale.Language.Vietnamese
    return exc.message_vi if vietnamese and exc.message_vi else exc.message


def open_vote(state: pl.LiveStateView) -> pl.VoteView | None:
    """The vote open in the meeting now (at most one)."""
    return next((v for v in reversed(state.votes) if v.status is VoteStatus.OPEN), None)


def latest_vote(state: pl.LiveStateView) -> pl.VoteView | None:
    """The open vote, else the last one (for the results panel)."""
    return open_vote(state) or (state.votes[-1] if state.votes else None)


def my_entry(state: pl.LiveStateView, person_id: str | None) -> pl.AttendeeView | None:
    return next((a for a in state.attendance if a.person_id == person_id), None)


def my_named_choice(vote: pl.VoteView, person_id: str | None) -> Choice | None:
    """What I chose in a named vote, as the server shows it (also after a reconnect)."""
    for ballot in vote.by_name or []:
        if ballot.person_id == person_id:
            return ballot.choice
    return None


def _newer(a: pl.VoteView, b: pl.VoteView) -> pl.VoteView:
    if (a.status is VoteStatus.CLOSED) != (b.status is VoteStatus.CLOSED):
        return a if a.status is VoteStatus.CLOSED else b
    return a if a.cast >= b.cast else b


def merge_votes(fresh: pl.LiveStateView, held: pl.LiveStateView) -> pl.LiveStateView:
    """`fresh` with, for each vote, the later of its two copies: ballots do not move the
    version, so a reply can carry a tally older than an event already applied."""
    mine = {v.id: v for v in held.votes}
    votes = [_newer(v, mine[v.id]) if v.id in mine else v for v in fresh.votes]
    voted = sorted(set(fresh.voted) | set(held.voted))
    return fresh.model_copy(update={"votes": votes, "voted": voted})


class LiveState(QObject):
    """One meeting's live state as Qt signals; `view` is None until the first load."""

    loaded = Signal()  # the whole state replaced (first load, reconnect)
    attendance_changed = Signal()
    floor_changed = Signal()
    votes_changed = Signal()
    item_changed = Signal()
    presentation_changed = Signal()
    failed = Signal(str)  # a load that did not work, as text for the status line

    def __init__(
        self, connection: Connection, meeting_id: str, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.connection = connection
        self.meeting_id = meeting_id
        self.view: pl.LiveStateView | None = None
        self.my_choices: dict[str, Choice] = {}  # what I chose, from my receipts
        self._early: list[Any] = []  # events that came while the first load was on its way
        self._loading = False
        connection.live_event.connect(self.apply)
        connection.reconnected.connect(self.reload)

    @property
    def me(self) -> str | None:
        return self.connection.me.id if self.connection.me is not None else None

    async def load(self) -> pl.LiveStateView | None:
        """Fetch the whole state; events that arrived meanwhile are applied after it."""
        self._loading = True
        try:
            data = await self.connection.call("live.state.get", meeting_id=self.meeting_id)
        except Disconnected as exc:
            log.info("live state of %s not loaded: %s", self.meeting_id, exc)
            self.failed.emit(
                self.tr("Not connected to the server: live actions need the connection.")
            )
            return None
        except ServerError as exc:
            log.info("live state of %s not loaded: %s", self.meeting_id, exc)
            self.failed.emit(server_text(exc))
            return None
        finally:
            self._loading = False
        self.view = pl.LiveStateView.model_validate(data)
        early, self._early = self._early, []
        for event in early:
            self.view, _parts = apply_event(self.view, event)
        self.loaded.emit()
        return self.view

    @asyncSlot()
    async def reload(self) -> None:
        await self.load()

    def apply(self, event: Any) -> None:
        if getattr(event, "meeting_id", None) != self.meeting_id:
            return
        if self.view is None or self._loading:
            self._early.append(event)
            return
        self.view, parts = apply_event(self.view, event)
        self._emit(parts)

    def _emit(self, parts: frozenset[Part]) -> None:
        signals = {
            Part.ATTENDANCE: self.attendance_changed,
            Part.FLOOR: self.floor_changed,
            Part.VOTES: self.votes_changed,
            Part.ITEM: self.item_changed,
            Part.PRESENTATION: self.presentation_changed,
        }
        for part in Part:
            if part in parts:
                signals[part].emit()

    def take_receipt(self, receipt: pl.BallotReceipt) -> None:
        """My ballot is counted: remember it (and my choice) for the ballot panel."""
        if self.view is None:
            return
        self.my_choices[receipt.vote_id] = receipt.choice
        if receipt.vote_id not in self.view.voted:
            voted = [*self.view.voted, receipt.vote_id]
            self.view = self.view.model_copy(update={"voted": voted})
        self.votes_changed.emit()

    def take_vote(self, vote: pl.VoteView) -> None:
        """A vote from a reply (open, close): applied like its event."""
        if self.view is not None:
            reason: Literal["opened", "closed"] = (
                "closed" if vote.status is VoteStatus.CLOSED else "opened"
            )
            event = pl.VoteChanged(meeting_id=self.meeting_id, reason=reason, vote=vote)
            self.view, parts = apply_event(self.view, event)
            self._emit(parts)

    def take_state(self, data: Any) -> None:
        """A whole state from a reply (most requests answer with it)."""
        view = pl.LiveStateView.model_validate(data)
        if self.view is not None:
            if view.version < self.view.version:
                return
            view = merge_votes(view, self.view)
        self.view = view
        self.loaded.emit()
