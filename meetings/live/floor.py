"""The floor: asking to speak per agenda item, one speaker at a time, a time limit."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from meetings.errors import BadRequest, Conflict, InvalidState, NotFound
from meetings.live.commands import bump, participant
from meetings.live.model import (
    MAX_SPEAKING_SECONDS,
    Aspect,
    Event,
    FloorRequest,
    LiveState,
    Speech,
)


def _current_item(state: LiveState) -> str:
    if state.current_item is None:
        raise InvalidState(
            "The chair has not opened an agenda item yet.", "Chủ trì chưa chuyển sang mục nào."
        )
    return state.current_item


def ask(state: LiveState, person_id: str, now: datetime) -> tuple[LiveState, list[Event]]:
    """Ask to speak on the current item; asking twice keeps the first place."""
    participant(state, person_id)
    item_id = _current_item(state)
    if not state.is_present(person_id):
        raise InvalidState("Check in before asking to speak.", "Hãy điểm danh trước khi đăng ký.")
    if state.floor is not None and state.floor.person_id == person_id:
        raise Conflict("You have the floor.", "Bạn đang phát biểu.")
    if any(r.person_id == person_id for r in state.waiting(item_id)):
        return state, []
    request = FloorRequest(person_id, item_id, now)
    return bump(state, queue=(*state.queue, request)), [Event(Aspect.FLOOR)]


def withdraw(state: LiveState, person_id: str) -> tuple[LiveState, list[Event]]:
    item_id = _current_item(state)
    kept = tuple(r for r in state.queue if not (r.person_id == person_id and r.item_id == item_id))
    if len(kept) == len(state.queue):
        return state, []
    return bump(state, queue=kept), [Event(Aspect.FLOOR)]


def give(
    state: LiveState, person_id: str, now: datetime, limit_seconds: int | None = None
) -> tuple[LiveState, list[Event]]:
    """The chair gives the floor to someone waiting (or present) on the current item."""
    item_id = _current_item(state)
    participant(state, person_id)
    if state.floor is not None:
        raise Conflict(
            "Someone has the floor; end it first.",
            "Đang có người phát biểu; hãy kết thúc trước.",
            details={"speaker": state.floor.person_id},
        )
    if not state.is_present(person_id):
        raise InvalidState("That person is not present.", "Người này không có mặt.")
    limit = state.speaking_seconds if limit_seconds is None else limit_seconds
    if not 10 <= limit <= MAX_SPEAKING_SECONDS:
        raise BadRequest(
            "A speaking time is 10 seconds to 3 hours.", "Thời gian phát biểu từ 10 giây đến 3 giờ."
        )
    queue = tuple(r for r in state.queue if not (r.person_id == person_id and r.item_id == item_id))
    speech = Speech(person_id, item_id, now, limit)
    return bump(state, queue=queue, floor=speech), [Event(Aspect.FLOOR)]


def end(
    state: LiveState, now: datetime, speaker: str | None = None
) -> tuple[LiveState, list[Event]]:
    """The floor returns to the chair; the speech is kept for the minutes. `speaker` names who
    the caller believes holds the floor, so that a late click does not cut the next one short."""
    if state.floor is None:
        raise NotFound("Nobody has the floor.", "Không có ai đang phát biểu.")
    if speaker is not None and speaker != state.floor.person_id:
        raise Conflict(
            "Someone else has the floor now.",
            "Người khác đang phát biểu.",
            details={"speaker": state.floor.person_id},
        )
    ended = replace(state.floor, ended_at=min(now, state.floor.deadline))
    return bump(state, floor=None, speeches=(*state.speeches, ended)), [Event(Aspect.FLOOR)]
