"""Reading and writing the live meeting: the state as one JSON document, ballots apart.

A ballot touches only `live_voters` (the roll) and `live_tally` (counters updated in place),
and for a named vote `live_named_ballots`; see docs/secret-ballot.md for why.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, select, update

from meetings.live.model import (
    Attendee,
    Choice,
    FloorRequest,
    LiveState,
    Presence,
    Presentation,
    QuorumRule,
    Speech,
    Vote,
    VoteKind,
    VoteStatus,
)
from server.store import live_schema as t
from server.store.clock import from_text, to_text

# Counters are stored as BIAS + count: a 6-byte integer whatever the count, so the cell keeps
# its size and SQLite overwrites it where it is. A counter whose cell grew (1 -> 2 needs a
# byte more) would move within the page, and where the three cells sit would hint which
# option was chosen when.
BIAS = 1 << 40


def _time(value: datetime | None) -> str | None:
    return None if value is None else to_text(value)


def _parse(value: str | None) -> datetime | None:
    return None if value is None else from_text(value)


def _speech(s: Speech) -> dict[str, Any]:
    return {
        "person_id": s.person_id,
        "item_id": s.item_id,
        "started_at": to_text(s.started_at),
        "limit_seconds": s.limit_seconds,
        "ended_at": _time(s.ended_at),
    }


def _speech_from(d: dict[str, Any]) -> Speech:
    return Speech(
        d["person_id"],
        d["item_id"],
        from_text(d["started_at"]),
        d["limit_seconds"],
        _parse(d["ended_at"]),
    )


def _vote(v: Vote) -> dict[str, Any]:
    # Ballots are not here: they live in the ballot tables.
    return {
        "id": v.id,
        "item_id": v.item_id,
        "kind": v.kind.value,
        "question": v.question,
        "eligible": sorted(v.eligible),
        "opened_by": v.opened_by,
        "opened_at": to_text(v.opened_at),
        "closes_at": _time(v.closes_at),
        "status": v.status.value,
        "closed_at": _time(v.closed_at),
    }


def _vote_from(d: dict[str, Any]) -> Vote:
    return Vote(
        id=d["id"],
        item_id=d["item_id"],
        kind=VoteKind(d["kind"]),
        question=d["question"],
        eligible=frozenset(d["eligible"]),
        opened_by=d["opened_by"],
        opened_at=from_text(d["opened_at"]),
        closes_at=_parse(d["closes_at"]),
        status=VoteStatus(d["status"]),
        closed_at=_parse(d["closed_at"]),
    )


def to_document(s: LiveState) -> dict[str, Any]:
    return {
        "item_ids": list(s.item_ids),
        "rule": [s.rule.numerator, s.rule.denominator, s.rule.strict],
        "speaking_seconds": s.speaking_seconds,
        "attendance": [
            [a.person_id, a.presence.value, a.reason, a.marked_by] for a in s.attendance
        ],
        "current_item": s.current_item,
        "queue": [[r.person_id, r.item_id, to_text(r.asked_at)] for r in s.queue],
        "floor": None if s.floor is None else _speech(s.floor),
        "speeches": [_speech(x) for x in s.speeches],
        "votes": [_vote(v) for v in s.votes],
        "presentation": None
        if s.presentation is None
        else [s.presentation.presenter_id, s.presentation.document_id, s.presentation.page],
    }


def from_document(meeting_id: str, version: int, d: dict[str, Any]) -> LiveState:
    numerator, denominator, strict = d["rule"]
    shown = d["presentation"]
    return LiveState(
        meeting_id=meeting_id,
        item_ids=tuple(d["item_ids"]),
        rule=QuorumRule(numerator, denominator, strict),
        speaking_seconds=d["speaking_seconds"],
        attendance=tuple(Attendee(p, Presence(x), r, by) for p, x, r, by in d["attendance"]),
        current_item=d["current_item"],
        queue=tuple(FloorRequest(p, i, from_text(at)) for p, i, at in d["queue"]),
        floor=None if d["floor"] is None else _speech_from(d["floor"]),
        speeches=tuple(_speech_from(x) for x in d["speeches"]),
        votes=tuple(_vote_from(v) for v in d["votes"]),
        presentation=None if shown is None else Presentation(shown[0], shown[1], shown[2]),
        version=version,
    )


def _with_ballots(conn: Connection, vote: Vote) -> Vote:
    voters = frozenset(
        conn.execute(select(t.live_voters.c.person_id).where(t.live_voters.c.vote_id == vote.id))
        .scalars()
        .all()
    )
    tally = dict(
        conn.execute(
            select(t.live_tally.c.choice, t.live_tally.c.count).where(
                t.live_tally.c.vote_id == vote.id
            )
        ).all()
    )
    choices: tuple[tuple[str, Choice], ...] = ()
    if vote.kind is VoteKind.NAMED:
        rows = conn.execute(
            select(t.live_named_ballots.c.person_id, t.live_named_ballots.c.choice)
            .where(t.live_named_ballots.c.vote_id == vote.id)
            .order_by(t.live_named_ballots.c.person_id)
        ).all()
        choices = tuple((person, Choice(choice)) for person, choice in rows)
    counts = tuple((c, int(tally.get(c.value, BIAS)) - BIAS) for c in Choice)
    return replace(vote, voters=voters, counts=counts, choices=choices)


def meeting_ids(conn: Connection) -> list[str]:
    """Every meeting with a live record."""
    return list(conn.execute(select(t.live_state.c.meeting_id)).scalars())


def load(conn: Connection, meeting_id: str) -> LiveState | None:
    row = conn.execute(select(t.live_state).where(t.live_state.c.meeting_id == meeting_id)).first()
    if row is None:
        return None
    state = from_document(meeting_id, row.version, row.state)
    return replace(state, votes=tuple(_with_ballots(conn, v) for v in state.votes))


def speaker(conn: Connection, meeting_id: str) -> str | None:
    """Who holds the floor now (a speech past its limit still counts until its timer ends it)."""
    state = load(conn, meeting_id)
    return state.floor.person_id if state is not None and state.floor is not None else None


def save(conn: Connection, state: LiveState, previous_version: int | None) -> None:
    """Write the state (not the ballots). New votes get their zeroed counters here."""
    document = to_document(state)
    if previous_version is None:
        conn.execute(
            insert(t.live_state).values(
                meeting_id=state.meeting_id, version=state.version, state=document
            )
        )
    else:
        done = conn.execute(
            update(t.live_state)
            .where(t.live_state.c.meeting_id == state.meeting_id)
            .where(t.live_state.c.version == previous_version)
            .values(version=state.version, state=document)
        )
        if done.rowcount != 1:
            raise RuntimeError("live state changed under the single writer")
    ids = [v.id for v in state.votes]
    known = set(
        conn.execute(
            select(t.live_tally.c.vote_id).where(t.live_tally.c.vote_id.in_(ids)).distinct()
        )
        .scalars()
        .all()
        if ids
        else []
    )
    for vote in state.votes:
        if vote.id not in known:
            conn.execute(
                insert(t.live_tally),
                [{"vote_id": vote.id, "choice": c.value, "count": BIAS} for c in Choice],
            )


def record_ballots(conn: Connection, vote: Vote, ballots: list[tuple[str, Choice]]) -> None:
    """Ballots of one vote: the voters onto the roll, each counter up by how many chose it,
    and for a named vote the choices by name. Nothing here carries a time or a sequence."""
    if not ballots:
        return
    conn.execute(insert(t.live_voters), [{"vote_id": vote.id, "person_id": p} for p, _ in ballots])
    for choice in Choice:
        chosen = sum(1 for _, c in ballots if c is choice)
        if chosen:
            conn.execute(
                update(t.live_tally)
                .where(t.live_tally.c.vote_id == vote.id)
                .where(t.live_tally.c.choice == choice.value)
                .values(count=t.live_tally.c.count + chosen)
            )
    if vote.kind is VoteKind.NAMED:
        conn.execute(
            insert(t.live_named_ballots),
            [{"vote_id": vote.id, "person_id": p, "choice": c.value} for p, c in ballots],
        )


def forget_history(conn: Connection) -> bool:
    """Fold the write-ahead log into the database file and empty it, so that the successive
    versions of the tally pages (one per ballot) are not left behind in the -wal file. Runs
    outside a transaction (pysqlite opens one only for data changes). SQLite only.
    Returns False when a reader kept it from finishing (the next ballot tries again)."""
    if conn.dialect.name != "sqlite":
        return True
    busy, _log, _done = conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()
    return not busy


def secure_delete(conn: Connection) -> None:
    """Freed space in the file is zeroed, so an old counter cell moved aside leaves no copy."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("PRAGMA secure_delete=ON").fetchall()
