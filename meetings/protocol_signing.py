"""Wire messages of the signing workflow (docs/protocol-signing.md).

A revision's bytes travel like a document's: `signing.download` answers with a binary frame;
the signed revision goes up whole in one binary `signing.submit` frame, or in chunks with
`signing.upload.begin` / `signing.upload.chunk` / `signing.upload.finish` when it is larger.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AwareDatetime, Field

from meetings.protocol_base import MAX_CHUNK, Id, Model, Request, ShortText, Text
from meetings.signing_flow import RequestStatus, SignerRole

Sha256 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
Coordinate = Annotated[float, Field(ge=0, le=14_400)]  # PDF points; 14 400 is PDF's page limit


class BoxView(Model):
    """A field's place: `page` from 1, the box in PDF points from the page's bottom left."""

    page: Annotated[int, Field(ge=1)]
    x1: Coordinate
    y1: Coordinate
    x2: Coordinate
    y2: Coordinate


class SignerSpec(Model):
    person_id: Id
    field_name: Annotated[str, Field(pattern=r"^[A-Za-z0-9_\-]{1,64}$")]
    role: SignerRole = SignerRole.SIGNER
    # Left out: the server places it (signature blocks of the last page, the seal over the
    # left third of the previous signer's image).
    box: BoxView | None = None


class SignerView(Model):
    person_id: str
    full_name: str
    title: str
    field_name: str
    role: SignerRole
    box: BoxView
    signed_at: AwareDatetime | None


class RevisionView(Model):
    number: int  # 0: the fields added; i: after the i-th signature
    sha256: str
    size: int
    signed_by: str | None
    field_name: str | None
    created_at: AwareDatetime


class SigningRequestView(Model):
    id: str
    meeting_id: str
    document_id: str
    title: str
    requested_by: str
    created_at: AwareDatetime
    updated_at: AwareDatetime
    status: RequestStatus
    step: int
    turn_person_id: str | None
    current_revision: int
    signers: list[SignerView]
    revisions: list[RevisionView]
    declined_by: str | None
    reason: str
    version: int


class SigningListView(Model):
    waiting_for_me: list[SigningRequestView]  # "Chờ tôi ký"
    requested_by_me: list[SigningRequestView]
    involving_me: list[SigningRequestView]  # where the caller signs, whoever's turn it is
    tsa_url: str | None = None  # the timestamp authority the server wants signers to use


class CertificateView(Model):
    sha256: str
    subject: str
    common_name: str
    not_after: AwareDatetime
    registered_at: AwareDatetime


class SignatureSummaryView(Model):
    field_name: str
    is_document_timestamp: bool
    signer: str
    cert_sha256: str
    signing_time: AwareDatetime | None
    ok: bool
    intact: bool
    trusted: bool
    revoked: bool
    tampered: bool
    level: str | None
    summary_vi: str
    summary_en: str


class ValidationView(Model):
    request_id: str
    revision: int
    all_valid: bool
    signatures: list[SignatureSummaryView]
    summary_vi: str
    summary_en: str


class SigningDownloadResult(Model):
    request_id: str
    revision: int
    sha256: str
    offset: int
    length: int
    size: int


class SigningUploadView(Model):
    upload_id: str
    request_id: str
    size: int
    received: int
    chunk_size: int


# ---------------------------------------------------------------------------------------------
# Requests


class CreateSigningRequest(Request):
    type: Literal["signing.request"]
    meeting_id: Id
    document_id: Id
    title: ShortText = ""  # default: the document's title
    signers: Annotated[list[SignerSpec], Field(min_length=1, max_length=20)]


class ListSigning(Request):
    type: Literal["signing.list"]


class GetSigning(Request):
    type: Literal["signing.get"]
    request_id: Id


class DownloadRevision(Request):
    """Answered by a binary frame: a `result` header and up to `length` bytes at `offset`."""

    type: Literal["signing.download"]
    request_id: Id
    revision: Annotated[int, Field(ge=0)] | None = None  # None: the current one
    offset: Annotated[int, Field(ge=0)] = 0
    length: Annotated[int, Field(gt=0, le=MAX_CHUNK)] = MAX_CHUNK


class SubmitRevision(Request):
    """A binary frame whose payload is the whole signed revision (up to one chunk)."""

    type: Literal["signing.submit"]
    request_id: Id
    base_revision: Annotated[int, Field(ge=0)]  # the revision the signer signed
    sha256: Sha256


class BeginRevisionUpload(Request):
    type: Literal["signing.upload.begin"]
    request_id: Id
    base_revision: Annotated[int, Field(ge=0)]
    size: Annotated[int, Field(gt=0)]
    sha256: Sha256


class RevisionChunk(Request):
    """The JSON header of a binary frame whose payload is revision bytes at `offset`."""

    type: Literal["signing.upload.chunk"]
    upload_id: Id
    offset: Annotated[int, Field(ge=0)]


class FinishRevisionUpload(Request):
    type: Literal["signing.upload.finish"]
    upload_id: Id


class DeclineSigning(Request):
    type: Literal["signing.decline"]
    request_id: Id
    reason: Text


class CancelSigning(Request):
    type: Literal["signing.cancel"]
    request_id: Id
    reason: Text


class ValidateRevision(Request):
    type: Literal["signing.validate"]
    request_id: Id
    revision: Annotated[int, Field(ge=0)] | None = None


class RegisterCertificate(Request):
    type: Literal["signing.register_certificate"]
    pem: Annotated[str, Field(min_length=64, max_length=32_000)]


class ListCertificates(Request):
    type: Literal["signing.certificates"]


# ---------------------------------------------------------------------------------------------
# Events


class SigningTurn(Model):
    """It is now the receiver's turn to sign (sent to that signer only)."""

    type: Literal["signing.turn"] = "signing.turn"
    request: SigningRequestView


class SigningUpdated(Model):
    """A request the receiver is part of changed: created, signed, declined, cancelled,
    completed."""

    type: Literal["signing.updated"] = "signing.updated"
    reason: str
    request: SigningRequestView


REQUESTS: tuple[type[Request], ...] = (
    CreateSigningRequest,
    ListSigning,
    GetSigning,
    DownloadRevision,
    SubmitRevision,
    BeginRevisionUpload,
    RevisionChunk,
    FinishRevisionUpload,
    DeclineSigning,
    CancelSigning,
    ValidateRevision,
    RegisterCertificate,
    ListCertificates,
)
# Requests that travel in binary frames (header + file bytes).
BINARY_REQUESTS: tuple[type[Request], ...] = (SubmitRevision, RevisionChunk)
EVENTS: tuple[type[Model], ...] = (SigningTurn, SigningUpdated)
