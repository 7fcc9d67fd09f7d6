"""The chair's controls through the real server: mute, spotlight, remove, lock."""

from __future__ import annotations

import time
from typing import Any

import pytest

from ecabinet.net.client import ServerError
from meetings import protocol_call as pc
from tests.call.conftest import Sites
from tests.call.peers import CallSite, Progress, Received

FOUR = (("chair", 1), ("room", 2), ("room_hiep_thanh", 3), ("room_chanh_nghia", 4))
HIGH_WIDTH, LOW_WIDTH = 960, 320


async def join_all(new_site: Sites, meeting: dict[str, Any], **options: Any) -> list[CallSite]:
    sites = [await new_site(key, number) for key, number in FOUR]
    for site in sites:
        await site.join(meeting["id"], **options)
    return sites


async def test_a_muted_sites_audio_stops_at_the_others(
    new_site: Sites, meeting: dict[str, Any], progress: Progress
) -> None:
    chair, ward, *others = await join_all(new_site, meeting)
    listeners = [chair, *others]
    heard = [site.of(ward.site) for site in listeners]
    for got in heard:
        await progress.wait_for(lambda got=got: got.audio_frames >= 20, "the ward's audio")
    await chair.call("call.control", action="mute", site=ward.site)
    for site in [*listeners, ward]:
        await progress.wait_for(
            lambda site=site: any(
                e.site == ward.site and e.muted and e.by == "chair"
                for e in site.events_of(pc.CallMuted)
            ),
            "the mute event",
        )
    # Let what was in flight arrive (2 s of the ward's video), then nothing more of its audio
    # during 2 s more, while its video keeps coming.
    for got in heard:
        seen = len(got.video)
        await progress.wait_for(lambda got=got, seen=seen: len(got.video) >= seen + 20, "video")
    counts = [got.audio_frames for got in heard]
    for got in heard:
        seen = len(got.video)
        await progress.wait_for(lambda got=got, seen=seen: len(got.video) >= seen + 20, "video")
    assert [got.audio_frames for got in heard] == counts
    # The ward cannot undo the chair's mute; the chair can.
    with pytest.raises(ServerError) as refused:
        await ward.call("call.mute", muted=False)
    assert refused.value.code == "forbidden"
    await chair.call("call.control", action="unmute", site=ward.site)
    for got, count in zip(heard, counts, strict=True):
        await progress.wait_for(
            lambda got=got, count=count: got.audio_frames >= count + 20, "audio after unmute"
        )


def high_keyframe_after(got: Received, since: float) -> float | None:
    for at, width in got.keyframes:
        if at >= since and width == HIGH_WIDTH:
            return at
    return None


async def test_a_spotlight_switch_delivers_a_high_keyframe_within_a_second(
    new_site: Sites, meeting: dict[str, Any], progress: Progress
) -> None:
    # Everyone joins muted, so no active speaker moves the spotlight during the test.
    chair, *wards = await join_all(new_site, meeting, muted=True)
    for ward in wards:
        got = chair.of(ward.site)
        await progress.wait_for(lambda got=got: len(got.video) >= 5, "the ward's video")
        assert {s.size for s in got.video} == {(LOW_WIDTH, 180)}
    for ward in wards[:2]:
        got = chair.of(ward.site)
        asked = time.monotonic()
        await chair.call("call.control", action="spotlight", site=ward.site)
        await progress.wait_for(
            lambda got=got, asked=asked: high_keyframe_after(got, asked) is not None,
            "a high keyframe",
        )
        arrived = high_keyframe_after(got, asked)
        assert arrived is not None and arrived - asked < 1.0, arrived - asked
        await progress.wait_for(
            lambda got=got: got.video[-1].size == (HIGH_WIDTH, 540), "a high picture"
        )
    # The first spotlighted ward went back to low when the spotlight moved on.
    first = chair.of(wards[0].site)
    await progress.wait_for(lambda: first.video[-1].size == (LOW_WIDTH, 180), "low again")
    spot = [e for e in wards[2].events_of(pc.CallSpotlight) if e.site == wards[1].site]
    assert spot and not spot[-1].pinned


async def test_a_pinned_site_keeps_the_spotlight_and_a_layout_can_hide_tiles(
    new_site: Sites, meeting: dict[str, Any], progress: Progress
) -> None:
    chair, *wards = await join_all(new_site, meeting, muted=True)
    await chair.call("call.control", action="pin", site=wards[0].site)
    await chair.call("call.control", action="give_floor", site=wards[1].site)
    # Giving the floor unmutes and would spotlight, but the pin holds.
    floor = wards[1]
    await progress.wait_for(
        lambda: any(e.site == floor.site for e in chair.events_of(pc.CallFloor)), "the floor"
    )
    assert chair.events_of(pc.CallSpotlight)[-1].site == wards[0].site
    got = chair.of(wards[0].site)
    await progress.wait_for(
        lambda: bool(got.video) and got.video[-1].size == (HIGH_WIDTH, 540), "pinned in high"
    )
    hidden = chair.of(wards[2].site)
    await progress.wait_for(lambda: len(hidden.video) >= 5, "the third ward")
    await chair.call("call.layout", spotlight=True, hidden=[wards[2].site])
    seen = len(hidden.video)
    shown = chair.of(wards[1].site)
    count = len(shown.video)
    await progress.wait_for(lambda: len(shown.video) >= count + 30, "3 s of another ward")
    assert len(hidden.video) <= seen + 3  # what was in flight, then nothing


async def test_lock_and_remove(
    new_site: Sites, meeting: dict[str, Any], progress: Progress
) -> None:
    chair = await new_site("chair", 1)
    ward = await new_site("room", 2)
    late = await new_site("room_hiep_thanh", 3)
    await chair.join(meeting["id"])
    await ward.join(meeting["id"])
    got = chair.of(ward.site)
    await progress.wait_for(lambda: len(got.video) >= 3, "the ward")
    await chair.call("call.control", action="lock")
    with pytest.raises(ServerError) as refused:
        await late.join(meeting["id"])
    assert refused.value.code == "invalid_state"
    await chair.call("call.control", action="remove", site=ward.site)
    await progress.wait_for(
        lambda: any(e.reason == "removed" for e in ward.events_of(pc.CallEnded)), "call.ended"
    )
    await progress.wait_for(lambda: got.video_ended and got.audio_ended, "the ward's tracks end")
    with pytest.raises(ServerError) as again:
        await ward.join(meeting["id"])
    assert again.value.code == "forbidden"
    # Nobody but the chair may control.
    with pytest.raises(ServerError) as denied:
        await late.call("call.control", action="unlock")
    assert denied.value.code == "forbidden"
