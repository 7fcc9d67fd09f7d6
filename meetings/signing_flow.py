"""A document sent for signature: ordered signers, whose turn it is, sign, decline, cancel.

Pure rules, no I/O. Revision 0 is the document with every signer's empty field added in one
update; revision i is the one after the i-th signature. The organisation's seal (the clerk,
văn thư) comes last (Decree 30/2020, Art. 14.3). A finished request is read-only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from meetings.errors import BadRequest, Forbidden, InvalidDocument, InvalidState

MAX_SIGNERS = 20
MAX_REASON = 1000
FIELD_NAME = re.compile(r"^[A-Za-z0-9_\-]{1,64}$")


class SignerRole(StrEnum):
    SIGNER = "signer"  # a competent person: secretary, vice chair, chair
    SEAL = "seal"  # the organisation's seal, applied by the clerk


class RequestStatus(StrEnum):
    WAITING = "waiting"  # sent, nobody has signed yet
    SIGNING = "signing"  # some have signed, others are waiting
    COMPLETED = "completed"  # every field signed; archived read-only
    DECLINED = "declined"  # a signer refused, with a reason
    CANCELLED = "cancelled"  # the sender withdrew it

    @property
    def open(self) -> bool:
        return self in (RequestStatus.WAITING, RequestStatus.SIGNING)


class SignatureRefused(InvalidDocument):
    """An uploaded revision was refused; `details["problem"]` names why (see docs)."""

    def __init__(self, problem: str, message: str, message_vi: str) -> None:
        super().__init__(message, message_vi, details={"problem": problem})
        self.problem = problem


@dataclass(frozen=True, slots=True)
class FieldBox:
    """Where a field goes: `page` is 1-based; the box is in PDF points from the bottom left."""

    page: int
    x1: float
    y1: float
    x2: float
    y2: float

    def __post_init__(self) -> None:
        if self.page < 1:
            raise BadRequest("Pages are counted from 1.", "Số trang bắt đầu từ 1.")
        if not (self.x2 > self.x1 and self.y2 > self.y1) or min(self.x1, self.y1) < 0:
            raise BadRequest(
                "A signature box needs x2 > x1 >= 0 and y2 > y1 >= 0.",
                "Khung chữ ký phải có x2 > x1 >= 0 và y2 > y1 >= 0.",
            )


@dataclass(frozen=True, slots=True)
class Signer:
    person_id: str
    field_name: str
    box: FieldBox
    role: SignerRole = SignerRole.SIGNER
    signed_at: datetime | None = None

    @property
    def signed(self) -> bool:
        return self.signed_at is not None


@dataclass(frozen=True, slots=True)
class SignatureRequest:
    id: str
    meeting_id: str
    document_id: str
    title: str
    requested_by: str
    created_at: datetime
    signers: tuple[Signer, ...]
    status: RequestStatus = RequestStatus.WAITING
    step: int = 0  # index of the signer whose turn it is (== len(signers) when completed)
    revision: int = 0  # the current revision: revision i follows the i-th signature
    updated_at: datetime | None = None
    declined_by: str | None = None
    reason: str = ""  # why it was declined or cancelled
    version: int = 1

    @property
    def turn(self) -> Signer | None:
        """Who must sign next, or None when the request is not open."""
        if not self.status.open:
            return None
        return self.signers[self.step]

    @property
    def read_only(self) -> bool:
        return not self.status.open

    def involves(self, person_id: str) -> bool:
        return person_id == self.requested_by or any(s.person_id == person_id for s in self.signers)

    def waiting_for(self, person_id: str) -> bool:
        turn = self.turn
        return turn is not None and turn.person_id == person_id


def check_signers(signers: tuple[Signer, ...]) -> None:
    """Ordered signers: 1-20, distinct fields, at most one seal and only as the last one."""
    if not 1 <= len(signers) <= MAX_SIGNERS:
        raise BadRequest(
            f"A request has 1-{MAX_SIGNERS} signers.",
            f"Một yêu cầu ký có từ 1 đến {MAX_SIGNERS} người ký.",
        )
    names = [s.field_name for s in signers]
    for name in names:
        if not FIELD_NAME.match(name):
            raise BadRequest(
                f"Invalid field name {name!r}: use 1-64 letters, digits, '-' or '_'.",
                f"Tên ô ký {name!r} không hợp lệ: chỉ dùng chữ cái, chữ số, '-' hoặc '_'.",
            )
    if len(set(names)) != len(names):
        raise BadRequest("Each signer needs their own field.", "Mỗi người ký cần một ô ký riêng.")
    seals = [i for i, s in enumerate(signers) if s.role is SignerRole.SEAL]
    if len(seals) > 1 or (seals and seals[0] != len(signers) - 1):
        raise BadRequest(
            "The organisation's seal is applied once, after every other signature.",
            "Chữ ký số của cơ quan (đóng dấu) chỉ có một và được ký sau cùng.",
        )
    people = [s.person_id for s in signers if s.role is SignerRole.SIGNER]
    if len(set(people)) != len(people):
        raise BadRequest("A person signs once per document.", "Mỗi người chỉ ký một lần.")


def new_request(
    *,
    request_id: str,
    meeting_id: str,
    document_id: str,
    title: str,
    requested_by: str,
    signers: tuple[Signer, ...],
    at: datetime,
) -> SignatureRequest:
    title = title.strip()
    if not title or len(title) > 300:
        raise BadRequest("A title is 1-300 characters.", "Tiêu đề dài từ 1 đến 300 ký tự.")
    check_signers(signers)
    if any(s.signed for s in signers):
        raise BadRequest("New fields are empty.", "Ô ký mới phải còn trống.")
    return SignatureRequest(
        id=request_id,
        meeting_id=meeting_id,
        document_id=document_id,
        title=title,
        requested_by=requested_by,
        created_at=at,
        signers=signers,
        updated_at=at,
    )


def _require_open(request: SignatureRequest) -> None:
    if request.read_only:
        raise InvalidState(
            f"The request is {request.status.value} and read-only.",
            "Yêu cầu ký đã kết thúc, chỉ được xem.",
            details={"status": request.status.value},
        )


def require_turn(request: SignatureRequest, person_id: str) -> Signer:
    """The caller's field, if it is the caller's turn; a typed refusal otherwise."""
    _require_open(request)
    turn = request.turn
    assert turn is not None
    if turn.person_id != person_id:
        if any(s.person_id == person_id for s in request.signers):
            raise InvalidState(
                "It is not your turn to sign.",
                "Chưa đến lượt bạn ký.",
                details={"turn": turn.person_id},
            )
        raise Forbidden("You are not a signer of this document.", "Bạn không phải người ký.")
    return turn


def record_signature(request: SignatureRequest, person_id: str, at: datetime) -> SignatureRequest:
    """The signer whose turn it is signed: the next one's turn, or the request is complete."""
    turn = require_turn(request, person_id)
    signers = tuple(
        replace(s, signed_at=at) if i == request.step else s for i, s in enumerate(request.signers)
    )
    step = request.step + 1
    done = step == len(signers)
    assert turn.field_name == signers[request.step].field_name
    return replace(
        request,
        signers=signers,
        step=step,
        revision=request.revision + 1,
        status=RequestStatus.COMPLETED if done else RequestStatus.SIGNING,
        updated_at=at,
        version=request.version + 1,
    )


def _reason(reason: str) -> str:
    reason = reason.strip()
    if not reason or len(reason) > MAX_REASON:
        raise BadRequest(
            f"Give a reason of 1-{MAX_REASON} characters.",
            f"Cần nêu lý do (1-{MAX_REASON} ký tự).",
        )
    return reason


def decline(
    request: SignatureRequest, person_id: str, reason: str, at: datetime
) -> SignatureRequest:
    """The signer whose turn it is refuses to sign, saying why; nobody signs after that."""
    require_turn(request, person_id)
    return replace(
        request,
        status=RequestStatus.DECLINED,
        declined_by=person_id,
        reason=_reason(reason),
        updated_at=at,
        version=request.version + 1,
    )


def cancel(request: SignatureRequest, reason: str, at: datetime) -> SignatureRequest:
    """The sender (or an organiser) withdraws an open request."""
    _require_open(request)
    return replace(
        request,
        status=RequestStatus.CANCELLED,
        reason=_reason(reason),
        updated_at=at,
        version=request.version + 1,
    )
