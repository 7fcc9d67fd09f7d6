from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from meetings.documents import Classification, DocumentMeta
from meetings.errors import Forbidden, NotFound
from meetings.meeting import AgendaItem, Meeting, MeetingStatus, Place
from meetings.people import Membership, Person, Role
from meetings.permissions import (
    PERMISSIONS,
    Action,
    Directory,
    allowed,
    can_read_document,
    require,
    roles_table,
)
from meetings.units import Unit, UnitKind, merge

NOW = datetime(2026, 12, 1, 1, tzinfo=UTC)
UNITS = {
    "ubnd": Unit("ubnd", "UBND", UnitKind.PEOPLES_COMMITTEE),
    "phu-cuong": Unit("phu-cuong", "Phú Cường", UnitKind.WARD, "ubnd"),
    "hiep-thanh": Unit("hiep-thanh", "Hiệp Thành", UnitKind.WARD, "ubnd"),
}
DIRECTORY = Directory(UNITS)


def person(key: str, unit: str, role: Role) -> Person:
    return Person(key, key, key.title(), memberships=(Membership(unit, role),))


SECRETARY = person("secretary", "ubnd", Role.SECRETARY)
CHAIR = person("chair", "ubnd", Role.CHAIR)
DELEGATE = person("delegate", "ubnd", Role.DELEGATE)
ROOM = person("room", "phu-cuong", Role.ROOM)
CLERK = person("clerk", "ubnd", Role.CLERK)
ADMIN = person("admin", "ubnd", Role.ADMIN)
OUTSIDER = person("outsider", "hiep-thanh", Role.DELEGATE)
WARD_SECRETARY = person("wardsec", "phu-cuong", Role.SECRETARY)


def meeting(status: MeetingStatus = MeetingStatus.PUBLISHED) -> Meeting:
    return Meeting(
        id="m",
        title="Họp",
        organiser_unit_id="ubnd",
        starts_at=NOW,
        ends_at=NOW + timedelta(hours=2),
        place=Place(hall="A"),
        status=status,
        invited_unit_ids=("ubnd", "phu-cuong"),
        agenda=(AgendaItem("i", "Khai mạc"),),
    )


def test_the_table_covers_every_action() -> None:
    assert set(PERMISSIONS) == set(Action)
    assert len(roles_table()) == len(Action)


# What each role may do in a published meeting of the city committee that invites the
# committee and the ward Phú Cường.
EXPECTED = {
    Action.MEETING_VIEW: {SECRETARY, CHAIR, DELEGATE, ROOM, CLERK, ADMIN},
    Action.MEETING_EDIT: {SECRETARY, CHAIR},
    Action.AGENDA_EDIT: {SECRETARY, CHAIR},
    Action.MEETING_PUBLISH: {SECRETARY, CHAIR},
    Action.MEETING_RUN: {SECRETARY, CHAIR},
    Action.MEETING_ARCHIVE: {SECRETARY, CHAIR, CLERK},
    Action.DOCUMENT_UPLOAD: {SECRETARY, CHAIR, CLERK},
    Action.DOCUMENT_READ: {SECRETARY, CHAIR, DELEGATE, ROOM, CLERK},
    Action.COMMENT_WRITE: {SECRETARY, CHAIR, DELEGATE},
    Action.COMMENT_READ_ALL: {SECRETARY, CHAIR},
    Action.NOTE_WRITE: {SECRETARY, CHAIR, DELEGATE, ROOM, CLERK},
    Action.CALL_JOIN: {SECRETARY, CHAIR, DELEGATE, ROOM},
    Action.CALL_CONTROL: {SECRETARY, CHAIR},
    Action.AUDIT_READ: {ADMIN},
    Action.LIVE_TAKE_PART: {SECRETARY, CHAIR, DELEGATE, ROOM},
    Action.LIVE_ROLL_CALL: {SECRETARY, CHAIR},
    Action.LIVE_CHAIR: {CHAIR},
    Action.LIVE_PRESENT: {SECRETARY, CHAIR, DELEGATE},
    Action.LIVE_MINUTES: {SECRETARY, CHAIR},
    Action.SIGNING_REQUEST: {SECRETARY, CHAIR},
}
EVERYONE = [SECRETARY, CHAIR, DELEGATE, ROOM, CLERK, ADMIN, OUTSIDER, WARD_SECRETARY]


@pytest.mark.parametrize("action", list(EXPECTED))
def test_every_role_against_the_table(action: Action) -> None:
    allowed_people = {p for p in EVERYONE if allowed(p, action, meeting(), DIRECTORY)}
    assert allowed_people == EXPECTED[action]


def test_drafts_are_seen_by_organisers_only() -> None:
    draft = meeting(MeetingStatus.DRAFT)
    assert allowed(SECRETARY, Action.MEETING_VIEW, draft, DIRECTORY)
    assert not allowed(DELEGATE, Action.MEETING_VIEW, draft, DIRECTORY)
    assert not allowed(ROOM, Action.MEETING_VIEW, draft, DIRECTORY)


def test_uninvited_people_get_not_found_not_forbidden() -> None:
    with pytest.raises(NotFound):
        require(OUTSIDER, Action.MEETING_VIEW, meeting(), DIRECTORY)
    with pytest.raises(Forbidden):
        require(DELEGATE, Action.AGENDA_EDIT, meeting(), DIRECTORY)


def test_confidential_papers_skip_room_accounts_and_unit_wide_invitations() -> None:
    doc = DocumentMeta(
        "d", "m", "Mật", "a.pdf", "0" * 64, 1, 1, Classification.CONFIDENTIAL, "secretary", NOW
    )
    m = meeting()
    assert can_read_document(SECRETARY, doc, m, DIRECTORY)
    assert not can_read_document(ROOM, doc, m, DIRECTORY)
    assert not can_read_document(DELEGATE, doc, m, DIRECTORY)
    by_name = replace(m, invited_person_ids=("delegate",))
    assert can_read_document(DELEGATE, doc, by_name, DIRECTORY)


def test_a_merged_wards_members_and_meetings_follow_the_successor() -> None:
    units = dict(UNITS)
    units["hiep-thanh"], _ = merge(units["hiep-thanh"], units["phu-cuong"], NOW)
    directory = Directory(units)
    # A meeting organised by the old ward before the merge is run by the successor's secretary.
    old = Meeting(
        id="old",
        title="Họp phường cũ",
        organiser_unit_id="hiep-thanh",
        starts_at=NOW,
        ends_at=NOW + timedelta(hours=1),
        place=Place(hall="B"),
        status=MeetingStatus.ENDED,
        agenda=(AgendaItem("i", "x"),),
    )
    assert allowed(WARD_SECRETARY, Action.MEETING_ARCHIVE, old, directory)
    assert not allowed(WARD_SECRETARY, Action.MEETING_ARCHIVE, old, DIRECTORY)


def test_a_disabled_person_may_do_nothing() -> None:
    disabled = Person("x", "xx", "X", memberships=(Membership("ubnd", Role.ADMIN),), active=False)
    assert not any(allowed(disabled, a, meeting(), DIRECTORY) for a in Action)
