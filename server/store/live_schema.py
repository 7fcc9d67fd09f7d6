"""Tables of the live meeting. The meeting's live state is one JSON document per meeting; the
ballots live apart from it, in tables that keep no order and no time (docs/secret-ballot.md).

`sqlite_with_rowid=False` makes SQLite keep rows in primary-key order only: no hidden rowid
that would count insertions."""

from __future__ import annotations

from sqlalchemy import JSON, Column, ForeignKey, Integer, String, Table, Text

from server.store.schema import metadata

live_state = Table(
    "live_state",
    metadata,
    Column("meeting_id", String(64), ForeignKey("meetings.id"), primary_key=True),
    Column("version", Integer, nullable=False),
    Column("state", JSON, nullable=False),
)

# Who voted, in every vote: the roll. No time, no sequence; ordered by person id.
live_voters = Table(
    "live_voters",
    metadata,
    Column("vote_id", String(64), primary_key=True),
    Column("person_id", String(64), primary_key=True),
    sqlite_with_rowid=False,
)

# What was voted: one counter per option, updated in place. For a secret vote this is all that
# is kept of the ballots.
live_tally = Table(
    "live_tally",
    metadata,
    Column("vote_id", String(64), primary_key=True),
    Column("choice", String(16), primary_key=True),
    Column("count", Integer, nullable=False),
    sqlite_with_rowid=False,
)

# Named votes only: who chose what, as the law wants it public.
live_named_ballots = Table(
    "live_named_ballots",
    metadata,
    Column("vote_id", String(64), primary_key=True),
    Column("person_id", String(64), primary_key=True),
    Column("choice", String(16), nullable=False),
    sqlite_with_rowid=False,
)

# The secretary's notes for the minutes, one per agenda item (meetings/live/minutes_notes.py).
minutes_notes = Table(
    "minutes_notes",
    metadata,
    Column("meeting_id", String(64), ForeignKey("meetings.id"), primary_key=True),
    Column("item_id", String(64), primary_key=True),
    Column("discussion", Text, nullable=False),
    Column("conclusion", Text, nullable=False),
    Column("version", Integer, nullable=False),
    Column("written_by", String(64), nullable=False),
    Column("written_at", String(40), nullable=False),
)

# The minutes and conclusion notices the server generated: who signs where (planned when the
# document is made, from the boxes its renderer drew), and the signature request sent for it.
generated_documents = Table(
    "generated_documents",
    metadata,
    Column("document_id", String(64), ForeignKey("documents.id"), primary_key=True),
    Column("meeting_id", String(64), ForeignKey("meetings.id"), nullable=False, index=True),
    Column("kind", String(16), nullable=False),
    Column("signers", JSON, nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("signing_request_id", String(64), nullable=True),
)
