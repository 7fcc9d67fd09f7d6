"""Moving through the agenda and putting a document on everyone's screen."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from meetings.errors import BadRequest, Conflict, InvalidState, NotFound
from meetings.live import floor
from meetings.live.commands import bump
from meetings.live.model import Aspect, Event, LiveState, Presentation


def next_item(
    state: LiveState, expected_item: str | None, now: datetime, to_item: str | None = None
) -> tuple[LiveState, list[Event]]:
    """Go to the next item (or `to_item`). `expected_item` is the item the chair saw as
    current: a double click or a second chair sends the same one, and only the first moves."""
    if expected_item != state.current_item:
        raise Conflict(
            "The current item changed meanwhile.",
            "Mục hiện tại vừa thay đổi.",
            details={"current_item": state.current_item},
        )
    if state.open_votes:
        raise InvalidState(
            "Close the open vote before moving on.", "Hãy kết thúc biểu quyết trước khi chuyển mục."
        )
    if to_item is None:
        position = -1 if state.current_item is None else state.item_ids.index(state.current_item)
        if position + 1 >= len(state.item_ids):
            raise InvalidState("This is the last item.", "Đây là mục cuối cùng.")
        to_item = state.item_ids[position + 1]
    elif to_item not in state.item_ids:
        raise NotFound("No such agenda item.", "Không có mục chương trình này.")
    events: list[Event] = []
    if state.floor is not None:
        state, events = floor.end(state, now)
    return bump(state, current_item=to_item), [*events, Event(Aspect.ITEM)]


def with_agenda(state: LiveState, item_ids: tuple[str, ...]) -> LiveState:
    """Follow agenda edits made while the meeting runs; a removed current item is kept as
    current until the chair moves on (its speeches and votes stay in the record)."""
    return replace(state, item_ids=item_ids)


def present(
    state: LiveState, presenter_id: str, document_id: str | None, page: int
) -> tuple[LiveState, list[Event]]:
    """Show a document's page to everyone, or stop showing (document_id None)."""
    if document_id is None:
        if state.presentation is None:
            return state, []
        return bump(state, presentation=None), [Event(Aspect.PRESENTATION)]
    if page < 1:
        raise BadRequest("Pages start at 1.", "Số trang bắt đầu từ 1.")
    shown = Presentation(presenter_id, document_id, page)
    if shown == state.presentation:
        return state, []
    return bump(state, presentation=shown), [Event(Aspect.PRESENTATION)]


def start_state(meeting_id: str, item_ids: tuple[str, ...]) -> LiveState:
    if not item_ids:
        raise InvalidState("The meeting has no agenda.", "Cuộc họp chưa có chương trình.")
    return LiveState(meeting_id=meeting_id, item_ids=item_ids)
