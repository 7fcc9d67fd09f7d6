"""The live meeting: every `live.*` request runs the domain rule in one transaction on the
single writer (so two chairs' clicks are decided one after the other), stores the result,
records it in the audit log, and pushes what changed to everyone who may see the meeting."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import Connection as Db

from meetings import protocol_live as pl
from meetings.errors import DomainError, InvalidState, NotFound
from meetings.live import agenda, attendance, floor, timers, votes
from meetings.live.model import Event, LiveState, QuorumRule, VoteKind
from meetings.live.roster import roster
from meetings.meeting import Meeting, MeetingStatus
from meetings.people import Person
from meetings.permissions import Action, Directory, require
from meetings.protocol_base import Model
from server import live_views
from server.handlers import handles
from server.handlers.common import caller, directory, meeting_or_404, new_id
from server.live_state import runtime_of
from server.sfu import find_room
from server.store import audit_repo, directory_repo, documents_repo, live_repo
from server.store.clock import now

if TYPE_CHECKING:
    from server.connection import Connection
    from server.state import AppState

Apply = Callable[[Db, LiveState, Person, datetime], tuple[LiveState, list[Event]]]


@dataclass(frozen=True, slots=True)
class Outcome:
    person: Person | None
    meeting: Meeting
    directory: Directory
    before: LiveState
    after: LiveState
    events: list[Event]


def _running(meeting: Meeting, *, reading: bool = False) -> None:
    accepted = {MeetingStatus.IN_PROGRESS}
    if reading:
        accepted |= {MeetingStatus.ENDED, MeetingStatus.ARCHIVED}
    if meeting.status not in accepted:
        raise InvalidState(
            "The meeting is not in session.",
            "Cuộc họp không trong thời gian diễn ra.",
            details={"status": meeting.status.value},
        )


def _prepare(
    db: Db, meeting: Meeting, found: Directory, with_roster: bool
) -> tuple[LiveState, int | None]:
    """The stored state (or a fresh one), following the agenda and roster as they are now."""
    stored = live_repo.load(db, meeting.id)
    item_ids = tuple(i.id for i in meeting.agenda)
    state = stored if stored is not None else agenda.start_state(meeting.id, item_ids)
    state = agenda.with_agenda(state, item_ids)
    if with_roster:
        people = directory_repo.all_people(db)
        state = attendance.with_roster(state, roster(meeting, people, found))
    return state, None if stored is None else stored.version


def _transaction(
    conn: Connection | None,
    meeting_id: str,
    action: Action | None,
    apply: Apply,
    audit: tuple[str, dict[str, object]] | None,
    with_roster: bool,
    reading: bool,
) -> Callable[[Db], Outcome]:
    def run(db: Db) -> Outcome:
        meeting = meeting_or_404(db, meeting_id)
        found = directory(db)
        person = None
        if conn is not None:
            person = caller(db, conn)
            require(person, action or Action.MEETING_VIEW, meeting, found)
        _running(meeting, reading=reading)
        state, stored_version = _prepare(db, meeting, found, with_roster)
        moment = now()
        due: list[Event] = []
        if meeting.status is MeetingStatus.IN_PROGRESS:
            state, due = timers.due(state, moment)
        before = state
        events = list(due)
        if person is not None:
            state, more = apply(db, state, person, moment)
            events += more
        if stored_version is None or state.version != stored_version:
            live_repo.save(db, state, stored_version)
        if due:
            # Closed by the clock: a vote at its deadline, a speech at its limit.
            what = [f"{e.aspect.value}:{e.vote_id or ''}" for e in due]
            audit_repo.record(db, None, "live.due", meeting_id, what=what)
        if audit is not None and person is not None:
            name, detail = audit
            audit_repo.record(db, person.id, name, meeting_id, **detail)
        return Outcome(person, meeting, found, before, state, events)

    return run


def _audience(app: AppState, outcome: Outcome) -> list[Connection]:
    return app.hub.allowed_connections(Action.MEETING_VIEW, outcome.meeting, outcome.directory)


def _publish(app: AppState, outcome: Outcome) -> None:
    if outcome.events:
        messages: list[Model] = live_views.events(outcome.after, outcome.events, outcome.before)
        if messages:
            audience = _audience(app, outcome)
            for message in messages:
                app.hub.send(audience, message)
    room = find_room(app, outcome.meeting.id)
    if room is not None:
        # The floor in the hall is the floor in the call: spotlight and open the speaker's site.
        room.follow_hall_floor(outcome.after.floor.person_id if outcome.after.floor else None)
    wake = _waker(app)
    runtime_of(app.store).timers.arm(outcome.meeting.id, timers.next_deadline(outcome.after), wake)


def _waker(app: AppState) -> Callable[[str], Awaitable[None]]:
    async def wake(meeting_id: str) -> None:
        outcome = await app.store.write(
            _transaction(None, meeting_id, None, _nothing, None, True, reading=True)
        )
        _publish(app, outcome)

    return wake


def _nothing(_db: Db, state: LiveState, _p: Person, _t: datetime) -> tuple[LiveState, list[Event]]:
    return state, []


async def _run(
    app: AppState,
    conn: Connection,
    meeting_id: str,
    action: Action,
    apply: Apply,
    audit: tuple[str, dict[str, object]] | None,
    *,
    with_roster: bool = True,
    reading: bool = False,
) -> Outcome:
    outcome = await app.store.write(
        _transaction(conn, meeting_id, action, apply, audit, with_roster, reading)
    )
    _publish(app, outcome)
    return outcome


async def _forget_history(app: AppState) -> None:
    """After a secret ballot: empty the write-ahead log before the acknowledgement
    (docs/secret-ballot.md)."""
    if not await app.store.write(live_repo.forget_history):
        app.log.warning("a reader held the write-ahead log; it is emptied after the next ballot")


def _whole(outcome: Outcome) -> pl.LiveStateView:
    assert outcome.person is not None
    return live_views.whole(outcome.after, outcome.person.id)


# ---------------------------------------------------------------------------------------------


@handles(pl.GetLiveState)
async def get_state(app: AppState, conn: Connection, request: pl.GetLiveState) -> pl.LiveStateView:
    return _whole(
        await _run(app, conn, request.meeting_id, Action.MEETING_VIEW, _nothing, None, reading=True)
    )


@handles(pl.CheckIn)
async def check_in(app: AppState, conn: Connection, request: pl.CheckIn) -> pl.LiveStateView:
    outcome = await _run(
        app,
        conn,
        request.meeting_id,
        Action.LIVE_TAKE_PART,
        lambda _db, s, person, _t: attendance.check_in(s, person.id, request.presence),
        ("live.checked_in", {"presence": request.presence.value}),
    )
    return _whole(outcome)


async def present_through_video(app: AppState, conn: Connection, meeting_id: str) -> None:
    """After a join of the meeting's video session by a site outside the hall (a ward hall, a
    remote delegate of another unit): it is checked in online if it had not checked in
    (`attendance.joined_video`). Outside a session, or for someone who is not a participant,
    nothing happens. The hall's own laptops join the video too; their people check in."""

    def apply(db: Db, s: LiveState, person: Person, _t: datetime) -> tuple[LiveState, list[Event]]:
        after, events = attendance.joined_video(s, person.id)
        if events:
            audit_repo.record(
                db, person.id, "live.checked_in", meeting_id, presence="online", via="video"
            )
        return after, events

    meeting = await app.store.read(lambda db: meeting_or_404(db, meeting_id))
    if meeting.status is not MeetingStatus.IN_PROGRESS:
        return
    try:
        await _run(app, conn, meeting_id, Action.CALL_JOIN, apply, None)
    except DomainError as exc:  # the meeting ended meanwhile: the join itself stands
        app.log.info("no check-in through the video for %s: %s", meeting_id, exc)


@handles(pl.MarkAttendance)
async def mark(app: AppState, conn: Connection, request: pl.MarkAttendance) -> pl.LiveStateView:
    outcome = await _run(
        app,
        conn,
        request.meeting_id,
        Action.LIVE_ROLL_CALL,
        lambda _db, s, person, _t: attendance.mark(
            s, request.person_id, request.presence, request.reason, person.id
        ),
        (
            "live.attendance_marked",
            {
                "person": request.person_id,
                "presence": request.presence.value,
                "reason": request.reason,
            },
        ),
    )
    return _whole(outcome)


@handles(pl.ConfigureLive)
async def configure(app: AppState, conn: Connection, request: pl.ConfigureLive) -> pl.LiveStateView:
    def apply(
        _db: Db, s: LiveState, _person: Person, _t: datetime
    ) -> tuple[LiveState, list[Event]]:
        rule = None
        if {request.quorum_numerator, request.quorum_denominator, request.quorum_strict} != {None}:
            rule = QuorumRule(
                s.rule.numerator if request.quorum_numerator is None else request.quorum_numerator,
                s.rule.denominator
                if request.quorum_denominator is None
                else request.quorum_denominator,
                s.rule.strict if request.quorum_strict is None else request.quorum_strict,
            )
        return attendance.configure(s, rule, request.speaking_seconds)

    detail = request.model_dump(exclude={"type", "id", "meeting_id"}, exclude_none=True)
    outcome = await _run(
        app, conn, request.meeting_id, Action.LIVE_CHAIR, apply, ("live.configured", detail)
    )
    return _whole(outcome)


@handles(pl.AskFloor)
async def ask_floor(app: AppState, conn: Connection, request: pl.AskFloor) -> pl.LiveStateView:
    outcome = await _run(
        app,
        conn,
        request.meeting_id,
        Action.LIVE_TAKE_PART,
        lambda _db, s, person, moment: floor.ask(s, person.id, moment),
        ("live.floor_asked", {}),
    )
    return _whole(outcome)


@handles(pl.WithdrawFloor)
async def withdraw_floor(
    app: AppState, conn: Connection, request: pl.WithdrawFloor
) -> pl.LiveStateView:
    outcome = await _run(
        app,
        conn,
        request.meeting_id,
        Action.LIVE_TAKE_PART,
        lambda _db, s, person, _t: floor.withdraw(s, person.id),
        ("live.floor_withdrawn", {}),
    )
    return _whole(outcome)


@handles(pl.GiveFloor)
async def give_floor(app: AppState, conn: Connection, request: pl.GiveFloor) -> pl.LiveStateView:
    outcome = await _run(
        app,
        conn,
        request.meeting_id,
        Action.LIVE_CHAIR,
        lambda _db, s, _p, moment: floor.give(s, request.person_id, moment, request.limit_seconds),
        ("live.floor_given", {"to": request.person_id}),
    )
    return _whole(outcome)


@handles(pl.EndFloor)
async def end_floor(app: AppState, conn: Connection, request: pl.EndFloor) -> pl.LiveStateView:
    outcome = await _run(
        app,
        conn,
        request.meeting_id,
        Action.LIVE_CHAIR,
        lambda _db, s, _p, moment: floor.end(s, moment, request.speaker_id),
        ("live.floor_ended", {"speaker": request.speaker_id}),
    )
    return _whole(outcome)


@handles(pl.OpenVote)
async def open_vote(app: AppState, conn: Connection, request: pl.OpenVote) -> pl.VoteView:
    vote_id = new_id("vote")

    def apply(
        _db: Db, s: LiveState, person: Person, moment: datetime
    ) -> tuple[LiveState, list[Event]]:
        item_id = request.item_id or s.current_item
        if item_id is None:
            raise InvalidState(
                "Name the item or move to one first.", "Hãy chọn mục chương trình trước."
            )
        return votes.open_vote(
            s, vote_id, item_id, request.kind, request.question, person.id, moment, request.seconds
        )

    outcome = await _run(
        app,
        conn,
        request.meeting_id,
        Action.LIVE_CHAIR,
        apply,
        (
            "live.vote_opened",
            {"vote_id": vote_id, "kind": request.kind.value, "question": request.question},
        ),
    )
    vote = outcome.after.vote(vote_id)
    if vote.kind is VoteKind.SECRET:
        await _forget_history(app)  # the zeroed counters go into the file before any ballot
    return live_views.vote(outcome.after, vote)


@handles(pl.CloseVote)
async def close_vote(app: AppState, conn: Connection, request: pl.CloseVote) -> pl.VoteView:
    outcome = await _run(
        app,
        conn,
        request.meeting_id,
        Action.LIVE_CHAIR,
        lambda _db, s, _p, moment: votes.close(s, request.vote_id, moment),
        ("live.vote_closed", {"vote_id": request.vote_id}),
    )
    vote = outcome.after.vote(request.vote_id)
    if vote.kind is VoteKind.SECRET:
        await _forget_history(app)
    return live_views.vote(outcome.after, vote)


@handles(pl.NextItem)
async def next_item(app: AppState, conn: Connection, request: pl.NextItem) -> pl.LiveStateView:
    outcome = await _run(
        app,
        conn,
        request.meeting_id,
        Action.LIVE_CHAIR,
        lambda _db, s, _p, moment: agenda.next_item(
            s, request.expected_item_id, moment, request.to_item_id
        ),
        ("live.item", {"from": request.expected_item_id, "to": request.to_item_id}),
    )
    return _whole(outcome)


@handles(pl.PresentPage)
async def present(app: AppState, conn: Connection, request: pl.PresentPage) -> pl.LiveStateView:
    def apply(db: Db, s: LiveState, person: Person, _t: datetime) -> tuple[LiveState, list[Event]]:
        if request.document_id is not None:
            document = documents_repo.document(db, request.document_id)
            if document is None or document.meeting_id != s.meeting_id:
                raise NotFound("No such document in this meeting.", "Không có tài liệu này.")
        return agenda.present(s, person.id, request.document_id, request.page)

    outcome = await _run(
        app,
        conn,
        request.meeting_id,
        Action.LIVE_PRESENT,
        apply,
        ("live.presented", {"document_id": request.document_id, "page": request.page}),
    )
    return _whole(outcome)


async def resume_timers(app: AppState) -> int:
    """Arm the timers of every meeting in session that has a deadline (a timed vote, a
    speech), for a server that just started; returns how many. Without it a late vote is
    still closed as of its deadline, but only when someone next touches the meeting."""

    def read(db: Db) -> list[tuple[str, datetime]]:
        found = []
        for meeting_id in live_repo.meeting_ids(db):
            meeting = meeting_or_404(db, meeting_id)
            state = live_repo.load(db, meeting_id)
            deadline = None if state is None else timers.next_deadline(state)
            if meeting.status is MeetingStatus.IN_PROGRESS and deadline is not None:
                found.append((meeting_id, deadline))
        return found

    armed = await app.store.read(read)
    for meeting_id, deadline in armed:
        runtime_of(app.store).timers.arm(meeting_id, deadline, _waker(app))
    return len(armed)


def stop_timers(app: AppState) -> None:
    """Cancel the live timers of a server that is shutting down."""
    runtime_of(app.store).timers.cancel_all()


# live.cast and live.generate_minutes live in their own modules; importing them registers them.
from server.handlers import live_ballots, live_minutes, live_notes  # noqa: E402, F401
