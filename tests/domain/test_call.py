"""The video room's rules: joining, the chair's controls, and who receives what."""

from __future__ import annotations

import pytest

from meetings import call
from meetings.call import (
    NOTHING,
    ControlAction,
    Layout,
    MutedBy,
    Quality,
    RoomState,
    Site,
    Subscription,
)
from meetings.errors import BadRequest, Forbidden, InvalidState, NotFound

HALL = Site("hall", "Hội trường UBND", "ubnd", hall=True, controller=True)
WARDS = [Site(f"w{i}", f"Phường {i}", f"ward-{i}") for i in range(1, 7)]
LOW = Subscription(Quality.LOW, True)
HIGH = Subscription(Quality.HIGH, True)


def room(*sites: Site) -> RoomState:
    state = RoomState()
    for site in sites or (HALL, *WARDS):
        state = call.join(state, site)
    return state


def test_the_hall_receives_every_site_and_wards_the_hall_speaker_and_loudest() -> None:
    state = call.speaker_changed(room(), "w3")
    loud = {"w5": -20.0, "w6": -30.0, "w1": -60.0}
    plan = call.plan(state, loud, last_n=2)
    # The speaker is spotlighted, so the hall gets it high and every other ward low.
    assert plan["hall"] == {"w3": HIGH, **{w.id: LOW for w in WARDS if w.id != "w3"}}
    # A ward: the hall, the speaker (high) and the two loudest others; nothing of the rest.
    assert plan["w1"] == {
        "hall": LOW,
        "w2": NOTHING,
        "w3": HIGH,
        "w4": NOTHING,
        "w5": LOW,
        "w6": LOW,
    }
    assert "w3" not in plan["w3"]  # nobody receives itself
    assert (plan["w3"]["w5"], plan["w3"]["w6"], plan["w3"]["w1"]) == (LOW, LOW, NOTHING)


def test_last_n_zero_leaves_only_the_hall_and_the_speaker() -> None:
    state = call.speaker_changed(room(), "w2")
    plan = call.plan(state, {"w5": -10.0}, last_n=0)
    assert {k for k, v in plan["w4"].items() if v != NOTHING} == {"hall", "w2"}


def test_silent_rooms_fill_last_n_in_join_order() -> None:
    plan = call.plan(room(), {}, last_n=2)
    assert {k for k, v in plan["w6"].items() if v != NOTHING} == {"hall", "w1", "w2"}


def test_a_muted_sites_audio_goes_to_nobody_but_its_video_still_flows() -> None:
    state = call.control(call.speaker_changed(room(), "w2"), HALL, ControlAction.MUTE, "w2")
    assert state.muted == {"w2": MutedBy.CHAIR}
    plan = call.plan(state, {}, last_n=3)
    assert plan["hall"]["w2"] == Subscription(Quality.HIGH, False)
    assert plan["w1"]["w2"] == Subscription(Quality.HIGH, False)
    assert all(not row.get("w2", NOTHING).audio for row in plan.values())


def test_muted_sites_come_last_in_last_n() -> None:
    state = call.control(room(), HALL, ControlAction.MUTE, "w1")
    plan = call.plan(state, {"w1": -5.0}, last_n=1)
    assert plan["w6"]["w1"] == NOTHING
    assert plan["w6"]["w2"] == LOW


def test_pin_overrides_the_active_speaker_and_spotlight_lasts_until_the_next_change() -> None:
    state = call.speaker_changed(room(), "w1")
    assert state.spotlight == "w1"
    state = call.control(state, HALL, ControlAction.SPOTLIGHT, "w4")
    assert state.spotlight == "w4"
    state = call.speaker_changed(state, "w2")
    assert state.spotlight == "w2"  # the speaker takes over an unpinned spotlight
    state = call.control(state, HALL, ControlAction.PIN, "w5")
    state = call.speaker_changed(state, "w3")
    assert state.spotlight == "w5"
    assert call.plan(state, {})["hall"]["w5"] == HIGH
    assert call.plan(state, {})["hall"]["w3"] == LOW
    state = call.control(state, HALL, ControlAction.UNPIN)
    assert state.spotlight == "w3"


def test_layout_hides_tiles_and_can_drop_the_spotlight() -> None:
    state = call.speaker_changed(room(), "w2")
    state = call.set_layout(state, "hall", Layout(spotlight=False, hidden=frozenset({"w6"})))
    plan = call.plan(state, {})
    assert plan["hall"]["w2"] == LOW  # no large tile: the speaker comes in low too
    assert plan["hall"]["w6"] == Subscription(None, True)  # hidden: no video, still heard
    assert plan["w1"]["w2"] == HIGH  # other receivers keep their own layout


def test_give_floor_unmutes_and_spotlights() -> None:
    state = call.control(room(), HALL, ControlAction.MUTE_ALL)
    assert set(state.muted) == {w.id for w in WARDS}
    state = call.control(state, HALL, ControlAction.GIVE_FLOOR, "w4")
    assert "w4" not in state.muted and state.floor == "w4" and state.spotlight == "w4"
    plan = call.plan(state, {}, last_n=0)
    assert plan["w1"]["w4"] == HIGH
    state = call.control(state, HALL, ControlAction.UNMUTE_ALL)
    assert state.muted == {}


def test_a_site_may_mute_itself_but_not_undo_the_chair() -> None:
    state = call.self_mute(room(), "w1", True)
    state = call.self_mute(state, "w1", False)
    assert state.muted == {}
    state = call.control(state, HALL, ControlAction.MUTE, "w1")
    with pytest.raises(Forbidden):
        call.self_mute(state, "w1", False)


def test_only_controllers_control_and_targets_must_be_present() -> None:
    state = room()
    with pytest.raises(Forbidden):
        call.control(state, WARDS[0], ControlAction.MUTE, "w2")
    with pytest.raises(NotFound):
        call.control(state, HALL, ControlAction.MUTE, "nobody")
    with pytest.raises(BadRequest):
        call.control(state, HALL, ControlAction.PIN)
    with pytest.raises(BadRequest):
        call.control(state, HALL, ControlAction.LOCK, "w1")


def test_lock_keeps_newcomers_out_but_not_the_chair_and_removed_sites_stay_out() -> None:
    state = call.control(room(HALL, WARDS[0]), HALL, ControlAction.LOCK)
    with pytest.raises(InvalidState):
        call.join(state, WARDS[1])
    rejoined = call.join(state, WARDS[0])  # a reconnect of a site already in
    assert rejoined.ids == ("hall", "w1")
    other_chair = Site("chair2", "Phó chủ tịch", "ubnd", hall=True, controller=True)
    assert call.join(state, other_chair).has("chair2")
    state = call.control(state, HALL, ControlAction.REMOVE, "w1")
    assert state.ids == ("hall",)
    with pytest.raises(Forbidden):
        call.join(state, WARDS[0])
    state = call.control(state, HALL, ControlAction.UNLOCK)
    assert call.join(state, WARDS[0]).has("w1")


def test_leaving_clears_the_roles_a_site_held() -> None:
    state = call.control(room(), HALL, ControlAction.GIVE_FLOOR, "w2")
    state = call.control(state, HALL, ControlAction.PIN, "w2")
    state = call.speaker_changed(state, "w2")
    state = call.leave(state, "w2")
    assert (state.floor, state.pinned, state.speaker, state.spotlight) == (None,) * 4
    assert "w2" not in call.plan(state, {})["hall"]
    assert call.leave(state, "w2") is state


def test_rejoining_replaces_the_earlier_join() -> None:
    state = call.join(room(HALL, WARDS[0]), WARDS[0])
    assert state.ids == ("hall", "w1")


def test_the_room_has_a_size_limit() -> None:
    state = RoomState()
    for index in range(call.MAX_SITES):
        state = call.join(state, Site(f"s{index}", f"Điểm {index}"))
    with pytest.raises(InvalidState):
        call.join(state, Site("one-more", "Thêm"))


def test_the_hall_floor_opens_the_speakers_site_and_its_end_restores_the_chairs_mute() -> None:
    state = call.control(room(), HALL, ControlAction.MUTE_ALL)
    assert state.muted["w2"] is MutedBy.CHAIR
    state = call.self_mute(state, "hall", True)
    speaking = call.follow_hall_floor(state, "w2")
    assert (speaking.floor, speaking.spotlight) == ("w2", "w2")
    assert "w2" not in speaking.muted
    # A second speaker: the first is muted again as the chair had it, the second opens.
    second = call.follow_hall_floor(speaking, "w4")
    assert (second.floor, second.muted["w2"], "w4" in second.muted) == ("w4", MutedBy.CHAIR, False)
    ended = call.follow_hall_floor(second, None)
    assert (ended.floor, ended.muted["w4"], ended.muted["hall"]) == (
        None,
        MutedBy.CHAIR,
        MutedBy.SELF,
    )
    # The spotlight goes back to the active speaker.
    assert call.speaker_changed(ended, "w5").spotlight == "w5"
    assert ended.spotlight is None


def test_a_speaker_who_was_not_muted_stays_open_and_absent_speakers_change_nothing() -> None:
    state = call.speaker_changed(room(), "w1")
    speaking = call.follow_hall_floor(state, "w3")
    ended = call.follow_hall_floor(speaking, None)
    assert "w3" not in ended.muted and ended.floor is None
    # A delegate speaking in the hall without a site of their own: the room is unchanged.
    assert call.follow_hall_floor(state, "per_not_in_call") == state
