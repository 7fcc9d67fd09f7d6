"""Building the agenda: items, their order, and the documents attached to them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from meetings import meeting as domain
from meetings import protocol as p
from meetings.errors import BadRequest
from meetings.meeting import AgendaItem, Meeting
from meetings.permissions import Action
from server.handlers import handles
from server.handlers.common import change_meeting, new_id
from server.store import documents_repo

if TYPE_CHECKING:
    from server.connection import Connection
    from server.state import AppState


@handles(p.AddAgendaItem)
async def add_item(app: AppState, conn: Connection, request: p.AddAgendaItem) -> p.MeetingDetail:
    item = AgendaItem(
        id=new_id("itm"),
        title=request.title,
        planned_minutes=request.planned_minutes,
        presenter_id=request.presenter_id,
        presenter_name=request.presenter_name,
    )
    return await change_meeting(
        app,
        conn,
        request.meeting_id,
        Action.AGENDA_EDIT,
        lambda m: domain.add_item(m, item, request.position),
        "agenda",
        audit={"op": "add", "item": item.id},
    )


@handles(p.UpdateAgendaItem)
async def update_item(
    app: AppState, conn: Connection, request: p.UpdateAgendaItem
) -> p.MeetingDetail:
    changes = request.model_dump(
        exclude_unset=True, exclude={"type", "id", "meeting_id", "item_id"}
    )
    if not changes:
        raise BadRequest("Nothing to change.", "Không có gì để thay đổi.")
    return await change_meeting(
        app,
        conn,
        request.meeting_id,
        Action.AGENDA_EDIT,
        lambda m: domain.update_item(m, request.item_id, **changes),
        "agenda",
        audit={"op": "update", "item": request.item_id},
    )


@handles(p.RemoveAgendaItem)
async def remove_item(
    app: AppState, conn: Connection, request: p.RemoveAgendaItem
) -> p.MeetingDetail:
    return await change_meeting(
        app,
        conn,
        request.meeting_id,
        Action.AGENDA_EDIT,
        lambda m: domain.remove_item(m, request.item_id),
        "agenda",
        audit={"op": "remove", "item": request.item_id},
    )


@handles(p.ReorderAgenda)
async def reorder(app: AppState, conn: Connection, request: p.ReorderAgenda) -> p.MeetingDetail:
    return await change_meeting(
        app,
        conn,
        request.meeting_id,
        Action.AGENDA_EDIT,
        lambda m: domain.reorder(m, request.item_ids),
        "agenda",
        audit={"op": "reorder"},
    )


@handles(p.AttachDocument, p.DetachDocument)
async def attach(
    app: AppState, conn: Connection, request: p.AttachDocument | p.DetachDocument
) -> p.MeetingDetail:
    document = await app.store.read(lambda db: documents_repo.document(db, request.document_id))
    if document is None or document.meeting_id != request.meeting_id:
        raise BadRequest(
            "That document does not belong to this meeting.",
            "Tài liệu không thuộc cuộc họp này.",
        )

    def change(m: Meeting) -> Meeting:
        if isinstance(request, p.AttachDocument):
            return domain.attach_document(m, request.item_id, request.document_id)
        return domain.detach_document(m, request.item_id, request.document_id)

    return await change_meeting(
        app,
        conn,
        request.meeting_id,
        Action.AGENDA_EDIT,
        change,
        "agenda",
        audit={"op": request.type, "item": request.item_id, "document": request.document_id},
    )
