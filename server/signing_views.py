"""Signature requests as they travel, and who hears about them."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection as Db

from meetings import protocol_signing as ps
from meetings.people import Person
from meetings.signing_flow import SignatureRequest
from server.hub import Hub
from server.store import directory_repo, signing_repo


def request_view(
    x: SignatureRequest, people: dict[str, Person], revisions: list[dict[str, Any]]
) -> ps.SigningRequestView:
    turn = x.turn
    return ps.SigningRequestView(
        id=x.id,
        meeting_id=x.meeting_id,
        document_id=x.document_id,
        title=x.title,
        requested_by=x.requested_by,
        created_at=x.created_at,
        updated_at=x.updated_at or x.created_at,
        status=x.status,
        step=x.step,
        turn_person_id=turn.person_id if turn else None,
        current_revision=x.revision,
        signers=[
            ps.SignerView(
                person_id=s.person_id,
                full_name=people[s.person_id].full_name if s.person_id in people else "",
                title=people[s.person_id].title if s.person_id in people else "",
                field_name=s.field_name,
                role=s.role,
                box=ps.BoxView(page=s.box.page, x1=s.box.x1, y1=s.box.y1, x2=s.box.x2, y2=s.box.y2),
                signed_at=s.signed_at,
            )
            for s in x.signers
        ],
        revisions=[
            ps.RevisionView(
                number=r["number"],
                sha256=r["sha256"],
                size=r["size"],
                signed_by=r["signed_by"],
                field_name=r["field_name"],
                created_at=r["created_at"],
            )
            for r in revisions
        ],
        declined_by=x.declined_by,
        reason=x.reason,
        version=x.version,
    )


def load_view(db: Db, x: SignatureRequest) -> ps.SigningRequestView:
    ids = list({x.requested_by, *(s.person_id for s in x.signers)})
    people = {p.id: p for p in directory_repo.people_by_ids(db, ids)}
    return request_view(x, people, signing_repo.revisions(db, x.id))


def notify(hub: Hub, x: SignatureRequest, view: ps.SigningRequestView, reason: str) -> None:
    """Everyone involved hears of the change; the signer whose turn it now is, of their turn."""
    involved = {x.requested_by, *(s.person_id for s in x.signers)}
    event = ps.SigningUpdated(reason=reason, request=view)
    for person_id in involved:
        hub.send_to_person(person_id, event)
    turn = x.turn
    if turn is not None and reason in ("created", "signed"):
        hub.send_to_person(turn.person_id, ps.SigningTurn(request=view))
