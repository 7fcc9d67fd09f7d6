"""The shapes of things as they travel: people, units, meetings, documents, notes, audit.

Requests and events of `meetings/protocol.py` and the feature protocols carry these.
"""

from __future__ import annotations

from typing import Any

from pydantic import AwareDatetime

from meetings.documents import Classification, NoteKind
from meetings.meeting import MeetingStatus
from meetings.people import Role
from meetings.protocol_base import Model
from meetings.units import ChangeKind, UnitKind


class MembershipView(Model):
    unit_id: str
    role: Role


class PersonView(Model):
    id: str
    username: str
    full_name: str
    title: str
    memberships: list[MembershipView]


class UnitView(Model):
    id: str
    name: str
    kind: UnitKind
    parent_id: str | None
    active: bool
    merged_into: str | None


class UnitChangeView(Model):
    unit_id: str
    kind: ChangeKind
    at: AwareDatetime
    old_value: str | None
    new_value: str | None


class AgendaItemView(Model):
    id: str
    title: str
    planned_minutes: int
    presenter_id: str | None
    presenter_name: str
    document_ids: list[str]


class MeetingSummary(Model):
    id: str
    title: str
    organiser_unit_id: str
    starts_at: AwareDatetime
    ends_at: AwareDatetime
    hall: str | None
    video: bool
    status: MeetingStatus
    version: int
    planned_minutes: int


class DocumentView(Model):
    id: str
    meeting_id: str
    title: str
    filename: str
    sha256: str
    size: int
    pages: int
    classification: Classification
    is_draft: bool
    previous_id: str | None
    uploaded_by: str
    uploaded_at: AwareDatetime


class MeetingDetail(MeetingSummary):
    description: str
    invited_unit_ids: list[str]
    invited_person_ids: list[str]
    agenda: list[AgendaItemView]
    documents: list[DocumentView]  # the ones the caller may read


class UploadView(Model):
    upload_id: str
    size: int
    received: int
    chunk_size: int


class CommentView(Model):
    id: str
    document_id: str
    author_id: str
    author_name: str
    text: str
    page: int | None
    created_at: AwareDatetime


class RectView(Model):
    x: float
    y: float
    w: float = 0.0
    h: float = 0.0


class NoteView(Model):
    id: str
    document_id: str
    page: int
    kind: NoteKind
    rect: RectView
    text: str
    version: int
    updated_at: AwareDatetime


class AuditEntry(Model):
    seq: int
    at: AwareDatetime
    person_id: str | None
    action: str
    target: str | None
    detail: dict[str, Any]
