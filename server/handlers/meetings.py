"""Listing, reading, creating, editing and moving meetings through their lifecycle."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection as Db

from meetings import meeting as domain
from meetings import protocol as p
from meetings.errors import BadRequest
from meetings.meeting import Meeting, MeetingStatus, Place
from meetings.permissions import Action, allowed, require, require_unit_role
from server import views
from server.handlers import handles
from server.handlers.common import MeetingView, caller, change_meeting, directory, load_view, new_id
from server.store import audit_repo, directory_repo, meetings_repo

if TYPE_CHECKING:
    from server.connection import Connection
    from server.state import AppState

# The action each lifecycle move needs, and the reason its event carries.
MOVES: dict[MeetingStatus, tuple[Action, str]] = {
    MeetingStatus.PUBLISHED: (Action.MEETING_PUBLISH, "published"),
    MeetingStatus.DRAFT: (Action.MEETING_PUBLISH, "unpublished"),
    MeetingStatus.IN_PROGRESS: (Action.MEETING_RUN, "started"),
    MeetingStatus.ENDED: (Action.MEETING_RUN, "ended"),
    MeetingStatus.ARCHIVED: (Action.MEETING_ARCHIVE, "archived"),
}


@handles(p.ListMeetings)
async def list_meetings(
    app: AppState, conn: Connection, request: p.ListMeetings
) -> list[p.MeetingSummary]:
    def query(db: Db) -> list[p.MeetingSummary]:
        person = caller(db, conn)
        found = directory(db)
        return [
            views.summary(m)
            for m in meetings_repo.in_range(db, request.start, request.end)
            if allowed(person, Action.MEETING_VIEW, m, found)
        ]

    return await app.store.read(query)


@handles(p.GetMeeting)
async def get_meeting(app: AppState, conn: Connection, request: p.GetMeeting) -> p.MeetingDetail:
    def read(db: Db) -> MeetingView:
        return load_view(db, conn, request.meeting_id, Action.MEETING_VIEW)

    view = await app.store.read(read)
    return view.detail()


def _check_people_and_units(db: Db, unit_ids: list[str], person_ids: list[str]) -> None:
    units = directory_repo.all_units(db)
    missing_units = [u for u in unit_ids if u not in units]
    known = {x.id for x in directory_repo.people_by_ids(db, person_ids)}
    missing_people = [x for x in person_ids if x not in known]
    if missing_units or missing_people:
        raise BadRequest(
            "Unknown units or people invited.",
            "Đơn vị hoặc người được mời không tồn tại.",
            details={"units": missing_units, "people": missing_people},
        )


@handles(p.CreateMeeting)
async def create_meeting(
    app: AppState, conn: Connection, request: p.CreateMeeting
) -> p.MeetingDetail:
    def transaction(db: Db) -> MeetingView:
        person = caller(db, conn)
        found = directory(db)
        if request.organiser_unit_id not in found.units:
            raise BadRequest("Unknown organising unit.", "Đơn vị chủ trì không tồn tại.")
        require_unit_role(person, Action.MEETING_CREATE, request.organiser_unit_id, found)
        _check_people_and_units(db, request.invited_unit_ids, request.invited_person_ids)
        meeting = Meeting(
            id=new_id("mtg"),
            title=request.title,
            organiser_unit_id=request.organiser_unit_id,
            starts_at=request.starts_at,
            ends_at=request.ends_at,
            place=Place(hall=request.hall, video=request.video),
            description=request.description,
            invited_unit_ids=tuple(dict.fromkeys(request.invited_unit_ids)),
            invited_person_ids=tuple(dict.fromkeys(request.invited_person_ids)),
        )
        require(person, Action.MEETING_CREATE, meeting, found)
        meetings_repo.save(db, meeting, None)
        audit_repo.record(db, person.id, "meeting.created", meeting.id, title=meeting.title)
        return MeetingView(person, meeting, found, [])

    view = await app.store.write(transaction)
    app.hub.meeting_changed(view.meeting, [], view.directory, "created")
    return view.detail()


@handles(p.UpdateMeeting)
async def update_meeting(
    app: AppState, conn: Connection, request: p.UpdateMeeting
) -> p.MeetingDetail:
    given = request.model_dump(
        exclude_unset=True, exclude={"type", "id", "meeting_id", "expected_version"}
    )
    if not given:
        raise BadRequest("Nothing to change.", "Không có gì để thay đổi.")

    def change(meeting: Meeting) -> Meeting:
        changes: dict[str, Any] = {}
        for key in ("title", "starts_at", "ends_at", "description"):
            if key in given:
                changes[key] = getattr(request, key)
        if "hall" in given or "video" in given:
            hall = request.hall if "hall" in given else meeting.place.hall
            video = request.video if request.video is not None else meeting.place.video
            changes["place"] = Place(hall=hall or None, video=video)
        if "invited_unit_ids" in given:
            changes["invited_unit_ids"] = tuple(dict.fromkeys(request.invited_unit_ids or []))
        if "invited_person_ids" in given:
            changes["invited_person_ids"] = tuple(dict.fromkeys(request.invited_person_ids or []))
        return domain.edit_details(meeting, **changes)

    async def checked() -> None:
        await app.store.read(
            lambda db: _check_people_and_units(
                db, request.invited_unit_ids or [], request.invited_person_ids or []
            )
        )

    await checked()
    return await change_meeting(
        app,
        conn,
        request.meeting_id,
        Action.MEETING_EDIT,
        change,
        "edited",
        expected_version=request.expected_version,
        audit={"fields": sorted(given)},
    )


@handles(p.TransitionMeeting)
async def transition(
    app: AppState, conn: Connection, request: p.TransitionMeeting
) -> p.MeetingDetail:
    action, reason = MOVES[request.to]
    return await change_meeting(
        app,
        conn,
        request.meeting_id,
        action,
        lambda meeting: domain.transition(meeting, request.to),
        reason,
        expected_version=request.expected_version,
        audit={"to": request.to.value},
    )
