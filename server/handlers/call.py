"""The video call: joining a meeting's room, answering the server's offers, layout, controls.

Media permissions come from the one table (``call.join``, ``call.control``); the room's own
rules (locked, removed sites, who receives what) are in :mod:`meetings.call`.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection as Db

from meetings import protocol_call as pc
from meetings.call import Layout, Site
from meetings.errors import BadRequest, Conflict, InvalidState, NotFound
from meetings.meeting import MeetingStatus
from meetings.people import Person, Role
from meetings.permissions import Action, allowed
from server.handlers import BinaryReply, handles
from server.handlers.common import MeetingView, load_view
from server.handlers.live import present_through_video
from server.sfu import find_room, recordings_dir, sfu_of
from server.store import audit_repo, live_repo

if TYPE_CHECKING:
    from server.connection import Connection
    from server.sfu.room import Room
    from server.state import AppState

LIVE = (MeetingStatus.PUBLISHED, MeetingStatus.IN_PROGRESS)


def site_of(view: MeetingView) -> Site:
    """The caller as a site of the meeting's room."""
    person: Person = view.person
    family = view.directory.family(view.meeting.organiser_unit_id)
    rooms = [m.unit_id for m in person.memberships if m.role is Role.ROOM]
    units = rooms or sorted(person.unit_ids)
    unit = units[0] if units else None
    return Site(
        id=person.id,
        name=person.full_name,
        unit_id=unit,
        hall=bool(person.unit_ids & family),
        controller=allowed(person, Action.CALL_CONTROL, view.meeting, view.directory),
    )


async def _site(app: AppState, conn: Connection, meeting_id: str, action: Action) -> Site:
    def read(db: Db) -> MeetingView:
        return load_view(db, conn, meeting_id, action)

    view = await app.store.read(read)
    if not view.meeting.place.video:
        raise InvalidState("This meeting has no video session.", "Cuộc họp không họp trực tuyến.")
    if view.meeting.status not in LIVE:
        raise InvalidState(
            "The meeting's video session is not open.", "Phiên họp trực tuyến chưa mở."
        )
    return site_of(view)


def _room(app: AppState, meeting_id: str) -> Room:
    room = find_room(app, meeting_id)
    if room is None:
        raise InvalidState("Join the call first.", "Hãy tham gia phiên họp trước.")
    return room


def _me(conn: Connection) -> str:
    assert conn.person is not None
    return conn.person.id


async def _audit(
    app: AppState, person_id: str, action: str, meeting_id: str, **detail: Any
) -> None:
    await app.store.write(lambda db: audit_repo.record(db, person_id, action, meeting_id, **detail))


@handles(pc.CallJoin)
async def join(app: AppState, conn: Connection, request: pc.CallJoin) -> pc.CallJoined:
    site = await _site(app, conn, request.meeting_id, Action.CALL_JOIN)
    sfu = sfu_of(app)
    room = sfu.room(request.meeting_id)
    try:
        joined = await room.join(conn, site, request.offer, request.muted)
    finally:
        sfu.discard_if_empty(room)
    await _audit(app, site.id, "call.joined", request.meeting_id)
    if not site.hall:
        await present_through_video(app, conn, request.meeting_id)
    # A room opened while someone holds the live meeting's floor starts with that floor.
    room.follow_hall_floor(await app.store.read(lambda db: live_repo.speaker(db, room.meeting_id)))
    return joined


@handles(pc.CallAnswer)
async def answer(app: AppState, conn: Connection, request: pc.CallAnswer) -> dict[str, Any]:
    room = _room(app, request.meeting_id)
    await room.session_of(_me(conn), conn).answer(request.revision, request.answer)
    return {}


@handles(pc.CallLeave)
async def leave(app: AppState, conn: Connection, request: pc.CallLeave) -> dict[str, Any]:
    room = _room(app, request.meeting_id)
    room.session_of(_me(conn), conn)
    await room.leave(_me(conn))
    return {}


@handles(pc.CallLayout)
async def layout(app: AppState, conn: Connection, request: pc.CallLayout) -> dict[str, Any]:
    room = _room(app, request.meeting_id)
    room.session_of(_me(conn), conn)
    room.set_layout(_me(conn), Layout(request.spotlight, frozenset(request.hidden)))
    return {}


@handles(pc.CallMute)
async def mute(app: AppState, conn: Connection, request: pc.CallMute) -> dict[str, Any]:
    room = _room(app, request.meeting_id)
    room.session_of(_me(conn), conn)
    room.self_mute(_me(conn), request.muted)
    return {}


@handles(pc.CallControl)
async def control(app: AppState, conn: Connection, request: pc.CallControl) -> dict[str, Any]:
    site = await _site(app, conn, request.meeting_id, Action.CALL_CONTROL)
    room = _room(app, request.meeting_id)
    await room.control(site, request.action, request.site)
    await _audit(
        app, site.id, f"call.{request.action.value}", request.meeting_id, site=request.site
    )
    return {}


@handles(pc.CallRecord)
async def record(app: AppState, conn: Connection, request: pc.CallRecord) -> dict[str, Any]:
    site = await _site(app, conn, request.meeting_id, Action.CALL_CONTROL)
    await _room(app, request.meeting_id).record(request.recording)
    action = "call.recording_started" if request.recording else "call.recording_stopped"
    await _audit(app, site.id, action, request.meeting_id)
    return {}


@handles(pc.CallRecordings)
async def recordings(
    app: AppState, conn: Connection, request: pc.CallRecordings
) -> list[pc.RecordingView]:
    await app.store.read(lambda db: load_view(db, conn, request.meeting_id, Action.CALL_CONTROL))
    from server.sfu.recording import list_recordings  # PyAV: with the first use, not at start

    directory = recordings_dir(app) / request.meeting_id
    return await asyncio.to_thread(list_recordings, directory)


@handles(pc.DownloadRecording)
async def download_recording(
    app: AppState, conn: Connection, request: pc.DownloadRecording
) -> BinaryReply:
    """A finished recording's file, a chunk at a time (the same who may list them)."""
    await app.store.read(lambda db: load_view(db, conn, request.meeting_id, Action.CALL_CONTROL))
    from server.sfu.recording import read_recording  # PyAV: with the first use, not at start

    directory = recordings_dir(app) / request.meeting_id
    found = await asyncio.to_thread(
        read_recording, directory, request.recording_id, request.offset, request.length
    )
    if found is None:
        raise NotFound("No such recording.", "Không tìm thấy bản ghi.")
    info, data = found
    if info.stopped_at is None:
        raise Conflict(
            "The recording is still going on.", "Bản ghi đang được ghi, chưa thể tải về."
        )
    if request.offset > info.size:
        raise BadRequest("Offset past the end of the file.", "Vị trí vượt quá cuối tệp.")
    if request.offset == 0 and conn.person is not None:
        person_id = conn.person.id  # one entry per download, not per chunk
        await app.store.write(
            lambda db: audit_repo.record(
                db, person_id, "call.download_recording", request.meeting_id, recording=info.id
            )
        )
    header = pc.RecordingChunk(
        recording_id=info.id, offset=request.offset, length=len(data), size=info.size
    )
    return BinaryReply(header, data)
