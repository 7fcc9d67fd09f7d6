"""The live meeting's rules, without a server: quorum edges, the floor, votes, the agenda."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from meetings.errors import BadRequest, Conflict, Forbidden, InvalidState
from meetings.live import agenda, attendance, floor, timers, votes
from meetings.live.model import (
    Aspect,
    Choice,
    LiveState,
    Participant,
    Presence,
    QuorumRule,
    VoteKind,
    VoteStatus,
)

T0 = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
MEMBERS = tuple(Participant(f"m{n}", f"Đại biểu {n}", member=True) for n in range(1, 11))
SITES = tuple(Participant(f"s{n}", f"Điểm cầu {n}", member=False, site=True) for n in range(3))


def fresh() -> LiveState:
    state = agenda.start_state("mtg", ("i1", "i2", "i3"))
    return attendance.with_roster(state, MEMBERS + SITES)


def with_present(count: int, state: LiveState | None = None) -> LiveState:
    state = state or fresh()
    for member in MEMBERS[:count]:
        state, _ = attendance.check_in(state, member.person_id, Presence.HALL)
    return state


def started(count: int = 10) -> LiveState:
    state, _ = agenda.next_item(with_present(count), None, T0)
    return state


@pytest.mark.parametrize(
    ("members", "rule", "required"),
    [
        (10, QuorumRule(), 6),  # more than half of 10
        (11, QuorumRule(), 6),
        (1, QuorumRule(), 1),
        (10, QuorumRule(2, 3, strict=False), 7),  # at least two thirds
        (9, QuorumRule(2, 3, strict=False), 6),
        (10, QuorumRule(1, 2, strict=False), 5),
    ],
)
def test_quorum_rule_edges(members: int, rule: QuorumRule, required: int) -> None:
    assert rule.required(members) == required


def test_quorum_counts_members_present_not_sites_or_the_absent() -> None:
    state = with_present(5)
    for site in SITES:
        state, _ = attendance.check_in(state, site.person_id, Presence.ONLINE)
    assert not state.quorum().reached  # 5 of 10 is not more than half
    state, _ = attendance.mark(state, "m6", Presence.ABSENT, "Đi công tác", "sec")
    assert not state.quorum().reached
    state, events = attendance.check_in(state, "m6", Presence.ONLINE)
    assert [e.aspect for e in events] == [Aspect.ATTENDANCE]
    quorum = state.quorum()
    assert (quorum.present, quorum.members, quorum.required, quorum.reached) == (6, 10, 6, True)


def test_roll_call_rules() -> None:
    state = fresh()
    with pytest.raises(Forbidden):
        attendance.check_in(state, "stranger", Presence.HALL)
    with pytest.raises(BadRequest):
        attendance.check_in(state, "m1", Presence.ABSENT)
    with pytest.raises(BadRequest):
        attendance.mark(state, "m1", Presence.ABSENT, "  ", "sec")
    state, _ = attendance.check_in(state, "m1", Presence.HALL)
    again, events = attendance.check_in(state, "m1", Presence.HALL)
    assert events == [] and again is state  # a reconnect checks in again: nothing changes


def test_no_quorum_no_vote() -> None:
    state = started(5)
    with pytest.raises(InvalidState) as refused:
        votes.open_vote(state, "v1", "i1", VoteKind.NAMED, "Thông qua?", "chair", T0)
    assert refused.value.details == {"present": 5, "required": 6}


def test_one_ballot_per_eligible_person_and_named_counts() -> None:
    state = started(8)
    state, events = votes.open_vote(state, "v1", "i1", VoteKind.NAMED, "Thông qua?", "c", T0)
    assert events[0].aspect is Aspect.VOTE_OPENED
    # Members who arrive after the vote opened do not vote in it.
    state, _ = attendance.check_in(state, "m9", Presence.HALL)
    with pytest.raises(Forbidden):
        votes.cast(state, "v1", "m9", Choice.YES, T0)
    with pytest.raises(Forbidden):
        votes.cast(state, "v1", "s0", Choice.YES, T0)  # a ward hall does not vote
    state, _ = votes.cast(state, "v1", "m1", Choice.YES, T0)
    with pytest.raises(Conflict):
        votes.cast(state, "v1", "m1", Choice.NO, T0)
    state, _ = votes.cast(state, "v1", "m2", Choice.NO, T0)
    state, _ = votes.cast(state, "v1", "m3", Choice.ABSTAIN, T0)
    vote = state.vote("v1")
    assert [vote.count(c) for c in Choice] == [1, 1, 1]
    assert dict(vote.choices) == {"m1": Choice.YES, "m2": Choice.NO, "m3": Choice.ABSTAIN}
    assert len(vote.eligible) == 8


def test_secret_vote_keeps_no_choices_in_the_state() -> None:
    state = started()
    state, _ = votes.open_vote(state, "v1", "i1", VoteKind.SECRET, "Tín nhiệm?", "c", T0)
    state, _ = votes.cast(state, "v1", "m1", Choice.NO, T0)
    vote = state.vote("v1")
    assert vote.choices == () and vote.voters == {"m1"} and vote.count(Choice.NO) == 1


def test_only_one_open_vote_and_closing() -> None:
    state = started()
    state, _ = votes.open_vote(state, "v1", "i1", VoteKind.NAMED, "A?", "chair1", T0)
    with pytest.raises(Conflict):  # the second chair's click
        votes.open_vote(state, "v2", "i1", VoteKind.NAMED, "A?", "chair2", T0)
    with pytest.raises(Conflict):
        votes.open_vote(state, "v1", "i2", VoteKind.NAMED, "B?", "chair1", T0)
    state, events = votes.close(state, "v1", T0)
    assert events[0].aspect is Aspect.VOTE_CLOSED
    with pytest.raises(InvalidState):
        votes.close(state, "v1", T0)
    with pytest.raises(InvalidState):
        votes.cast(state, "v1", "m1", Choice.YES, T0)
    state, _ = votes.open_vote(state, "v2", "i1", VoteKind.SECRET, "B?", "chair1", T0)
    assert [v.status for v in state.votes] == [VoteStatus.CLOSED, VoteStatus.OPEN]


def test_timed_vote_closes_at_its_deadline_not_later() -> None:
    state = started()
    state, _ = votes.open_vote(state, "v1", "i1", VoteKind.NAMED, "A?", "c", T0, seconds=60)
    assert timers.next_deadline(state) == T0 + timedelta(seconds=60)
    state, _ = votes.cast(state, "v1", "m1", Choice.YES, T0 + timedelta(seconds=59))
    # At the deadline ballots are refused even before anything closed the vote.
    with pytest.raises(InvalidState):
        votes.cast(state, "v1", "m2", Choice.YES, T0 + timedelta(seconds=60))
    unchanged, events = timers.due(state, T0 + timedelta(seconds=30))
    assert events == [] and unchanged is state
    # Found late (a restart): closed at the deadline, not at the moment it was noticed.
    state, events = timers.due(state, T0 + timedelta(hours=2))
    vote = state.vote("v1")
    assert [e.aspect for e in events] == [Aspect.VOTE_CLOSED]
    assert vote.closed_at == T0 + timedelta(seconds=60) and vote.count(Choice.YES) == 1


def test_floor_queue_one_speaker_and_time_kept() -> None:
    state = fresh()
    with pytest.raises(InvalidState):
        floor.ask(with_present(3, state), "m1", T0)  # no current item yet
    state = started(3)
    state, _ = attendance.check_in(state, "s1", Presence.ONLINE)
    with pytest.raises(InvalidState):
        floor.ask(state, "m5", T0)  # not checked in
    for who in ("m2", "s1", "m1", "m2"):
        state, _ = floor.ask(state, who, T0)
    assert [r.person_id for r in state.waiting()] == ["m2", "s1", "m1"]
    state, _ = floor.give(state, "s1", T0, limit_seconds=120)
    assert [r.person_id for r in state.waiting()] == ["m2", "m1"]
    with pytest.raises(Conflict):
        floor.give(state, "m2", T0)  # one speaker at a time
    with pytest.raises(Conflict):
        floor.end(state, T0, speaker="m2")  # a late click meant for someone else
    state, _ = floor.end(state, T0 + timedelta(seconds=75), speaker="s1")
    assert state.floor is None
    assert [(s.person_id, s.item_id, s.seconds) for s in state.speeches] == [("s1", "i1", 75)]
    # The timer ends an overlong speech at its limit.
    state, _ = floor.give(state, "m2", T0, limit_seconds=30)
    state, events = timers.due(state, T0 + timedelta(seconds=31))
    assert [e.aspect for e in events] == [Aspect.FLOOR]
    assert state.speeches[-1].seconds == 30


def test_next_item_moves_once_for_a_double_click() -> None:
    state = started()
    assert state.current_item == "i1"
    moved, _ = agenda.next_item(state, "i1", T0)
    assert moved.current_item == "i2"
    with pytest.raises(Conflict):
        agenda.next_item(moved, "i1", T0)  # the second click still saw i1
    jumped, _ = agenda.next_item(moved, "i2", T0, to_item="i3")
    with pytest.raises(InvalidState):
        agenda.next_item(jumped, "i3", T0)  # the last item


def test_next_item_waits_for_the_vote_and_ends_the_floor() -> None:
    state = started()
    state, _ = votes.open_vote(state, "v1", "i1", VoteKind.NAMED, "A?", "c", T0)
    with pytest.raises(InvalidState):
        agenda.next_item(state, "i1", T0)
    state, _ = votes.close(state, "v1", T0)
    state, _ = floor.give(state, "m1", T0)
    state, events = agenda.next_item(state, "i1", T0 + timedelta(seconds=10))
    assert [e.aspect for e in events] == [Aspect.FLOOR, Aspect.ITEM]
    assert state.speeches[-1].seconds == 10 and state.floor is None


def test_presenting_follows_pages() -> None:
    state = started()
    state, events = agenda.present(state, "m1", "doc1", 1)
    assert events[0].aspect is Aspect.PRESENTATION
    state, _ = agenda.present(state, "m1", "doc1", 4)
    assert state.presentation is not None and state.presentation.page == 4
    with pytest.raises(BadRequest):
        agenda.present(state, "m1", "doc1", 0)
    state, _ = agenda.present(state, "m1", None, 1)
    assert state.presentation is None


def test_passed_needs_more_than_half_of_the_eligible() -> None:
    state = started()
    state, _ = votes.open_vote(state, "v1", "i1", VoteKind.NAMED, "A?", "c", T0)
    for n in range(1, 6):
        state, _ = votes.cast(state, "v1", f"m{n}", Choice.YES, T0)
    assert not votes.passed(state.vote("v1"))  # 5 of 10
    state, _ = votes.cast(state, "v1", "m6", Choice.YES, T0)
    assert votes.passed(state.vote("v1"))


def test_joining_the_video_checks_in_online_but_leaves_the_hall_in_the_hall() -> None:
    state, _ = attendance.check_in(fresh(), "m1", Presence.HALL)
    state, _ = attendance.mark(state, "m2", Presence.ABSENT, "Ốm", "sec")
    for person in ("s0", "m2"):  # a ward hall; someone marked absent who turns up online
        state, events = attendance.joined_video(state, person)
        assert events and state.attendee(person).presence is Presence.ONLINE  # type: ignore[union-attr]
    for person in ("m1", "s0", "not-invited"):
        assert attendance.joined_video(state, person) == (state, [])
    assert state.attendee("m1").presence is Presence.HALL  # type: ignore[union-attr]
