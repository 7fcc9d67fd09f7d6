"""Who takes part in a meeting, and who of them are its members.

Members (counted for quorum, voting) are the people invited by name and the delegates and
chairs of the invited units (a unit merged into an invited one included). Ward halls are the
room accounts of invited units (or invited by name): they are present and may ask to speak,
but a room is not a person and neither counts for quorum nor votes. Secretaries, clerks and
administrators of invited units take part only when invited by name.
"""

from __future__ import annotations

from collections.abc import Iterable

from meetings.live.model import Participant
from meetings.meeting import Meeting
from meetings.people import Person, Role
from meetings.permissions import Directory

MEMBER_ROLES = frozenset({Role.DELEGATE, Role.CHAIR})


def roster(
    meeting: Meeting, people: Iterable[Person], directory: Directory
) -> tuple[Participant, ...]:
    invited_units: set[str] = set()
    for unit_id in meeting.invited_unit_ids:
        invited_units |= directory.family(unit_id)
    found: list[Participant] = []
    for person in people:
        if not person.active:
            continue
        by_name = person.id in meeting.invited_person_ids
        roles = {m.role for m in person.memberships} if by_name else person.roles_in(invited_units)
        if Role.ROOM in roles:
            found.append(Participant(person.id, person.full_name, member=False, site=True))
        elif by_name or roles & MEMBER_ROLES:
            found.append(Participant(person.id, person.full_name, member=True))
    return tuple(sorted(found, key=lambda x: (x.site, x.full_name, x.person_id)))
