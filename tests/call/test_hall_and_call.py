"""The hall and the call are one meeting: the chair gives the floor in the hall
(`live.give_floor`) and the speaker's site is unmuted and spotlighted for every site, muted
again as the chair had it when the speech ends; joining the video checks a site in."""

from __future__ import annotations

from typing import Any

from meetings import protocol_call as pc
from tests.call.conftest import Sites
from tests.call.peers import CallSite, Progress


async def in_session(chair: CallSite, meeting_id: str) -> None:
    await chair.client.call("meeting.transition", meeting_id=meeting_id, to="in_progress")
    await chair.client.call("live.next_item", meeting_id=meeting_id, expected_item_id=None)


def saw(at: CallSite, kind: type[pc.Model], **fields: Any) -> bool:
    return any(all(getattr(e, k) == v for k, v in fields.items()) for e in at.events_of(kind))


async def test_the_hall_floor_opens_the_speakers_site_and_its_end_mutes_it_again(
    new_site: Sites, meeting: dict[str, Any], progress: Progress
) -> None:
    chair = await new_site("chair", 1)
    ward = await new_site("room", 2)
    other = await new_site("room_hiep_thanh", 3)
    for site in (chair, ward, other):
        await site.join(meeting["id"])
    await in_session(chair, meeting["id"])
    await chair.call("call.control", action="mute_all")
    await progress.wait_for(
        lambda: saw(other, pc.CallMuted, site=ward.site, muted=True), "mute_all at the others"
    )
    heard = chair.of(ward.site)

    await ward.call("live.check_in")
    await ward.call("live.ask_floor")
    await chair.call("live.give_floor", person_id=ward.site, limit_seconds=120)
    for site in (chair, ward, other):
        await progress.wait_for(
            lambda site=site: (
                saw(site, pc.CallFloor, site=ward.site)
                and saw(site, pc.CallMuted, site=ward.site, muted=False)
                and saw(site, pc.CallSpotlight, site=ward.site)
            ),
            "the floor, the unmute and the spotlight of the speaker's site",
        )
    # The ward's microphone is open: its audio reaches the hall again.
    before = heard.audio_frames
    await progress.wait_for(lambda: heard.audio_frames >= before + 20, "the speaker's audio")

    await chair.call("live.end_floor", speaker_id=ward.site)
    for site in (chair, other):
        await progress.wait_for(
            lambda site=site: (
                saw(site, pc.CallFloor, site=None)
                and len([e for e in site.events_of(pc.CallMuted) if e.site == ward.site]) >= 3
            ),
            "the floor's end and the chair's mute again",
        )
        last = [e for e in site.events_of(pc.CallMuted) if e.site == ward.site][-1]
        assert (last.muted, last.by) == (True, "chair")


async def test_a_site_joining_while_it_holds_the_floor_gets_it(
    new_site: Sites, meeting: dict[str, Any], progress: Progress
) -> None:
    chair = await new_site("chair", 1)
    ward = await new_site("room", 2)
    await in_session(chair, meeting["id"])
    await ward.client.call("live.check_in", meeting_id=meeting["id"])
    await chair.client.call("live.give_floor", meeting_id=meeting["id"], person_id="per_room")
    await chair.join(meeting["id"])
    joined = await ward.join(meeting["id"])
    assert (joined.floor, joined.spotlight) == (ward.site, ward.site)
    await progress.wait_for(lambda: saw(chair, pc.CallFloor, site=ward.site), "the floor event")


async def test_joining_the_video_checks_a_ward_hall_in_online(
    new_site: Sites, meeting: dict[str, Any], progress: Progress
) -> None:
    chair = await new_site("chair", 1)
    ward = await new_site("room", 2)
    await ward.join(meeting["id"])  # before the session: nothing to check in to
    await in_session(chair, meeting["id"])
    await chair.join(meeting["id"])  # the hall's own laptop: its person checks in
    await ward.join(meeting["id"])  # the ward hall rejoins in session: present online
    state = await chair.client.call("live.state.get", meeting_id=meeting["id"])
    presence = {a["person_id"]: a["presence"] for a in state["attendance"]}
    assert presence["per_room"] == "online" and presence["per_chair"] is None
