"""The organisation as the client sees it (units, people) and the audit log for administrators."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection as Db

from meetings import protocol as p
from meetings.permissions import Action, require
from server import views
from server.handlers import handles
from server.handlers.common import caller, directory
from server.store import audit_repo, directory_repo

if TYPE_CHECKING:
    from server.connection import Connection
    from server.state import AppState


@handles(p.ListUnits)
async def list_units(app: AppState, conn: Connection, request: p.ListUnits) -> dict[str, Any]:
    def read(db: Db) -> dict[str, Any]:
        caller(db, conn)
        return {
            "units": [views.unit(u) for u in directory_repo.all_units(db).values()],
            "history": [views.unit_change(c) for c in directory_repo.unit_history(db)],
        }

    data = await app.store.read(read)
    return {k: [x.model_dump(mode="json") for x in v] for k, v in data.items()}


@handles(p.ListPeople)
async def list_people(app: AppState, conn: Connection, request: p.ListPeople) -> list[p.PersonView]:
    def read(db: Db) -> list[p.PersonView]:
        caller(db, conn)
        found = directory_repo.all_people(db)
        if request.unit_id is not None:
            family = directory(db).family(request.unit_id)
            found = [x for x in found if x.unit_ids & family]
        return [views.person(x) for x in found if x.active]

    return await app.store.read(read)


@handles(p.ListAudit)
async def list_audit(app: AppState, conn: Connection, request: p.ListAudit) -> list[p.AuditEntry]:
    def read(db: Db) -> list[p.AuditEntry]:
        require(caller(db, conn), Action.AUDIT_READ, None, directory(db))
        return [
            p.AuditEntry(
                seq=e["seq"],
                at=e["at"],
                person_id=e["person_id"],
                action=e["action"],
                target=e["target"],
                detail=e["detail"],
            )
            for e in audit_repo.entries(db, request.limit, request.before_seq)
        ]

    return await app.store.read(read)
