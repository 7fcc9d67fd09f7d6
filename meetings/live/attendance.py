"""Roll call (điểm danh): checking in, marking the absent, and the roster."""

from __future__ import annotations

from dataclasses import replace

from meetings.errors import BadRequest
from meetings.live.commands import bump, participant
from meetings.live.model import (
    MAX_SPEAKING_SECONDS,
    Aspect,
    Attendee,
    Event,
    LiveState,
    Participant,
    Presence,
    QuorumRule,
)

MAX_REASON = 300


def _put(state: LiveState, attendee: Attendee) -> LiveState:
    kept = tuple(a for a in state.attendance if a.person_id != attendee.person_id)
    return bump(state, attendance=(*kept, attendee))


def check_in(state: LiveState, person_id: str, presence: Presence) -> tuple[LiveState, list[Event]]:
    """A participant says they are here, in the hall or online."""
    participant(state, person_id)
    if presence is Presence.ABSENT:
        raise BadRequest(
            "Checking in means being present; the secretary marks the absent.",
            "Điểm danh là có mặt; thư ký ghi nhận người vắng.",
        )
    current = state.attendee(person_id)
    if current is not None and current.presence is presence:
        return state, []  # a repeated check-in (a reconnect) changes nothing
    return _put(state, Attendee(person_id, presence)), [Event(Aspect.ATTENDANCE)]


def joined_video(state: LiveState, person_id: str) -> tuple[LiveState, list[Event]]:
    """Ward halls and remote delegates are present through the video session: joining it
    checks in online whoever had not checked in, or was marked absent; someone who checked in
    in the hall stays in the hall. Not a participant (an organiser who is not a member): no
    change."""
    if state.participant(person_id) is None:
        return state, []
    current = state.attendee(person_id)
    if current is not None and current.presence is not Presence.ABSENT:
        return state, []
    return _put(state, Attendee(person_id, Presence.ONLINE)), [Event(Aspect.ATTENDANCE)]


def mark(
    state: LiveState, person_id: str, presence: Presence, reason: str, by: str
) -> tuple[LiveState, list[Event]]:
    """The secretary records someone's attendance, absent with a reason or present."""
    participant(state, person_id)
    reason = reason.strip()
    if presence is Presence.ABSENT and not reason:
        raise BadRequest("An absence needs a reason.", "Cần ghi lý do vắng mặt.")
    if len(reason) > MAX_REASON:
        raise BadRequest("The reason is too long.", "Lý do quá dài.")
    attendee = Attendee(person_id, presence, reason if presence is Presence.ABSENT else "", by)
    if state.attendee(person_id) == attendee:
        return state, []
    return _put(state, attendee), [Event(Aspect.ATTENDANCE)]


def with_roster(state: LiveState, roster: tuple[Participant, ...]) -> LiveState:
    """The state with the current roster (invitations may change while the meeting runs);
    not a change of its own, so neither an event nor a new version."""
    return replace(state, roster=roster)


def configure(
    state: LiveState, rule: QuorumRule | None, speaking_seconds: int | None
) -> tuple[LiveState, list[Event]]:
    if speaking_seconds is not None and not 10 <= speaking_seconds <= MAX_SPEAKING_SECONDS:
        raise BadRequest(
            "A speaking time is 10 seconds to 3 hours.", "Thời gian phát biểu từ 10 giây đến 3 giờ."
        )
    new = bump(
        state,
        rule=rule or state.rule,
        speaking_seconds=speaking_seconds or state.speaking_seconds,
    )
    return new, [Event(Aspect.SETTINGS), Event(Aspect.ATTENDANCE)]
