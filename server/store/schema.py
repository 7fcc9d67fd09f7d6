"""The tables as the code reads and writes them; migrations/ creates and evolves them."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

# Times are stored as ISO 8601 text with their UTC offset: portable and readable in a dump.
units = Table(
    "units",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String(32), nullable=False),
    Column("parent_id", String(64), ForeignKey("units.id")),
    Column("active", Boolean, nullable=False),
    Column("merged_into", String(64), ForeignKey("units.id")),
)

unit_changes = Table(
    "unit_changes",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("unit_id", String(64), ForeignKey("units.id"), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("at", String(40), nullable=False),
    Column("old_value", Text),
    Column("new_value", Text),
)

people = Table(
    "people",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("username", String(64), nullable=False, unique=True),
    Column("full_name", Text, nullable=False),
    Column("title", Text, nullable=False),
    Column("password_hash", Text),
    Column("active", Boolean, nullable=False),
)

memberships = Table(
    "memberships",
    metadata,
    Column("person_id", String(64), ForeignKey("people.id"), primary_key=True),
    Column("unit_id", String(64), ForeignKey("units.id"), primary_key=True),
    Column("role", String(16), primary_key=True),
)

sessions = Table(
    "sessions",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("person_id", String(64), ForeignKey("people.id"), nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("expires_at", String(40), nullable=False),
)

meetings = Table(
    "meetings",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("title", Text, nullable=False),
    Column("organiser_unit_id", String(64), ForeignKey("units.id"), nullable=False),
    Column("starts_at", String(40), nullable=False, index=True),
    Column("ends_at", String(40), nullable=False),
    Column("hall", Text),
    Column("video", Boolean, nullable=False),
    Column("status", String(16), nullable=False),
    Column("description", Text, nullable=False),
    Column("version", Integer, nullable=False),
)

meeting_units = Table(
    "meeting_units",
    metadata,
    Column("meeting_id", String(64), ForeignKey("meetings.id"), primary_key=True),
    Column("unit_id", String(64), ForeignKey("units.id"), primary_key=True),
)

meeting_people = Table(
    "meeting_people",
    metadata,
    Column("meeting_id", String(64), ForeignKey("meetings.id"), primary_key=True),
    Column("person_id", String(64), ForeignKey("people.id"), primary_key=True),
)

agenda_items = Table(
    "agenda_items",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("meeting_id", String(64), ForeignKey("meetings.id"), nullable=False, index=True),
    Column("position", Integer, nullable=False),
    Column("title", Text, nullable=False),
    Column("planned_minutes", Integer, nullable=False),
    Column("presenter_id", String(64), ForeignKey("people.id")),
    Column("presenter_name", Text, nullable=False),
    Column("document_ids", JSON, nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("meeting_id", String(64), ForeignKey("meetings.id"), nullable=False, index=True),
    Column("title", Text, nullable=False),
    Column("filename", Text, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("size", Integer, nullable=False),
    Column("pages", Integer, nullable=False),
    Column("classification", String(16), nullable=False),
    Column("is_draft", Boolean, nullable=False),
    Column("previous_id", String(64), ForeignKey("documents.id")),
    Column("uploaded_by", String(64), ForeignKey("people.id"), nullable=False),
    Column("uploaded_at", String(40), nullable=False),
)

uploads = Table(
    "uploads",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("person_id", String(64), ForeignKey("people.id"), nullable=False),
    Column("meeting_id", String(64), ForeignKey("meetings.id"), nullable=False),
    Column("filename", Text, nullable=False),
    Column("title", Text, nullable=False),
    Column("size", Integer, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("classification", String(16), nullable=False),
    Column("is_draft", Boolean, nullable=False),
    Column("replaces", String(64)),
    Column("item_id", String(64)),
    Column("received", Integer, nullable=False),
    Column("created_at", String(40), nullable=False),
)

comments = Table(
    "comments",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("document_id", String(64), ForeignKey("documents.id"), nullable=False, index=True),
    Column("author_id", String(64), ForeignKey("people.id"), nullable=False),
    Column("text", Text, nullable=False),
    Column("page", Integer),
    Column("created_at", String(40), nullable=False),
)

notes = Table(
    "notes",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("document_id", String(64), ForeignKey("documents.id"), nullable=False),
    Column("author_id", String(64), ForeignKey("people.id"), nullable=False, index=True),
    Column("page", Integer, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("rect", JSON, nullable=False),
    Column("text", Text, nullable=False),
    Column("version", Integer, nullable=False),
    Column("updated_at", String(40), nullable=False),
)

audit = Table(
    "audit",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("at", String(40), nullable=False),
    Column("person_id", String(64)),
    Column("action", String(64), nullable=False),
    Column("target", String(128)),
    Column("detail", JSON, nullable=False),
)
