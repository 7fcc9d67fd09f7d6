"""The live meeting: its state per meeting, and the ballots kept apart from it.

Revision ID: 0003_live
Revises: 0002_signing
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_live"
down_revision = "0002_signing"

# No rowid: the rows of the ballot tables carry no trace of the order they were written in.
NO_ROWID = {"sqlite_with_rowid": False}


def upgrade() -> None:
    op.create_table(
        "live_state",
        sa.Column("meeting_id", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("state", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["meeting_id"], ["meetings.id"]),
        sa.PrimaryKeyConstraint("meeting_id"),
    )
    op.create_table(
        "live_voters",
        sa.Column("vote_id", sa.String(length=64), nullable=False),
        sa.Column("person_id", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("vote_id", "person_id"),
        **NO_ROWID,
    )
    op.create_table(
        "live_tally",
        sa.Column("vote_id", sa.String(length=64), nullable=False),
        sa.Column("choice", sa.String(length=16), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("vote_id", "choice"),
        **NO_ROWID,
    )
    op.create_table(
        "live_named_ballots",
        sa.Column("vote_id", sa.String(length=64), nullable=False),
        sa.Column("person_id", sa.String(length=64), nullable=False),
        sa.Column("choice", sa.String(length=16), nullable=False),
        sa.PrimaryKeyConstraint("vote_id", "person_id"),
        **NO_ROWID,
    )


def downgrade() -> None:
    for table in ("live_named_ballots", "live_tally", "live_voters", "live_state"):
        op.drop_table(table)
