"""`live.generate_minutes`: the minutes and the conclusion notice from the live record, stored
as documents of the meeting with the places of their signatures."""

from __future__ import annotations

import asyncio
from collections.abc import Set
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection as Db

from meetings import protocol_live as pl
from meetings.documents import Classification, DocumentMeta
from meetings.errors import InvalidState
from meetings.live import attendance
from meetings.live.roster import roster
from meetings.meeting import MeetingStatus
from meetings.people import Person, Role
from meetings.permissions import Action
from server import views
from server.handlers import handles
from server.handlers.common import MeetingView, load_view, new_id
from server.store import audit_repo, directory_repo, documents_repo, live_repo
from server.store.clock import now

if TYPE_CHECKING:
    from server.connection import Connection
    from server.pdfgen import RenderedDocument
    from server.reports.minutes import MeetingRecord
    from server.state import AppState

FILES = {"minutes": "bien-ban.pdf", "conclusions": "thong-bao-ket-luan.pdf"}
PLACE = "Thủ Dầu Một"


def _holder(people: list[Person], units: Set[str], role: Role, prefer: set[str]) -> Person | None:
    holders = [x for x in people if x.active and x.roles_in(units) & {role}]
    holders.sort(key=lambda x: (x.id not in prefer, x.full_name))
    return holders[0] if holders else None


def _record(db: Db, conn: Connection, meeting_id: str) -> tuple[MeetingView, MeetingRecord]:
    view = load_view(db, conn, meeting_id, Action.LIVE_MINUTES)
    meeting = view.meeting
    if meeting.status not in (MeetingStatus.IN_PROGRESS, MeetingStatus.ENDED):
        raise InvalidState(
            "Minutes are made while the meeting runs or after it ended.",
            "Chỉ lập biên bản khi cuộc họp đang diễn ra hoặc đã kết thúc.",
        )
    state = live_repo.load(db, meeting_id)
    if state is None:
        raise InvalidState("Nothing was recorded yet.", "Chưa có diễn biến nào được ghi nhận.")
    people = directory_repo.all_people(db)
    state = attendance.with_roster(state, roster(meeting, people, view.directory))
    organisers = view.directory.family(meeting.organiser_unit_id)
    present = {a.person_id for a in state.attendance if state.is_present(a.person_id)}
    chair = _holder(people, organisers, Role.CHAIR, present)
    secretary = (
        view.person
        if view.person.roles_in(organisers) & {Role.SECRETARY}
        else _holder(people, organisers, Role.SECRETARY, present)
    )
    # PDF generation (fpdf2) is imported on first use: it would cost every server start 0.2 s.
    from server.reports.minutes import MeetingRecord

    record = MeetingRecord(
        meeting=meeting,
        organiser=view.directory.units[meeting.organiser_unit_id],
        state=state,
        chair_name=chair.full_name if chair else view.person.full_name,
        chair_title=(chair.title if chair and chair.title else "Chủ tịch"),
        secretary_name=(secretary or view.person).full_name,
        place=PLACE,
        written_at=now(),
    )
    return view, record


def _boxes(rendered: RenderedDocument) -> dict[str, Any]:
    return {
        "signatures": [[b.page, *b.box] for b in rendered.signature_boxes],
        "seals": [None if b is None else [b.page, *b.box] for b in rendered.seal_boxes],
    }


@handles(pl.GenerateMinutes)
async def generate_minutes(
    app: AppState, conn: Connection, request: pl.GenerateMinutes
) -> dict[str, Any]:
    _, record = await app.store.read(lambda db: _record(db, conn, request.meeting_id))
    loop = asyncio.get_running_loop()
    from server.reports.minutes import render_both

    rendered = dict(zip(FILES, await loop.run_in_executor(None, render_both, record), strict=True))
    hashes = {
        key: await loop.run_in_executor(None, app.blobs.put, doc.pdf)
        for key, doc in rendered.items()
    }
    titles = {
        "minutes": f"Biên bản {record.meeting.title}",
        "conclusions": f"Thông báo kết luận {record.meeting.title}",
    }

    def transaction(db: Db) -> tuple[MeetingView, dict[str, DocumentMeta]]:
        current = load_view(db, conn, request.meeting_id, Action.LIVE_MINUTES)
        made: dict[str, DocumentMeta] = {}
        for key, doc in rendered.items():
            earlier = [d for d in current.documents if d.filename == FILES[key]]
            made[key] = DocumentMeta(
                id=new_id("doc"),
                meeting_id=request.meeting_id,
                title=titles[key],
                filename=FILES[key],
                sha256=hashes[key],
                size=len(doc.pdf),
                pages=doc.pages,
                classification=Classification.INTERNAL,
                uploaded_by=current.person.id,
                uploaded_at=now(),
                previous_id=max(earlier, key=lambda d: d.uploaded_at).id if earlier else None,
            )
            documents_repo.insert_document(db, made[key])
            audit_repo.record(
                db,
                current.person.id,
                "live.minutes_generated",
                made[key].id,
                kind=key,
                sha256=hashes[key],
                pages=doc.pages,
            )
        return replace(current, documents=[*current.documents, *made.values()]), made

    after, made = await app.store.write(transaction)
    for document in made.values():
        app.hub.document_added(document, after.meeting, after.directory)
    app.hub.meeting_changed(after.meeting, after.documents, after.directory, "documents")
    return {
        key: views.document(document).model_dump(mode="json") for key, document in made.items()
    } | {"boxes": {key: _boxes(doc) for key, doc in rendered.items()}}
