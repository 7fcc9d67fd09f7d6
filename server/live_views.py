"""The live meeting's state turned into the wire views of meetings/protocol_live.py."""

from __future__ import annotations

from meetings import protocol_live as pl
from meetings.live.model import Aspect, Choice, Event, LiveState, Speech, Vote, VoteKind
from meetings.protocol_base import Model


def _name(state: LiveState, person_id: str) -> str:
    found = state.participant(person_id)
    return found.full_name if found is not None else person_id


def attendance(state: LiveState) -> list[pl.AttendeeView]:
    views = []
    for x in state.roster:
        here = state.attendee(x.person_id)
        views.append(
            pl.AttendeeView(
                person_id=x.person_id,
                full_name=x.full_name,
                member=x.member,
                site=x.site,
                presence=None if here is None else here.presence,
                reason="" if here is None else here.reason,
            )
        )
    return views


def quorum(state: LiveState) -> pl.QuorumView:
    q = state.quorum()
    return pl.QuorumView(
        members=q.members,
        present=q.present,
        required=q.required,
        reached=q.reached,
        numerator=state.rule.numerator,
        denominator=state.rule.denominator,
        strict=state.rule.strict,
    )


def speech(state: LiveState, s: Speech) -> pl.SpeechView:
    return pl.SpeechView(
        person_id=s.person_id,
        full_name=_name(state, s.person_id),
        item_id=s.item_id,
        started_at=s.started_at,
        limit_seconds=s.limit_seconds,
        deadline=s.deadline,
        ended_at=s.ended_at,
        seconds=s.seconds,
    )


def queue(state: LiveState) -> list[pl.QueueEntryView]:
    return [
        pl.QueueEntryView(
            person_id=r.person_id,
            full_name=_name(state, r.person_id),
            item_id=r.item_id,
            asked_at=r.asked_at,
        )
        for r in state.waiting()
    ]


def vote(state: LiveState, v: Vote) -> pl.VoteView:
    # A secret vote shows only how many have voted while it is open: counts that move with
    # each ballot would tell the hall what the person who just pressed the button chose.
    hidden = v.kind is VoteKind.SECRET and v.is_open
    return pl.VoteView(
        id=v.id,
        item_id=v.item_id,
        kind=v.kind,
        question=v.question,
        status=v.status,
        opened_at=v.opened_at,
        closes_at=v.closes_at,
        closed_at=v.closed_at,
        eligible=len(v.eligible),
        cast=len(v.voters),
        counts=None if hidden else dict(v.counts),
        by_name=None
        if v.kind is VoteKind.SECRET
        else [
            pl.NamedBallotView(person_id=p, full_name=_name(state, p), choice=c)
            for p, c in v.choices
        ],
    )


def receipt(v: Vote) -> pl.BallotReceipt:
    """A ballot's acknowledgement; `choice` is filled in per ballot."""
    hidden = v.kind is VoteKind.SECRET and v.is_open
    return pl.BallotReceipt(
        vote_id=v.id,
        choice=Choice.YES,
        cast=len(v.voters),
        counts=None if hidden else dict(v.counts),
    )


def presentation(state: LiveState) -> pl.PresentationView | None:
    shown = state.presentation
    if shown is None:
        return None
    return pl.PresentationView(
        presenter_id=shown.presenter_id, document_id=shown.document_id, page=shown.page
    )


def whole(state: LiveState, person_id: str) -> pl.LiveStateView:
    return pl.LiveStateView(
        meeting_id=state.meeting_id,
        version=state.version,
        current_item=state.current_item,
        speaking_seconds=state.speaking_seconds,
        attendance=attendance(state),
        quorum=quorum(state),
        queue=queue(state),
        floor=None if state.floor is None else speech(state, state.floor),
        speeches=[speech(state, s) for s in state.speeches],
        votes=[vote(state, v) for v in state.votes],
        presentation=presentation(state),
        voted=[v.id for v in state.votes if person_id in v.voters],
    )


VOTE_REASONS = {
    Aspect.VOTE_OPENED: "opened",
    Aspect.VOTE_TALLY: "tally",
    Aspect.VOTE_CLOSED: "closed",
}


def events(state: LiveState, happened: list[Event], before: LiveState) -> list[Model]:
    """One wire event per distinct thing that changed, built from the new state."""
    out: list[Model] = []
    seen: set[tuple[str, str | None]] = set()
    for event in happened:
        aspect = Aspect.FLOOR if event.aspect is Aspect.SETTINGS else event.aspect
        key = (aspect.value, event.vote_id)
        if key in seen:
            continue
        seen.add(key)
        mid = state.meeting_id
        if aspect is Aspect.ATTENDANCE:
            out.append(
                pl.AttendanceChanged(
                    meeting_id=mid,
                    version=state.version,
                    attendance=attendance(state),
                    quorum=quorum(state),
                )
            )
        elif aspect is Aspect.FLOOR:
            ended = state.speeches[-1] if len(state.speeches) > len(before.speeches) else None
            out.append(
                pl.FloorChanged(
                    meeting_id=mid,
                    version=state.version,
                    current_item=state.current_item,
                    speaking_seconds=state.speaking_seconds,
                    queue=queue(state),
                    floor=None if state.floor is None else speech(state, state.floor),
                    last_speech=None if ended is None else speech(state, ended),
                )
            )
        elif aspect in VOTE_REASONS:
            assert event.vote_id is not None
            out.append(
                pl.VoteChanged(
                    meeting_id=mid,
                    reason=VOTE_REASONS[aspect],  # type: ignore[arg-type]
                    vote=vote(state, state.vote(event.vote_id)),
                )
            )
        elif aspect is Aspect.ITEM:
            out.append(
                pl.ItemChanged(
                    meeting_id=mid, version=state.version, current_item=state.current_item
                )
            )
        elif aspect is Aspect.PRESENTATION:
            out.append(pl.PresentationChanged(meeting_id=mid, presentation=presentation(state)))
    return out
