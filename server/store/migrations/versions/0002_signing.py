"""Signing workflow: requests, revisions, signers' certificates, revision uploads.

Revision ID: 0002_signing
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_signing"
down_revision = "0001"


def upgrade() -> None:
    op.create_table(
        "signing_requests",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("meeting_id", sa.String(length=64), nullable=False),
        sa.Column("document_id", sa.String(length=64), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("requested_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.String(length=40), nullable=False),
        sa.Column("updated_at", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("step", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("signers", sa.JSON(), nullable=False),
        sa.Column("declined_by", sa.String(length=64), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["meeting_id"], ["meetings.id"]),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"]),
        sa.ForeignKeyConstraint(["requested_by"], ["people.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_signing_requests_meeting_id", "signing_requests", ["meeting_id"])
    op.create_index("ix_signing_requests_status", "signing_requests", ["status"])
    op.create_table(
        "signing_revisions",
        sa.Column("request_id", sa.String(length=64), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("signed_by", sa.String(length=64), nullable=True),
        sa.Column("field_name", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["request_id"], ["signing_requests.id"]),
        sa.ForeignKeyConstraint(["signed_by"], ["people.id"]),
        sa.PrimaryKeyConstraint("request_id", "number"),
    )
    op.create_table(
        "signing_certificates",
        sa.Column("person_id", sa.String(length=64), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("common_name", sa.Text(), nullable=False),
        sa.Column("not_after", sa.String(length=40), nullable=False),
        sa.Column("pem", sa.Text(), nullable=False),
        sa.Column("registered_at", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"]),
        sa.PrimaryKeyConstraint("person_id", "sha256"),
    )
    op.create_table(
        "signing_uploads",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("request_id", sa.String(length=64), nullable=False),
        sa.Column("person_id", sa.String(length=64), nullable=False),
        sa.Column("base_revision", sa.Integer(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("received", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["request_id"], ["signing_requests.id"]),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"]),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("signing_uploads")
    op.drop_table("signing_certificates")
    op.drop_table("signing_revisions")
    op.drop_index("ix_signing_requests_status", "signing_requests")
    op.drop_index("ix_signing_requests_meeting_id", "signing_requests")
    op.drop_table("signing_requests")
