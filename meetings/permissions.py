"""Who may do what: one table of role × action, and the checks the server runs on every request.

A cell says where the role must be held for the action to be allowed:
  org  the role is held in the meeting's organising unit (or a unit merged into it, or the
       unit it was merged into): the people who run that unit's meetings;
  inv  the person is invited to the meeting, by name or through a unit they belong to;
  any  the role is held anywhere;
  -    never.
A person with several roles may act when any of them allows it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from meetings.documents import Classification, DocumentMeta
from meetings.errors import Forbidden, NotFound
from meetings.meeting import Meeting, MeetingStatus
from meetings.people import Person, Role
from meetings.units import Unit, lineage, successor


class Action(StrEnum):
    MEETING_VIEW = "meeting.view"
    MEETING_CREATE = "meeting.create"
    MEETING_EDIT = "meeting.edit"
    AGENDA_EDIT = "agenda.edit"
    MEETING_PUBLISH = "meeting.publish"
    MEETING_RUN = "meeting.run"  # start and end
    MEETING_ARCHIVE = "meeting.archive"
    DOCUMENT_UPLOAD = "document.upload"
    DOCUMENT_READ = "document.read"
    COMMENT_WRITE = "comment.write"
    COMMENT_READ_ALL = "comment.read_all"
    NOTE_WRITE = "note.write"
    CALL_JOIN = "call.join"  # send and receive media in the meeting's video room
    CALL_CONTROL = "call.control"  # the chair's controls in the video room
    UNIT_MANAGE = "unit.manage"
    PERSON_MANAGE = "person.manage"
    AUDIT_READ = "audit.read"
    SIGNING_REQUEST = "signing.request"  # send a document of the meeting for signature
    LIVE_TAKE_PART = "live.take_part"  # check in, ask to speak, vote (the roster decides)
    LIVE_ROLL_CALL = "live.roll_call"  # record others' attendance
    LIVE_CHAIR = "live.chair"  # the floor, votes, the current item, live settings
    LIVE_PRESENT = "live.present"  # put a document's page on every screen
    LIVE_MINUTES = "live.minutes"  # generate the minutes and the conclusion notice


class Scope(StrEnum):
    ORG = "org"
    INVITED = "inv"
    ANY = "any"


_ROLES = (Role.SECRETARY, Role.CHAIR, Role.DELEGATE, Role.ROOM, Role.CLERK, Role.ADMIN)

# fmt: off
TABLE_TEXT = """
action             secretary chair delegate room  clerk admin
meeting.view       org       org   inv      inv   org   any
meeting.create     org       org   -        -     -     -
meeting.edit       org       org   -        -     -     -
agenda.edit        org       org   -        -     -     -
meeting.publish    org       org   -        -     -     -
meeting.run        org       org   -        -     -     -
meeting.archive    org       org   -        -     org   -
document.upload    org       org   -        -     org   -
document.read      org       org   inv      inv   org   -
comment.write      org       org   inv      -     -     -
comment.read_all   org       org   -        -     -     -
note.write         org       org   inv      inv   org   -
call.join          org       org   inv      inv   -     -
call.control       org       org   -        -     -     -
unit.manage        -         -     -        -     -     any
person.manage      -         -     -        -     -     any
audit.read         -         -     -        -     -     any
signing.request    org       org   -        -     -     -
live.take_part     org       org   inv      inv   -     -
live.roll_call     org       org   -        -     -     -
live.chair         -         org   -        -     -     -
live.present       org       org   inv      -     -     -
live.minutes       org       org   -        -     -     -
"""
# fmt: on


def _parse(text: str) -> dict[Action, dict[Role, Scope]]:
    lines = [line.split() for line in text.strip().splitlines()]
    header, rows = lines[0], lines[1:]
    roles = [Role(name) for name in header[1:]]
    table: dict[Action, dict[Role, Scope]] = {}
    for row in rows:
        table[Action(row[0])] = {
            role: Scope(cell) for role, cell in zip(roles, row[1:], strict=True) if cell != "-"
        }
    return table


PERMISSIONS: dict[Action, dict[Role, Scope]] = _parse(TABLE_TEXT)


@dataclass(frozen=True)
class Directory:
    """What the checks need to know of the organisation: every unit, by id.

    One directory serves one request or one event, so it remembers the unit families it has
    worked out: deciding who of 500 connected people may see a change asks the same few
    questions 500 times.
    """

    units: dict[str, Unit]
    _families: dict[object, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)

    def family(self, unit_id: str) -> frozenset[str]:
        """A unit, the unit it lives on in after merges, and everything merged into that."""
        found = self._families.get(unit_id)
        if found is None:
            if unit_id not in self.units:
                found = frozenset({unit_id})
            else:
                found = frozenset(lineage(successor(unit_id, self.units), self.units))
            self._families[unit_id] = found
        return found

    def families(self, unit_ids: tuple[str, ...]) -> frozenset[str]:
        """Every unit in the families of the given units (a meeting's invited units)."""
        key = ("invited", unit_ids)
        found = self._families.get(key)
        if found is None:
            found = frozenset().union(*(self.family(u) for u in unit_ids))
            self._families[key] = found
        return found


def is_invited(person: Person, meeting: Meeting, directory: Directory) -> bool:
    if person.id in meeting.invited_person_ids:
        return True
    return not person.unit_ids.isdisjoint(directory.families(meeting.invited_unit_ids))


def _scope_holds(
    scope: Scope, role: Role, person: Person, meeting: Meeting | None, directory: Directory
) -> bool:
    held_in = {m.unit_id for m in person.memberships if m.role is role}
    if not held_in:
        return False
    if scope is Scope.ANY:
        return True
    if meeting is None:
        # Creating a meeting: the role must be held somewhere; the unit is checked separately.
        return scope is Scope.ORG
    if scope is Scope.ORG:
        return bool(held_in & directory.family(meeting.organiser_unit_id))
    return is_invited(person, meeting, directory)


def allowed(person: Person, action: Action, meeting: Meeting | None, directory: Directory) -> bool:
    if not person.active:
        return False
    rules = PERMISSIONS[action]
    ok = any(_scope_holds(scope, role, person, meeting, directory) for role, scope in rules.items())
    if ok and meeting is not None and meeting.status is MeetingStatus.DRAFT:
        # A draft is the organisers' work in progress: invitees see it once it is published.
        ok = any(
            _scope_holds(scope, role, person, meeting, directory)
            for role, scope in rules.items()
            if scope is not Scope.INVITED
        )
    return ok


def require(person: Person, action: Action, meeting: Meeting | None, directory: Directory) -> None:
    if allowed(person, action, meeting, directory):
        return
    if meeting is not None and not allowed(person, Action.MEETING_VIEW, meeting, directory):
        # Do not confirm that a meeting exists to someone who may not see it.
        raise NotFound("No such meeting.", "Không tìm thấy cuộc họp.")
    raise Forbidden(
        f"Your roles do not allow {action.value}.",
        f"Vai trò của bạn không được phép thực hiện {action.value}.",
        details={"action": action.value},
    )


def require_unit_role(person: Person, action: Action, unit_id: str, directory: Directory) -> None:
    """For creating a meeting: the creator must hold an allowed role in the organising unit."""
    family = directory.family(unit_id)
    for role in PERMISSIONS[action]:
        if person.roles_in(family) & {role}:
            return
    raise Forbidden(
        "You may only create meetings for a unit where you are secretary or chair.",
        "Bạn chỉ được tạo cuộc họp cho đơn vị mà bạn là thư ký hoặc chủ trì.",
    )


def can_read_document(
    person: Person, document: DocumentMeta, meeting: Meeting, directory: Directory
) -> bool:
    if document.classification is Classification.PUBLIC and person.active:
        return True
    if not allowed(person, Action.DOCUMENT_READ, meeting, directory):
        return False
    if document.classification is Classification.CONFIDENTIAL:
        # Shared room PCs and unit-wide invitations do not see restricted papers.
        organiser = any(
            _scope_holds(Scope.ORG, role, person, meeting, directory)
            for role in (Role.SECRETARY, Role.CHAIR, Role.CLERK)
        )
        return organiser or person.id in meeting.invited_person_ids
    return True


def require_document(
    person: Person, document: DocumentMeta, meeting: Meeting, directory: Directory
) -> None:
    if not can_read_document(person, document, meeting, directory):
        raise NotFound("No such document.", "Không tìm thấy tài liệu.")


def roles_table() -> list[tuple[str, list[str]]]:
    """The table as rows of cells, for docs and the admin view."""
    return [
        (action.value, [PERMISSIONS[action].get(role, "-") for role in _ROLES]) for action in Action
    ]
