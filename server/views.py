"""Domain objects turned into the wire views of meetings/protocol.py."""

from __future__ import annotations

from meetings import protocol as p
from meetings.documents import Comment, DocumentMeta, Note
from meetings.meeting import Meeting
from meetings.people import Person
from meetings.units import Unit, UnitChange


def person(x: Person) -> p.PersonView:
    return p.PersonView(
        id=x.id,
        username=x.username,
        full_name=x.full_name,
        title=x.title,
        memberships=[p.MembershipView(unit_id=m.unit_id, role=m.role) for m in x.memberships],
    )


def unit(x: Unit) -> p.UnitView:
    return p.UnitView(
        id=x.id,
        name=x.name,
        kind=x.kind,
        parent_id=x.parent_id,
        active=x.active,
        merged_into=x.merged_into,
    )


def unit_change(x: UnitChange) -> p.UnitChangeView:
    return p.UnitChangeView(
        unit_id=x.unit_id, kind=x.kind, at=x.at, old_value=x.old_value, new_value=x.new_value
    )


def _summary_fields(m: Meeting) -> dict[str, object]:
    return {
        "id": m.id,
        "title": m.title,
        "organiser_unit_id": m.organiser_unit_id,
        "starts_at": m.starts_at,
        "ends_at": m.ends_at,
        "hall": m.place.hall,
        "video": m.place.video,
        "status": m.status,
        "version": m.version,
        "planned_minutes": m.planned_minutes,
    }


def summary(m: Meeting) -> p.MeetingSummary:
    return p.MeetingSummary.model_validate(_summary_fields(m))


def document(d: DocumentMeta) -> p.DocumentView:
    return p.DocumentView(
        id=d.id,
        meeting_id=d.meeting_id,
        title=d.title,
        filename=d.filename,
        sha256=d.sha256,
        size=d.size,
        pages=d.pages,
        classification=d.classification,
        is_draft=d.is_draft,
        previous_id=d.previous_id,
        uploaded_by=d.uploaded_by,
        uploaded_at=d.uploaded_at,
    )


def detail(m: Meeting, documents: list[DocumentMeta]) -> p.MeetingDetail:
    return p.MeetingDetail.model_validate(
        {
            **_summary_fields(m),
            "description": m.description,
            "invited_unit_ids": list(m.invited_unit_ids),
            "invited_person_ids": list(m.invited_person_ids),
            "agenda": [
                p.AgendaItemView(
                    id=i.id,
                    title=i.title,
                    planned_minutes=i.planned_minutes,
                    presenter_id=i.presenter_id,
                    presenter_name=i.presenter_name,
                    document_ids=list(i.document_ids),
                )
                for i in m.agenda
            ],
            "documents": [document(d) for d in documents],
        }
    )


def comment(c: Comment, author_name: str) -> p.CommentView:
    return p.CommentView(
        id=c.id,
        document_id=c.document_id,
        author_id=c.author_id,
        author_name=author_name,
        text=c.text,
        page=c.page,
        created_at=c.created_at,
    )


def note(n: Note) -> p.NoteView:
    return p.NoteView(
        id=n.id,
        document_id=n.document_id,
        page=n.page,
        kind=n.kind,
        rect=p.RectView(x=n.rect.x, y=n.rect.y, w=n.rect.w, h=n.rect.h),
        text=n.text,
        version=n.version,
        updated_at=n.updated_at,
    )
