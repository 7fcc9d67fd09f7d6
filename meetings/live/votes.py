"""Votes (biểu quyết): opening with a quorum, one ballot per eligible member, closing."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from meetings.errors import BadRequest, Conflict, Forbidden, InvalidState, NotFound
from meetings.live.commands import bump
from meetings.live.model import Aspect, Choice, Event, LiveState, Vote, VoteKind, VoteStatus

MAX_VOTE_SECONDS = 24 * 60 * 60
MAX_QUESTION = 300


def open_vote(
    state: LiveState,
    vote_id: str,
    item_id: str,
    kind: VoteKind,
    question: str,
    by: str,
    now: datetime,
    seconds: int | None = None,
) -> tuple[LiveState, list[Event]]:
    """Open a vote on an item. The eligible are the members present now; only one vote is open
    at a time in a meeting, so two chairs clicking at once open one."""
    if item_id not in state.item_ids:
        raise NotFound("No such agenda item.", "Không có mục chương trình này.")
    question = question.strip()
    if not question or len(question) > MAX_QUESTION:
        raise BadRequest("A vote needs a question.", "Cần nêu nội dung biểu quyết.")
    if any(v.id == vote_id for v in state.votes):
        raise Conflict("That vote exists.", "Cuộc biểu quyết này đã có.")
    if state.open_votes:
        raise Conflict(
            "A vote is already open.",
            "Đang có một cuộc biểu quyết chưa kết thúc.",
            details={"vote_id": state.open_votes[0].id},
        )
    quorum = state.quorum()
    if not quorum.reached:
        raise InvalidState(
            f"No quorum: {quorum.present} of {quorum.members} present, {quorum.required} needed.",
            f"Chưa đủ túc số: có mặt {quorum.present}/{quorum.members}, cần {quorum.required}.",
            details={"present": quorum.present, "required": quorum.required},
        )
    if seconds is not None and not 5 <= seconds <= MAX_VOTE_SECONDS:
        raise BadRequest("A vote lasts 5 seconds to a day.", "Thời gian biểu quyết không hợp lệ.")
    eligible = frozenset(m.person_id for m in state.members if state.is_present(m.person_id))
    vote = Vote(
        id=vote_id,
        item_id=item_id,
        kind=kind,
        question=question,
        eligible=eligible,
        opened_by=by,
        opened_at=now,
        closes_at=None if seconds is None else now + timedelta(seconds=seconds),
    )
    return bump(state, votes=(*state.votes, vote)), [Event(Aspect.VOTE_OPENED, vote_id)]


def _replace_vote(state: LiveState, vote: Vote) -> tuple[Vote, ...]:
    return tuple(vote if v.id == vote.id else v for v in state.votes)


def _is_due(vote: Vote, now: datetime) -> bool:
    return vote.closes_at is not None and now >= vote.closes_at


def cast(
    state: LiveState, vote_id: str, person_id: str, choice: Choice, now: datetime
) -> tuple[LiveState, list[Event]]:
    """One ballot: the vote must be open and not past its time, the voter eligible and not yet
    on the roll. The version does not move: a ballot changes the tally, nothing else."""
    vote = state.vote(vote_id)
    if not vote.is_open or _is_due(vote, now):
        raise InvalidState("The vote is closed.", "Cuộc biểu quyết đã kết thúc.")
    if person_id not in vote.eligible:
        raise Forbidden(
            "Only the members present when the vote opened may vote.",
            "Chỉ thành viên có mặt khi mở biểu quyết mới được biểu quyết.",
        )
    if person_id in vote.voters:
        raise Conflict("You have voted already.", "Bạn đã biểu quyết rồi.")
    counts = tuple((c, n + 1 if c is choice else n) for c, n in vote.counts)
    choices = (*vote.choices, (person_id, choice)) if vote.kind is VoteKind.NAMED else ()
    after = replace(vote, voters=vote.voters | {person_id}, counts=counts, choices=choices)
    return replace(state, votes=_replace_vote(state, after)), [Event(Aspect.VOTE_TALLY, vote_id)]


def close(state: LiveState, vote_id: str, now: datetime) -> tuple[LiveState, list[Event]]:
    vote = state.vote(vote_id)
    if not vote.is_open:
        raise InvalidState("The vote is closed already.", "Cuộc biểu quyết đã kết thúc.")
    when = min(now, vote.closes_at) if vote.closes_at is not None else now
    closed = replace(vote, status=VoteStatus.CLOSED, closed_at=when)
    return bump(state, votes=_replace_vote(state, closed)), [Event(Aspect.VOTE_CLOSED, vote_id)]


def passed(vote: Vote) -> bool:
    """Carried when more than half of those eligible agreed (the usual rule for a collective
    decision); reported in the minutes, the decision itself is the chair's to announce."""
    return vote.count(Choice.YES) * 2 > len(vote.eligible)
