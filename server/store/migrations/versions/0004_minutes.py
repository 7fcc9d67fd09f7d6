"""The minutes: the secretary's notes per agenda item, and the minutes and conclusion notices
the server generated, with who signs where.

Revision ID: 0004_minutes
Revises: 0003_live
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_minutes"
down_revision = "0003_live"


def upgrade() -> None:
    op.create_table(
        "minutes_notes",
        sa.Column("meeting_id", sa.String(length=64), nullable=False),
        sa.Column("item_id", sa.String(length=64), nullable=False),
        sa.Column("discussion", sa.Text(), nullable=False),
        sa.Column("conclusion", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("written_by", sa.String(length=64), nullable=False),
        sa.Column("written_at", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["meeting_id"], ["meetings.id"]),
        sa.PrimaryKeyConstraint("meeting_id", "item_id"),
    )
    op.create_table(
        "generated_documents",
        sa.Column("document_id", sa.String(length=64), nullable=False),
        sa.Column("meeting_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("signers", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.String(length=40), nullable=False),
        sa.Column("signing_request_id", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"]),
        sa.ForeignKeyConstraint(["meeting_id"], ["meetings.id"]),
        sa.PrimaryKeyConstraint("document_id"),
    )
    op.create_index(
        op.f("ix_generated_documents_meeting_id"), "generated_documents", ["meeting_id"]
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_generated_documents_meeting_id"), "generated_documents")
    op.drop_table("generated_documents")
    op.drop_table("minutes_notes")
