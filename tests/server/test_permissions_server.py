"""Every role against the permission table, through the real server."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from ecabinet.net.client import Client, ServerError
from meetings.permissions import PERMISSIONS, Action
from tests.server.conftest import Login
from tests.server.meeting_helpers import published_meeting
from tests.support import pdfs

ROLES = ["secretary", "chair", "delegate", "room", "clerk", "admin", "outsider"]
Attempt = Callable[[Client, dict[str, Any], dict[str, Any]], Awaitable[object]]


async def upload(client: Client, meeting: dict[str, Any], ctx: dict[str, Any]) -> object:
    path: Path = ctx["tmp"] / "x.pdf"
    data = pdfs.vietnamese_pdf(1, text=f"Tài liệu {id(client)}")
    await asyncio.to_thread(path.write_bytes, data)
    return await client.upload(meeting["id"], path, title="Tài liệu")


ATTEMPTS: dict[Action, Attempt] = {
    Action.MEETING_VIEW: lambda c, m, x: c.call("meeting.get", meeting_id=m["id"]),
    Action.MEETING_EDIT: lambda c, m, x: c.call(
        "meeting.update", meeting_id=m["id"], description="Sửa"
    ),
    Action.AGENDA_EDIT: lambda c, m, x: c.call("agenda.add", meeting_id=m["id"], title="Mới"),
    Action.MEETING_PUBLISH: lambda c, m, x: c.call(
        "meeting.transition", meeting_id=m["id"], to="draft"
    ),
    Action.MEETING_RUN: lambda c, m, x: c.call(
        "meeting.transition", meeting_id=m["id"], to="in_progress"
    ),
    Action.DOCUMENT_UPLOAD: upload,
    Action.DOCUMENT_READ: lambda c, m, x: c.call_for_bytes(
        "document.download", document_id=x["document"]
    ),
    Action.COMMENT_WRITE: lambda c, m, x: c.call(
        "comment.add", document_id=x["draft"], text="Góp ý"
    ),
    Action.NOTE_WRITE: lambda c, m, x: c.call(
        "note.put",
        note_id=f"n{id(c)}",
        document_id=x["document"],
        page=1,
        rect={"x": 0.1, "y": 0.1},
    ),
    Action.AUDIT_READ: lambda c, m, x: c.call("audit.list"),
}
# The roles the table allows for each action, for a meeting of the unit "ubnd" that invites
# "ubnd" and the ward "phu-cuong" (the outsider belongs to neither).
ALLOWED = {action: {role.value for role in PERMISSIONS[action]} for action in ATTEMPTS}
# These change the meeting so that the next role would find it in another state.
FRESH_MEETING = {Action.MEETING_PUBLISH, Action.MEETING_RUN}
NEEDS_DOCUMENTS = {Action.DOCUMENT_READ, Action.COMMENT_WRITE, Action.NOTE_WRITE}


@pytest.mark.parametrize("action", list(ATTEMPTS), ids=lambda a: a.value)
async def test_each_role_gets_what_the_table_says(
    login: Login, tmp_path: Path, action: Action
) -> None:
    secretary = await login("secretary")
    clients = {role: (secretary if role == "secretary" else await login(role)) for role in ROLES}
    outcome = {}
    meeting = await published_meeting(secretary)
    ctx: dict[str, Any] = {"tmp": tmp_path}
    if action in NEEDS_DOCUMENTS:
        ctx["document"] = (await upload(secretary, meeting, ctx)).id  # type: ignore[attr-defined]
        draft_path = tmp_path / "draft.pdf"
        draft_path.write_bytes(pdfs.vietnamese_pdf(1, text="Dự thảo"))
        ctx["draft"] = (
            await secretary.upload(meeting["id"], draft_path, title="Dự thảo", is_draft=True)
        ).id
    for role in ROLES:
        if action in FRESH_MEETING:
            meeting = await published_meeting(secretary)
        try:
            await ATTEMPTS[action](clients[role], meeting, ctx)
            outcome[role] = "allowed"
        except ServerError as refused:
            assert refused.code in ("forbidden", "not_found"), refused
            outcome[role] = refused.code
    allowed = {role for role, result in outcome.items() if result == "allowed"}
    assert allowed == ALLOWED[action], outcome
    if action is not Action.AUDIT_READ:
        # Someone not invited is never told that the meeting exists.
        assert outcome["outsider"] == "not_found"
