"""What the signed-in person may prepare, read from their memberships (the server decides)."""

from __future__ import annotations

from meetings import protocol as p
from meetings.people import Role

ORGANISERS = {Role.SECRETARY, Role.CHAIR}


def organiser_units(person: p.PersonView | None) -> list[str]:
    if person is None:
        return []
    return [m.unit_id for m in person.memberships if m.role in ORGANISERS]


def may_prepare(person: p.PersonView | None, meeting: p.MeetingSummary) -> bool:
    return meeting.organiser_unit_id in organiser_units(person)
