"""Signature requests, their revisions, signers' certificates and revision uploads."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, delete, insert, or_, select, update

from meetings.errors import Conflict
from meetings.signing_flow import FieldBox, RequestStatus, SignatureRequest, Signer, SignerRole
from server.store import signing_schema as t
from server.store.clock import from_text, to_text


def _signer_row(s: Signer) -> dict[str, Any]:
    b = s.box
    return {
        "person_id": s.person_id,
        "field_name": s.field_name,
        "role": s.role.value,
        "page": b.page,
        "x1": b.x1,
        "y1": b.y1,
        "x2": b.x2,
        "y2": b.y2,
        "signed_at": to_text(s.signed_at) if s.signed_at else None,
    }


def _signer(d: dict[str, Any]) -> Signer:
    return Signer(
        person_id=d["person_id"],
        field_name=d["field_name"],
        role=SignerRole(d["role"]),
        box=FieldBox(d["page"], d["x1"], d["y1"], d["x2"], d["y2"]),
        signed_at=from_text(d["signed_at"]) if d["signed_at"] else None,
    )


def _request(r: Any) -> SignatureRequest:
    return SignatureRequest(
        id=r.id,
        meeting_id=r.meeting_id,
        document_id=r.document_id,
        title=r.title,
        requested_by=r.requested_by,
        created_at=from_text(r.created_at),
        updated_at=from_text(r.updated_at),
        signers=tuple(_signer(d) for d in r.signers),
        status=RequestStatus(r.status),
        step=r.step,
        revision=r.revision,
        declined_by=r.declined_by,
        reason=r.reason,
        version=r.version,
    )


def _values(x: SignatureRequest) -> dict[str, Any]:
    return {
        "meeting_id": x.meeting_id,
        "document_id": x.document_id,
        "title": x.title,
        "requested_by": x.requested_by,
        "created_at": to_text(x.created_at),
        "updated_at": to_text(x.updated_at or x.created_at),
        "status": x.status.value,
        "step": x.step,
        "revision": x.revision,
        "signers": [_signer_row(s) for s in x.signers],
        "declined_by": x.declined_by,
        "reason": x.reason,
        "version": x.version,
    }


def insert_request(conn: Connection, x: SignatureRequest) -> None:
    conn.execute(insert(t.signing_requests).values(id=x.id, **_values(x)))


def save_request(conn: Connection, x: SignatureRequest, expected_version: int) -> None:
    """Write a changed request; refuse if someone else changed it since it was read."""
    done = conn.execute(
        update(t.signing_requests)
        .where(
            (t.signing_requests.c.id == x.id) & (t.signing_requests.c.version == expected_version)
        )
        .values(**_values(x))
    )
    if done.rowcount != 1:
        raise Conflict(
            "The signature request changed meanwhile; reload it.",
            "Yêu cầu ký vừa thay đổi, vui lòng tải lại.",
        )


def request(conn: Connection, request_id: str) -> SignatureRequest | None:
    row = conn.execute(
        select(t.signing_requests).where(t.signing_requests.c.id == request_id)
    ).first()
    return _request(row) if row else None


def involving(conn: Connection, person_id: str) -> list[SignatureRequest]:
    """Requests the person sent or signs in (JSON is filtered here: SQLite and PostgreSQL
    spell JSON containment differently)."""
    rows = conn.execute(
        select(t.signing_requests)
        .where(
            or_(
                t.signing_requests.c.requested_by == person_id,
                t.signing_requests.c.signers.cast(t.Text).contains(f'"{person_id}"'),
            )
        )
        .order_by(t.signing_requests.c.created_at.desc())
    )
    found = [_request(r) for r in rows]
    return [x for x in found if x.involves(person_id)]


def add_revision(
    conn: Connection,
    request_id: str,
    number: int,
    sha256: str,
    size: int,
    signed_by: str | None,
    field_name: str | None,
    at: Any,
) -> None:
    conn.execute(
        insert(t.signing_revisions).values(
            request_id=request_id,
            number=number,
            sha256=sha256,
            size=size,
            signed_by=signed_by,
            field_name=field_name,
            created_at=to_text(at),
        )
    )


def revisions(conn: Connection, request_id: str) -> list[dict[str, Any]]:
    rows = conn.execute(
        select(t.signing_revisions)
        .where(t.signing_revisions.c.request_id == request_id)
        .order_by(t.signing_revisions.c.number)
    )
    return [{**dict(r._mapping), "created_at": from_text(r.created_at)} for r in rows]


def save_certificate(conn: Connection, values: dict[str, Any]) -> None:
    key = (t.signing_certificates.c.person_id == values["person_id"]) & (
        t.signing_certificates.c.sha256 == values["sha256"]
    )
    conn.execute(delete(t.signing_certificates).where(key))
    conn.execute(insert(t.signing_certificates).values(**values))


def certificates(conn: Connection, person_id: str) -> list[dict[str, Any]]:
    rows = conn.execute(
        select(t.signing_certificates)
        .where(t.signing_certificates.c.person_id == person_id)
        .order_by(t.signing_certificates.c.registered_at)
    )
    return [dict(r._mapping) for r in rows]


def insert_upload(conn: Connection, values: dict[str, Any]) -> None:
    conn.execute(insert(t.signing_uploads).values(**values))


def upload(conn: Connection, upload_id: str) -> dict[str, Any] | None:
    row = conn.execute(select(t.signing_uploads).where(t.signing_uploads.c.id == upload_id)).first()
    return dict(row._mapping) if row else None


def find_upload(conn: Connection, person_id: str, request_id: str, sha256: str) -> dict | None:
    row = conn.execute(
        select(t.signing_uploads).where(
            (t.signing_uploads.c.person_id == person_id)
            & (t.signing_uploads.c.request_id == request_id)
            & (t.signing_uploads.c.sha256 == sha256)
        )
    ).first()
    return dict(row._mapping) if row else None


def set_received(conn: Connection, upload_id: str, received: int) -> None:
    conn.execute(
        update(t.signing_uploads)
        .where(t.signing_uploads.c.id == upload_id)
        .values(received=received)
    )


def delete_upload(conn: Connection, upload_id: str) -> None:
    conn.execute(delete(t.signing_uploads).where(t.signing_uploads.c.id == upload_id))
