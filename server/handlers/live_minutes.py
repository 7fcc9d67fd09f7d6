"""`live.generate_minutes`: the minutes and the conclusion notice from the live record, stored
as documents of the meeting with the places of their signatures and who signs there;
`live.send_for_signing`: both into the signing workflow with those fields."""

from __future__ import annotations

import asyncio
from collections.abc import Set
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection as Db

from meetings import meeting as meeting_rules
from meetings import protocol_live as pl
from meetings import protocol_signing as ps
from meetings.documents import Classification, DocumentMeta
from meetings.errors import Conflict, InvalidState
from meetings.live import attendance
from meetings.live.roster import roster
from meetings.meeting import MeetingStatus
from meetings.people import Person, Role
from meetings.permissions import Action
from meetings.signing_flow import RequestStatus, SignatureRequest, SignerRole
from server import signing_views, views
from server.handlers import handles
from server.handlers.common import MeetingView, load_view, new_id
from server.handlers.signing import Prepared, check_signers_exist, insert_request, prepare_fields
from server.store import (
    audit_repo,
    directory_repo,
    documents_repo,
    live_repo,
    minutes_repo,
    signing_repo,
)
from server.store.clock import now

if TYPE_CHECKING:
    from server.connection import Connection
    from server.pdfgen import PageBox, RenderedDocument
    from server.reports.minutes import MeetingRecord
    from server.state import AppState

FILES = {"minutes": "bien-ban.pdf", "conclusions": "thong-bao-ket-luan.pdf"}
PLACE = "Thủ Dầu Một"
# Who signs each signature block, in the order the renderer draws them (server/reports).
BLOCKS = {"minutes": ("secretary", "chair"), "conclusions": ("chair",)}
FIELD_NAMES = {"secretary": "thu_ky", "chair": "chu_tri", "clerk": "con_dau"}


def _holder(people: list[Person], units: Set[str], role: Role, prefer: set[str]) -> Person | None:
    holders = [x for x in people if x.active and x.roles_in(units) & {role}]
    holders.sort(key=lambda x: (x.id not in prefer, x.full_name))
    return holders[0] if holders else None


def _record(
    db: Db, conn: Connection, meeting_id: str
) -> tuple[MeetingView, MeetingRecord, dict[str, str | None]]:
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
    clerk = _holder(people, organisers, Role.CLERK, set())
    # Whoever is named under a signature block signs it; the clerk applies the seal.
    signers = {
        "chair": (chair or view.person).id,
        "secretary": (secretary or view.person).id,
        "clerk": clerk.id if clerk else None,
    }
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
        notes=minutes_repo.notes(db, meeting_id),
    )
    return view, record, signers


def _boxes(rendered: RenderedDocument) -> dict[str, Any]:
    return {
        "signatures": [[b.page, *b.box] for b in rendered.signature_boxes],
        "seals": [None if b is None else [b.page, *b.box] for b in rendered.seal_boxes],
    }


def _field_box(box: PageBox) -> dict[str, Any]:
    return {"page": box.page + 1, "x1": box.x1, "y1": box.y1, "x2": box.x2, "y2": box.y2}


def signer_plan(
    kind: str, rendered: RenderedDocument, who: dict[str, str | None]
) -> list[dict[str, Any]]:
    """The signers of a generated document as `signing.request` takes them (SignerSpec),
    each on the box its block was drawn with; the seal last. A seal without a clerk to apply
    it keeps `person_id` null and is refused when sent."""
    specs: list[dict[str, Any]] = []
    seal: dict[str, Any] | None = None
    for who_signs, box, seal_box in zip(
        BLOCKS[kind], rendered.signature_boxes, rendered.seal_boxes, strict=True
    ):
        specs.append(
            {
                "person_id": who[who_signs],
                "field_name": FIELD_NAMES[who_signs],
                "role": SignerRole.SIGNER.value,
                "box": _field_box(box),
            }
        )
        if seal_box is not None:
            seal = {
                "person_id": who["clerk"],
                "field_name": FIELD_NAMES["clerk"],
                "role": SignerRole.SEAL.value,
                "box": _field_box(seal_box),
            }
    return [*specs, *([seal] if seal else [])]


@handles(pl.GenerateMinutes)
async def generate_minutes(
    app: AppState, conn: Connection, request: pl.GenerateMinutes
) -> dict[str, Any]:
    _, record, who = await app.store.read(lambda db: _record(db, conn, request.meeting_id))
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
            minutes_repo.insert_generated(
                db, made[key].id, request.meeting_id, key, signer_plan(key, doc, who)
            )
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


def _to_send(
    db: Db, conn: Connection, meeting_id: str
) -> dict[str, tuple[DocumentMeta, list[ps.SignerSpec]]]:
    """The latest generated documents with their signers, those out for signature or signed
    left out (a declined or cancelled request may be sent again); refused if none is left."""
    view = load_view(db, conn, meeting_id, Action.SIGNING_REQUEST)
    meeting_rules.require_not_archived(view.meeting)
    found = minutes_repo.latest(db, meeting_id)
    if set(found) != set(FILES):
        raise InvalidState(
            "Generate the minutes and the conclusion notice first.",
            "Hãy lập biên bản và thông báo kết luận trước.",
        )
    plan: dict[str, tuple[DocumentMeta, list[ps.SignerSpec]]] = {}
    out: list[Conflict] = []
    for kind, row in found.items():
        try:
            _check_not_sent(db, row)
        except Conflict as exc:
            out.append(exc)
            continue
        specs = [ps.SignerSpec.model_validate(x) for x in row["signers"] if x["person_id"]]
        if len(specs) != len(row["signers"]):
            raise InvalidState(
                "Nobody of the organising unit is a clerk (văn thư) to apply the seal.",
                "Đơn vị chủ trì chưa có văn thư để đóng dấu.",
            )
        check_signers_exist(db, specs)
        document = documents_repo.document(db, row["document_id"])
        assert document is not None  # a foreign key
        plan[kind] = (document, specs)
    if not plan:
        raise out[0]
    return plan


def _check_not_sent(db: Db, row: dict[str, Any]) -> None:
    sent = row["signing_request_id"] and signing_repo.request(db, row["signing_request_id"])
    if sent and sent.status not in (RequestStatus.DECLINED, RequestStatus.CANCELLED):
        raise Conflict(
            "This document was already sent for signature.",
            "Văn bản này đã được gửi ký.",
            details={"signing_request_id": sent.id, "status": sent.status.value},
        )


@handles(pl.SendMinutesForSigning)
async def send_for_signing(
    app: AppState, conn: Connection, request: pl.SendMinutesForSigning
) -> dict[str, Any]:
    plan = await app.store.read(lambda db: _to_send(db, conn, request.meeting_id))
    prepared: dict[str, Prepared] = {
        kind: await prepare_fields(app, document.sha256, specs)
        for kind, (document, specs) in plan.items()
    }

    def transaction(db: Db) -> list[tuple[str, SignatureRequest, ps.SigningRequestView]]:
        # Checked again on the writer: of two clicks, or two secretaries, only one sends.
        view = load_view(db, conn, request.meeting_id, Action.SIGNING_REQUEST)
        latest = minutes_repo.latest(db, request.meeting_id)
        made = []
        for kind, (document, _specs) in plan.items():
            if latest[kind]["document_id"] != document.id:
                raise Conflict("The minutes were made again.", "Biên bản vừa được lập lại.")
            _check_not_sent(db, latest[kind])
            x = insert_request(
                db, view.person, request.meeting_id, document.id, document.title, prepared[kind]
            )
            minutes_repo.set_request(db, document.id, x.id)
            made.append((kind, x, signing_views.load_view(db, x)))
        return made

    made = await app.store.write(transaction)
    for _kind, x, result in made:
        signing_views.notify(app.hub, x, result, "created")
    return {kind: result.model_dump(mode="json") for kind, _x, result in made}
