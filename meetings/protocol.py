"""The wire protocol between clients and the server: every message as a typed model.

Text frames carry one JSON object each. Client messages are requests (`type` + `id`); the server
answers each with exactly one `result` or `error` carrying the same `id`, and pushes events to the
clients that may see them. Binary frames carry file bytes: a 4-byte big-endian length, that many
bytes of a JSON header (a request or a result), then the payload. docs/protocol.md describes it all.
"""

from __future__ import annotations

import functools
import json
import operator
import struct
from typing import Annotated, Any, Literal

from pydantic import AwareDatetime, BaseModel, Field, TypeAdapter, ValidationError

from meetings import protocol_call, protocol_live, protocol_signing
from meetings.documents import Classification, NoteKind
from meetings.errors import ErrorCode
from meetings.meeting import MeetingStatus
from meetings.protocol_base import (
    MAX_CHUNK,
    PROTOCOL_VERSION,
    Id,
    Model,
    Request,
    ShortText,
    Text,
)
from meetings.protocol_base import (
    MAX_FRAME as MAX_FRAME,
)
from meetings.protocol_base import (
    MAX_TEXT_FRAME as MAX_TEXT_FRAME,
)
from meetings.protocol_views import (
    AgendaItemView as AgendaItemView,
)
from meetings.protocol_views import (
    AuditEntry as AuditEntry,
)
from meetings.protocol_views import (
    CommentView as CommentView,
)
from meetings.protocol_views import (
    DocumentView as DocumentView,
)
from meetings.protocol_views import (
    MeetingDetail as MeetingDetail,
)
from meetings.protocol_views import (
    MeetingSummary as MeetingSummary,
)
from meetings.protocol_views import (
    MembershipView as MembershipView,
)
from meetings.protocol_views import (
    NoteView as NoteView,
)
from meetings.protocol_views import (
    PersonView as PersonView,
)
from meetings.protocol_views import (
    RectView as RectView,
)
from meetings.protocol_views import (
    UnitChangeView as UnitChangeView,
)
from meetings.protocol_views import (
    UnitView as UnitView,
)
from meetings.protocol_views import (
    UploadView as UploadView,
)


def union_of(members: tuple[type[Model], ...]) -> Any:
    """`A | B | ...` of the given message classes, for a tagged union built from lists."""
    return functools.reduce(operator.or_, members)


# ---------------------------------------------------------------------------------------------
# Requests (client -> server)


class Ping(Request):
    type: Literal["ping"]


class Login(Request):
    type: Literal["auth.login"]
    username: Annotated[str, Field(min_length=1, max_length=64)]
    password: Annotated[str, Field(min_length=1, max_length=1024)]


class Resume(Request):
    type: Literal["auth.resume"]
    token: Annotated[str, Field(min_length=16, max_length=128)]


class Logout(Request):
    type: Literal["auth.logout"]


class GetMe(Request):
    type: Literal["me.get"]


class ListUnits(Request):
    type: Literal["units.list"]


class ListPeople(Request):
    type: Literal["people.list"]
    unit_id: str | None = None


class ListMeetings(Request):
    type: Literal["meetings.list"]
    start: AwareDatetime | None = None
    end: AwareDatetime | None = None


class GetMeeting(Request):
    type: Literal["meeting.get"]
    meeting_id: Id


class CreateMeeting(Request):
    type: Literal["meeting.create"]
    title: ShortText
    organiser_unit_id: Id
    starts_at: AwareDatetime
    ends_at: AwareDatetime
    hall: ShortText | None = None
    video: bool = False
    description: Text = ""
    invited_unit_ids: Annotated[list[Id], Field(max_length=500, default_factory=list)]
    invited_person_ids: Annotated[list[Id], Field(max_length=2000, default_factory=list)]


class UpdateMeeting(Request):
    """Change some details; fields left out stay as they are."""

    type: Literal["meeting.update"]
    meeting_id: Id
    expected_version: int | None = None
    title: ShortText | None = None
    starts_at: AwareDatetime | None = None
    ends_at: AwareDatetime | None = None
    hall: ShortText | None = None
    video: bool | None = None
    description: Text | None = None
    invited_unit_ids: Annotated[list[Id], Field(max_length=500)] | None = None
    invited_person_ids: Annotated[list[Id], Field(max_length=2000)] | None = None


class TransitionMeeting(Request):
    type: Literal["meeting.transition"]
    meeting_id: Id
    to: MeetingStatus
    expected_version: int | None = None


class AddAgendaItem(Request):
    type: Literal["agenda.add"]
    meeting_id: Id
    title: ShortText
    planned_minutes: Annotated[int, Field(ge=0, le=1440)] = 15
    presenter_id: Id | None = None
    presenter_name: ShortText = ""
    position: Annotated[int, Field(ge=0)] | None = None


class UpdateAgendaItem(Request):
    type: Literal["agenda.update"]
    meeting_id: Id
    item_id: Id
    title: ShortText | None = None
    planned_minutes: Annotated[int, Field(ge=0, le=1440)] | None = None
    presenter_id: Id | None = None
    presenter_name: ShortText | None = None


class RemoveAgendaItem(Request):
    type: Literal["agenda.remove"]
    meeting_id: Id
    item_id: Id


class ReorderAgenda(Request):
    type: Literal["agenda.reorder"]
    meeting_id: Id
    item_ids: Annotated[list[Id], Field(max_length=200)]


class AttachDocument(Request):
    type: Literal["agenda.attach"]
    meeting_id: Id
    item_id: Id
    document_id: Id


class DetachDocument(Request):
    type: Literal["agenda.detach"]
    meeting_id: Id
    item_id: Id
    document_id: Id


class BeginUpload(Request):
    """Start an upload, or find the unfinished one with the same file to resume it."""

    type: Literal["upload.begin"]
    meeting_id: Id
    filename: Annotated[str, Field(min_length=1, max_length=255)]
    title: ShortText
    size: Annotated[int, Field(gt=0)]
    sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
    classification: Classification = Classification.INTERNAL
    is_draft: bool = False
    replaces: Id | None = None  # the document this one is a new version of
    item_id: Id | None = None  # attach to this agenda item when finished


class UploadChunk(Request):
    """The JSON header of a binary frame whose payload is file bytes at `offset`."""

    type: Literal["upload.chunk"]
    upload_id: Id
    offset: Annotated[int, Field(ge=0)]


class UploadStatus(Request):
    type: Literal["upload.status"]
    upload_id: Id


class FinishUpload(Request):
    type: Literal["upload.finish"]
    upload_id: Id


class GetDocument(Request):
    type: Literal["document.get"]
    document_id: Id


class DownloadDocument(Request):
    """Answered by a binary frame: a `result` header and up to `length` bytes at `offset`."""

    type: Literal["document.download"]
    document_id: Id
    offset: Annotated[int, Field(ge=0)] = 0
    length: Annotated[int, Field(gt=0, le=MAX_CHUNK)] = MAX_CHUNK


class AddComment(Request):
    type: Literal["comment.add"]
    document_id: Id
    text: Text
    page: Annotated[int, Field(ge=1)] | None = None
    client_id: Id | None = None  # makes a replayed offline comment count once


class ListComments(Request):
    type: Literal["comments.list"]
    document_id: Id


class PutNote(Request):
    """Create or change one of the caller's notes; `base_version` detects offline conflicts."""

    type: Literal["note.put"]
    note_id: Id
    document_id: Id
    page: Annotated[int, Field(ge=1)]
    kind: NoteKind = NoteKind.NOTE
    rect: RectView
    text: Text = ""
    base_version: int | None = None  # None creates; otherwise the version the edit started from


class DeleteNote(Request):
    type: Literal["note.delete"]
    note_id: Id
    base_version: int | None = None


class ListNotes(Request):
    type: Literal["notes.list"]
    document_id: Id | None = None


class ListAudit(Request):
    type: Literal["audit.list"]
    limit: Annotated[int, Field(ge=1, le=1000)] = 100
    before_seq: int | None = None


CORE_REQUESTS: tuple[type[Request], ...] = (
    Ping,
    Login,
    Resume,
    Logout,
    GetMe,
    ListUnits,
    ListPeople,
    ListMeetings,
    GetMeeting,
    CreateMeeting,
    UpdateMeeting,
    TransitionMeeting,
    AddAgendaItem,
    UpdateAgendaItem,
    RemoveAgendaItem,
    ReorderAgenda,
    AttachDocument,
    DetachDocument,
    BeginUpload,
    UploadChunk,
    UploadStatus,
    FinishUpload,
    GetDocument,
    DownloadDocument,
    AddComment,
    ListComments,
    PutNote,
    DeleteNote,
    ListNotes,
    ListAudit,
)
# Every request of every feature protocol; a feature adds its module's REQUESTS here.
ALL_REQUESTS: tuple[type[Request], ...] = (
    CORE_REQUESTS + protocol_call.REQUESTS + protocol_live.REQUESTS + protocol_signing.REQUESTS
)
# Built at import from the feature lists, so type checkers see these as the base classes.
ClientRequest = Request
_REQUEST_UNION: Any = Annotated[union_of(ALL_REQUESTS), Field(discriminator="type")]
REQUEST_ADAPTER: TypeAdapter[Request] = TypeAdapter(_REQUEST_UNION)
REQUEST_TYPES: frozenset[str] = frozenset(
    t.model_fields["type"].annotation.__args__[0]  # type: ignore[union-attr]
    for t in ALL_REQUESTS
)


# ---------------------------------------------------------------------------------------------
# Server messages (server -> client): one reply per request, and events


class Result(Model):
    type: Literal["result"] = "result"
    id: str
    data: Any = None


class Error(Model):
    type: Literal["error"] = "error"
    id: str | None  # None when the request's id could not be read
    code: ErrorCode
    message: str
    message_vi: str
    details: dict[str, Any] = Field(default_factory=dict)


class LoginResult(Model):
    token: str
    expires_at: AwareDatetime
    person: PersonView
    server_time: AwareDatetime
    protocol: int = PROTOCOL_VERSION


class DownloadResult(Model):
    document_id: str
    offset: int
    length: int
    size: int


class MeetingUpdated(Model):
    """A meeting the client may see was created or changed; `meeting` is the whole of it."""

    type: Literal["meeting.updated"] = "meeting.updated"
    reason: str  # created, edited, agenda, published, started, ended, archived, documents...
    meeting: MeetingDetail


class MeetingRemoved(Model):
    """The client may no longer see this meeting (uninvited, or back to draft)."""

    type: Literal["meeting.removed"] = "meeting.removed"
    meeting_id: str


class DocumentAdded(Model):
    type: Literal["document.added"] = "document.added"
    document: DocumentView
    replaces: str | None = None


class CommentAdded(Model):
    type: Literal["comment.added"] = "comment.added"
    meeting_id: str
    comment: CommentView


class NoteChanged(Model):
    """One of the caller's own notes changed on another of their devices."""

    type: Literal["note.changed"] = "note.changed"
    note: NoteView


class NoteDeleted(Model):
    type: Literal["note.deleted"] = "note.deleted"
    note_id: str


class SessionEnded(Model):
    type: Literal["session.ended"] = "session.ended"
    reason: str


CORE_EVENTS: tuple[type[Model], ...] = (
    MeetingUpdated,
    MeetingRemoved,
    DocumentAdded,
    CommentAdded,
    NoteChanged,
    NoteDeleted,
    SessionEnded,
)
# Every event of every feature protocol; a feature adds its module's EVENTS here.
ALL_EVENTS: tuple[type[Model], ...] = (
    CORE_EVENTS + protocol_call.EVENTS + protocol_live.EVENTS + protocol_signing.EVENTS
)
ServerMessage = Model
_SERVER_UNION: Any = Annotated[union_of((Result, Error, *ALL_EVENTS)), Field(discriminator="type")]
SERVER_ADAPTER: TypeAdapter[Model] = TypeAdapter(_SERVER_UNION)
EVENT_TYPES: frozenset[str] = frozenset(t.model_fields["type"].default for t in ALL_EVENTS)


# ---------------------------------------------------------------------------------------------
# Encoding and decoding, pure functions


class ProtocolError(Exception):
    """A frame that is not a valid message; `request_id` is set when it could be read."""

    def __init__(
        self,
        code: ErrorCode,
        message: str,
        message_vi: str,
        request_id: str | None = None,
        details: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.message_vi = message_vi
        self.request_id = request_id
        self.details = details or {}


def _loads_object(text: str | bytes) -> dict[str, Any]:
    try:
        raw = json.loads(text)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ProtocolError(
            ErrorCode.BAD_REQUEST, f"Not JSON: {exc}", "Thông điệp không phải JSON."
        ) from None
    if not isinstance(raw, dict):
        raise ProtocolError(
            ErrorCode.BAD_REQUEST,
            "A message is a JSON object.",
            "Thông điệp phải là đối tượng JSON.",
        )
    return raw


def _validate_request(raw: dict[str, Any]) -> ClientRequest:
    # Echo the id back even when it is malformed, so the caller can match the error, but
    # never an absurdly long one.
    given = raw.get("id")
    request_id = given if isinstance(given, str) and len(given) <= 64 else None
    kind = raw.get("type")
    if kind not in REQUEST_TYPES:
        raise ProtocolError(
            ErrorCode.UNKNOWN_TYPE,
            f"Unknown message type {kind!r}.",
            f"Loại thông điệp không xác định: {kind!r}.",
            request_id,
        )
    try:
        return REQUEST_ADAPTER.validate_python(raw)
    except ValidationError as exc:
        problems = [
            {"field": ".".join(str(p) for p in e["loc"][1:]), "problem": e["msg"]}
            for e in exc.errors(include_url=False)
        ]
        raise ProtocolError(
            ErrorCode.BAD_REQUEST,
            "Invalid fields: " + "; ".join(f"{p['field']}: {p['problem']}" for p in problems),
            "Trường dữ liệu không hợp lệ.",
            request_id,
            {"problems": problems},
        ) from None


def decode_request(text: str) -> ClientRequest:
    return _validate_request(_loads_object(text))


def split_binary(frame: bytes) -> tuple[dict[str, Any], bytes]:
    """Split a binary frame into its JSON header and its payload."""
    if len(frame) < 4:
        raise ProtocolError(
            ErrorCode.BAD_REQUEST, "Binary frame too short.", "Khung nhị phân quá ngắn."
        )
    (header_len,) = struct.unpack_from(">I", frame)
    if header_len > 64 * 1024 or 4 + header_len > len(frame):
        raise ProtocolError(
            ErrorCode.BAD_REQUEST, "Bad binary frame header length.", "Độ dài tiêu đề khung sai."
        )
    return _loads_object(frame[4 : 4 + header_len]), frame[4 + header_len :]


def decode_binary_request(frame: bytes) -> tuple[ClientRequest, bytes]:
    header, payload = split_binary(frame)
    request = _validate_request(header)
    # Feature protocols name their binary requests (file bytes after the header).
    if not isinstance(request, (UploadChunk, *protocol_signing.BINARY_REQUESTS)):
        raise ProtocolError(
            ErrorCode.BAD_REQUEST,
            "Only file chunks travel in a binary frame.",
            "Chỉ dữ liệu tệp được gửi trong khung nhị phân.",
            request.id,
        )
    return request, payload


def join_binary(header: BaseModel | dict[str, Any], payload: bytes) -> bytes:
    head = header.model_dump_json() if isinstance(header, BaseModel) else json.dumps(header)
    encoded = head.encode()
    return struct.pack(">I", len(encoded)) + encoded + payload


def encode(message: BaseModel) -> str:
    return message.model_dump_json()


def encode_request(request: Request) -> str:
    return request.model_dump_json(exclude_none=False)


def decode_server(text: str | bytes) -> ServerMessage:
    return SERVER_ADAPTER.validate_json(text)
