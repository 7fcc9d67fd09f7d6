"""`live.write_minutes` and `live.minutes_notes`: the secretary's notes for the minutes, per
agenda item, kept apart from the live state (they are drafts: only the people who may write
the minutes see them, and `live.minutes_note` goes to them alone)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Connection as Db

from meetings import protocol_live as pl
from meetings.errors import Conflict
from meetings.live import minutes_notes
from meetings.live.minutes_notes import MinutesNote
from meetings.permissions import Action
from server.handlers import handles
from server.handlers.common import MeetingView, load_view
from server.store import audit_repo, directory_repo, minutes_repo
from server.store.clock import now

if TYPE_CHECKING:
    from server.connection import Connection
    from server.state import AppState


def note_view(db: Db, x: MinutesNote) -> pl.MinutesNoteView:
    people = directory_repo.people_by_ids(db, [x.written_by])
    return pl.MinutesNoteView(
        meeting_id=x.meeting_id,
        item_id=x.item_id,
        discussion=x.discussion,
        conclusion=x.conclusion,
        version=x.version,
        written_by=x.written_by,
        written_by_name=people[0].full_name if people else x.written_by,
        written_at=x.written_at,
    )


@handles(pl.WriteMinutesNote)
async def write_minutes(
    app: AppState, conn: Connection, request: pl.WriteMinutesNote
) -> pl.MinutesNoteView:
    def transaction(db: Db) -> tuple[MeetingView, pl.MinutesNoteView]:
        view = load_view(db, conn, request.meeting_id, Action.LIVE_MINUTES)
        current = minutes_repo.note(db, request.meeting_id, request.item_id)
        try:
            written = minutes_notes.write(
                view.meeting,
                current,
                request.item_id,
                request.discussion,
                request.conclusion,
                request.expected_version,
                view.person.id,
                now(),
            )
        except Conflict as exc:
            if current is not None:
                exc.details["note"] = note_view(db, current).model_dump(mode="json")
            raise
        minutes_repo.save_note(db, written)
        audit_repo.record(
            db,
            view.person.id,
            "live.minutes_written",
            request.meeting_id,
            item=request.item_id,
            version=written.version,
        )
        return view, note_view(db, written)

    view, result = await app.store.write(transaction)
    audience = app.hub.allowed_connections(Action.LIVE_MINUTES, view.meeting, view.directory)
    app.hub.send(audience, pl.MinutesNoteChanged(note=result))
    return result


@handles(pl.ListMinutesNotes)
async def list_notes(
    app: AppState, conn: Connection, request: pl.ListMinutesNotes
) -> list[pl.MinutesNoteView]:
    def read(db: Db) -> list[pl.MinutesNoteView]:
        view = load_view(db, conn, request.meeting_id, Action.LIVE_MINUTES)
        found = minutes_repo.notes(db, request.meeting_id)
        order = [i.id for i in view.meeting.agenda]
        return [note_view(db, found[i]) for i in order if i in found]

    return await app.store.read(read)
