"""Shared checks and the state bump used by every command module."""

from __future__ import annotations

from dataclasses import replace

from meetings.errors import Conflict, Forbidden
from meetings.live.model import LiveState, Participant


def bump(state: LiveState, **changes: object) -> LiveState:
    return replace(state, version=state.version + 1, **changes)  # type: ignore[arg-type]


def expect_version(state: LiveState, expected: int | None) -> None:
    """A command that names the version it was decided on fails if the state moved since:
    a double click or a second chair's laptop acts once."""
    if expected is not None and expected != state.version:
        raise Conflict(
            "The meeting moved on meanwhile; look again.",
            "Diễn biến cuộc họp vừa thay đổi, vui lòng xem lại.",
            details={"version": state.version},
        )


def participant(state: LiveState, person_id: str) -> Participant:
    found = state.participant(person_id)
    if found is None:
        raise Forbidden(
            "Only the meeting's members and ward halls take part.",
            "Chỉ thành viên cuộc họp và các điểm cầu được tham gia.",
        )
    return found
