"""`live.cast`: ballots are written in batches. While one batch is on its way to disk, the
ballots that arrive wait in the meeting's ballot box and go together in the next transaction:
one fsync and one tally event for all of them, and each ballot is acknowledged once its batch
is durable. Each ballot is still decided on its own by the domain (one per person, eligible,
vote open), so a refused ballot fails alone."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection as Db

from meetings import protocol_live as pl
from meetings.errors import DomainError, Unauthenticated
from meetings.live import timers, votes
from meetings.live.model import Choice, Event, VoteKind
from meetings.permissions import Action, require
from server import live_views
from server.handlers import handles
from server.handlers.common import directory, meeting_or_404
from server.handlers.live import Outcome, _forget_history, _prepare, _publish, _running
from server.live_state import runtime_of
from server.store import audit_repo, directory_repo, live_repo
from server.store.clock import now

if TYPE_CHECKING:
    from server.connection import Connection
    from server.state import AppState

Ballot = tuple["Connection", pl.CastBallot]
MAX_BATCH = 1000


@handles(pl.CastBallot)
async def cast(app: AppState, conn: Connection, request: pl.CastBallot) -> pl.BallotReceipt:
    box = runtime_of(app.store).box(request.meeting_id)
    future: asyncio.Future[pl.BallotReceipt] = asyncio.get_running_loop().create_future()
    box.pending.append(((conn, request), future))
    if not box.draining:
        box.draining = True
        box.task = asyncio.get_running_loop().create_task(_drain(app, request.meeting_id))
    return await future


async def _drain(app: AppState, meeting_id: str) -> None:
    box = runtime_of(app.store).box(meeting_id)
    try:
        for _ in range(1_000_000):  # bounded; ends as soon as the box is empty
            if not box.pending:
                return
            batch, box.pending = box.pending[:MAX_BATCH], box.pending[MAX_BATCH:]
            ballots = [b for b, _ in batch]
            try:
                outcome, results = await app.store.write(_transaction(meeting_id, ballots))
            except Exception as exc:  # the whole batch failed: each ballot gets the error
                for _, future in batch:
                    if not future.done():
                        future.set_exception(exc)
                continue
            if any(v.kind is VoteKind.SECRET for v in outcome.after.votes):
                await _forget_history(app)
            _publish(app, outcome)
            for (_, future), result in zip(batch, results, strict=True):
                if future.done():
                    continue
                if isinstance(result, BaseException):
                    future.set_exception(result)
                else:
                    future.set_result(result)
    finally:
        box.draining = False


def _transaction(meeting_id: str, ballots: list[Ballot]) -> Any:
    def run(db: Db) -> tuple[Outcome, list[pl.BallotReceipt | DomainError]]:
        meeting = meeting_or_404(db, meeting_id)
        found = directory(db)
        _running(meeting)
        state, stored_version = _prepare(db, meeting, found, with_roster=True)
        moment = now()
        state, due = timers.due(state, moment)
        before = state
        people = {
            x.id: x
            for x in directory_repo.people_by_ids(db, [c.person.id for c, _ in ballots if c.person])
        }
        events: list[Event] = list(due)
        outcomes: list[tuple[str, Choice] | DomainError] = []
        accepted: dict[str, list[tuple[str, Choice]]] = {}
        for conn, request in ballots:
            try:
                person = people.get(conn.person.id) if conn.person else None
                if person is None or not person.active:
                    raise Unauthenticated(
                        "Your account is disabled.", "Tài khoản của bạn đã bị khóa."
                    )
                require(person, Action.LIVE_TAKE_PART, meeting, found)
                state, more = votes.cast(state, request.vote_id, person.id, request.choice, moment)
            except DomainError as refused:
                outcomes.append(refused)
                continue
            accepted.setdefault(request.vote_id, []).append((person.id, request.choice))
            events += more
            outcomes.append((request.vote_id, request.choice))
        for vote_id, chosen in accepted.items():
            vote = state.vote(vote_id)
            if vote.kind is VoteKind.SECRET:
                live_repo.secure_delete(db)
            live_repo.record_ballots(db, vote, chosen)
            for person_id, choice in chosen:
                # That the person voted; for a named vote also what, never for a secret one.
                detail: dict[str, object] = {"vote_id": vote_id}
                if vote.kind is VoteKind.NAMED:
                    detail["choice"] = choice.value
                audit_repo.record(db, person_id, "live.voted", meeting_id, **detail)
        if stored_version is None or state.version != stored_version:
            live_repo.save(db, state, stored_version)
        if due:
            what = [f"{e.aspect.value}:{e.vote_id or ''}" for e in due]
            audit_repo.record(db, None, "live.due", meeting_id, what=what)
        receipts = {vote_id: live_views.receipt(state.vote(vote_id)) for vote_id in accepted}
        results: list[pl.BallotReceipt | DomainError] = [
            r if isinstance(r, DomainError) else receipts[r[0]].model_copy(update={"choice": r[1]})
            for r in outcomes
        ]
        return Outcome(None, meeting, found, before, state, events), results

    return run
