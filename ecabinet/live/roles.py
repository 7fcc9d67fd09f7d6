"""What the signed-in person may do in a live meeting, read from the permission table of
`meetings.permissions` and their memberships. The server decides; this only chooses which
controls to show."""

from __future__ import annotations

from dataclasses import dataclass

from meetings import protocol as p
from meetings.permissions import PERMISSIONS, Action, Scope


def _holds(person: p.PersonView, meeting: p.MeetingDetail, action: Action) -> bool:
    for role, scope in PERMISSIONS[action].items():
        units = {m.unit_id for m in person.memberships if m.role is role}
        if not units:
            continue
        if scope is Scope.ANY:
            return True
        if scope is Scope.ORG and meeting.organiser_unit_id in units:
            return True
        if scope is Scope.INVITED and (
            person.id in meeting.invited_person_ids or units & set(meeting.invited_unit_ids)
        ):
            return True
    return False


@dataclass(frozen=True)
class LiveRoles:
    take_part: bool = False  # check in, ask to speak, vote (the roster decides)
    roll_call: bool = False  # mark others present or absent
    chair: bool = False  # the floor, votes, the next item
    present: bool = False  # put a page on every screen
    minutes: bool = False  # generate the minutes and the conclusion notice

    @classmethod
    def of(cls, person: p.PersonView | None, meeting: p.MeetingDetail) -> LiveRoles:
        if person is None:
            return cls()
        return cls(
            take_part=_holds(person, meeting, Action.LIVE_TAKE_PART),
            roll_call=_holds(person, meeting, Action.LIVE_ROLL_CALL),
            chair=_holds(person, meeting, Action.LIVE_CHAIR),
            present=_holds(person, meeting, Action.LIVE_PRESENT),
            minutes=_holds(person, meeting, Action.LIVE_MINUTES),
        )
