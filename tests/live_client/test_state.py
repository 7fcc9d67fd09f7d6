"""The plain part of the live state: events applied to a state, stale ones dropped, and the
permission table read for which controls to show."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from ecabinet.live.minutes_notes import merged
from ecabinet.live.models import AttendanceModel, LiveAgendaModel, QueueModel
from ecabinet.live.roles import LiveRoles
from ecabinet.live.state import Part, apply_event, merge_votes
from meetings import protocol as p
from meetings import protocol_live as pl
from meetings.live.model import Choice, Presence, VoteKind, VoteStatus
from meetings.meeting import MeetingStatus
from meetings.people import Role

T0 = datetime(2026, 12, 1, 1, 0, tzinfo=UTC)
QUORUM = pl.QuorumView(
    members=3, present=1, required=2, reached=False, numerator=1, denominator=2, strict=True
)


def _state(version: int = 5, votes: list[pl.VoteView] | None = None) -> pl.LiveStateView:
    return pl.LiveStateView(
        meeting_id="mtg_1",
        version=version,
        current_item="itm_1",
        speaking_seconds=300,
        attendance=[],
        quorum=QUORUM,
        queue=[],
        floor=None,
        speeches=[],
        votes=votes or [],
        presentation=None,
        voted=[],
    )


def _vote(cast: int, status: VoteStatus = VoteStatus.OPEN) -> pl.VoteView:
    return pl.VoteView(
        id="vote_1",
        item_id="itm_1",
        kind=VoteKind.NAMED,
        question="Thông qua?",
        status=status,
        opened_at=T0,
        closes_at=None,
        closed_at=T0 if status is VoteStatus.CLOSED else None,
        eligible=3,
        cast=cast,
        counts={Choice.YES: cast, Choice.NO: 0, Choice.ABSTAIN: 0},
        by_name=[],
    )


def _attendance(version: int, present: int) -> pl.AttendanceChanged:
    return pl.AttendanceChanged(
        meeting_id="mtg_1",
        version=version,
        attendance=[
            pl.AttendeeView(
                person_id="per_a", full_name="A", member=True, site=False, presence=Presence.HALL
            )
        ],
        quorum=QUORUM.model_copy(update={"present": present, "reached": present >= 2}),
    )


def test_events_replace_their_part_and_stale_ones_are_dropped() -> None:
    state = _state(version=5)
    newer, parts = apply_event(state, _attendance(6, 2))
    assert parts == {Part.ATTENDANCE} and newer.quorum.reached and newer.version == 6
    same, parts = apply_event(newer, _attendance(4, 1))  # folded into an earlier fetch
    assert parts == frozenset() and same.quorum.present == 2
    other, parts = apply_event(newer, _attendance(9, 1).model_copy(update={"meeting_id": "x"}))
    assert parts == frozenset() and other is newer


def test_a_floor_event_keeps_the_speech_that_ended_once_and_moves_the_item() -> None:
    speech = pl.SpeechView(
        person_id="per_a",
        full_name="A",
        item_id="itm_1",
        started_at=T0,
        limit_seconds=60,
        deadline=T0 + timedelta(seconds=60),
        ended_at=T0 + timedelta(seconds=42),
        seconds=42,
    )
    event = pl.FloorChanged(
        meeting_id="mtg_1",
        version=7,
        current_item="itm_2",
        speaking_seconds=120,
        queue=[],
        floor=None,
        last_speech=speech,
    )
    state, parts = apply_event(_state(), event)
    assert parts == {Part.FLOOR, Part.ITEM}
    again, _ = apply_event(state, event.model_copy(update={"version": 8}))
    assert [s.seconds for s in again.speeches] == [42]
    assert again.current_item == "itm_2" and again.speaking_seconds == 120


def test_late_tallies_do_not_undo_a_count_or_reopen_a_closed_vote() -> None:
    state = _state(votes=[_vote(2)])
    late = pl.VoteChanged(meeting_id="mtg_1", reason="tally", vote=_vote(1))
    kept, parts = apply_event(state, late)
    assert parts == frozenset() and kept.votes[0].cast == 2
    closed, _ = apply_event(
        state, pl.VoteChanged(meeting_id="mtg_1", reason="closed", vote=_vote(3, VoteStatus.CLOSED))
    )
    after, parts = apply_event(closed, late.model_copy(update={"vote": _vote(3)}))
    assert parts == frozenset() and after.votes[0].status is VoteStatus.CLOSED
    # A whole state from a reply carries an older tally: the newer copy wins.
    merged = merge_votes(_state(votes=[_vote(1)]), closed)
    assert merged.votes[0].status is VoteStatus.CLOSED and merged.votes[0].cast == 3


def _meeting() -> p.MeetingDetail:
    return p.MeetingDetail(
        id="mtg_1",
        title="Họp",
        organiser_unit_id="ubnd",
        starts_at=T0,
        ends_at=T0 + timedelta(hours=1),
        hall=None,
        video=False,
        status=MeetingStatus.IN_PROGRESS,
        version=1,
        planned_minutes=0,
        description="",
        invited_unit_ids=["ubnd", "phu-cuong"],
        invited_person_ids=[],
        agenda=[],
        documents=[],
    )


def _person(unit: str, role: Role) -> p.PersonView:
    return p.PersonView(
        id=f"per_{role.value}",
        username=role.value,
        full_name="X",
        title="",
        memberships=[p.MembershipView(unit_id=unit, role=role)],
    )


def test_roles_follow_the_permission_table() -> None:
    meeting = _meeting()
    chair = LiveRoles.of(_person("ubnd", Role.CHAIR), meeting)
    assert chair.chair and chair.roll_call and chair.present and chair.take_part
    secretary = LiveRoles.of(_person("ubnd", Role.SECRETARY), meeting)
    assert not secretary.chair and secretary.roll_call and secretary.minutes
    delegate = LiveRoles.of(_person("ubnd", Role.DELEGATE), meeting)
    assert delegate.take_part and delegate.present and not delegate.roll_call
    room = LiveRoles.of(_person("phu-cuong", Role.ROOM), meeting)
    assert room.take_part and not room.present and not room.chair
    outsider = LiveRoles.of(_person("hiep-thanh", Role.DELEGATE), meeting)
    assert outsider == LiveRoles()


def test_merging_two_notes_keeps_both_texts_once() -> None:
    assert merged("mine", "theirs") == "theirs\n\nmine"
    assert merged("same", "same") == "same"
    assert merged("", "theirs") == "theirs"
    assert merged("theirs and more", "theirs") == "theirs and more"
    assert merged("part", "the part") == "the part"


def test_the_live_models_keep_qts_contract(qtmodeltester: Any) -> None:
    attendance = AttendanceModel()
    attendance.set_attendance(
        [
            pl.AttendeeView(
                person_id="per_a", full_name="A", member=True, site=False, presence=None
            ),
            pl.AttendeeView(
                person_id="per_r",
                full_name="Điểm cầu",
                member=False,
                site=True,
                presence=Presence.ONLINE,
            ),
        ]
    )
    qtmodeltester.check(attendance)
    queue = QueueModel()
    queue.set_queue(
        [pl.QueueEntryView(person_id="per_a", full_name="A", item_id="itm_1", asked_at=T0)]
    )
    qtmodeltester.check(queue)
    agenda = LiveAgendaModel()
    agenda.set_items(
        [
            p.AgendaItemView(
                id=f"itm_{n}",
                title=f"Nội dung {n}",
                planned_minutes=10,
                presenter_id=None,
                presenter_name="",
                document_ids=[],
            )
            for n in (1, 2)
        ]
    )
    agenda.set_current("itm_2")
    qtmodeltester.check(agenda)
    assert agenda.current_row() == 1 and agenda.index(1).data().startswith("▶")
