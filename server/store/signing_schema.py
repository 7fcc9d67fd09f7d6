"""Tables of the signing workflow: requests, their revisions, signers' certificates, uploads."""

from __future__ import annotations

from sqlalchemy import JSON, Column, ForeignKey, Integer, String, Table, Text

from server.store.schema import metadata

signing_requests = Table(
    "signing_requests",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("meeting_id", String(64), ForeignKey("meetings.id"), nullable=False, index=True),
    Column("document_id", String(64), ForeignKey("documents.id"), nullable=False),
    Column("title", Text, nullable=False),
    Column("requested_by", String(64), ForeignKey("people.id"), nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("updated_at", String(40), nullable=False),
    Column("status", String(16), nullable=False, index=True),
    Column("step", Integer, nullable=False),
    Column("revision", Integer, nullable=False),
    # [{person_id, field_name, role, page, x1, y1, x2, y2, signed_at}, ...] in signing order
    Column("signers", JSON, nullable=False),
    Column("declined_by", String(64)),
    Column("reason", Text, nullable=False),
    Column("version", Integer, nullable=False),
)

signing_revisions = Table(
    "signing_revisions",
    metadata,
    Column("request_id", String(64), ForeignKey("signing_requests.id"), primary_key=True),
    Column("number", Integer, primary_key=True),
    Column("sha256", String(64), nullable=False),
    Column("size", Integer, nullable=False),
    Column("signed_by", String(64), ForeignKey("people.id")),
    Column("field_name", String(64)),
    Column("created_at", String(40), nullable=False),
)

signing_certificates = Table(
    "signing_certificates",
    metadata,
    Column("person_id", String(64), ForeignKey("people.id"), primary_key=True),
    Column("sha256", String(64), primary_key=True),
    Column("subject", Text, nullable=False),
    Column("common_name", Text, nullable=False),
    Column("not_after", String(40), nullable=False),
    Column("pem", Text, nullable=False),
    Column("registered_at", String(40), nullable=False),
)

signing_uploads = Table(
    "signing_uploads",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("request_id", String(64), ForeignKey("signing_requests.id"), nullable=False),
    Column("person_id", String(64), ForeignKey("people.id"), nullable=False),
    Column("base_revision", Integer, nullable=False),
    Column("size", Integer, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("received", Integer, nullable=False),
    Column("created_at", String(40), nullable=False),
)
