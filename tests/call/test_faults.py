"""Leaving, vanishing, refused joins and hostile descriptions: the others are not disturbed."""

from __future__ import annotations

from typing import Any

import pytest

from ecabinet.net.client import ServerError
from meetings import protocol_call as pc
from server.app import RunningServer
from server.sfu import sfu_of
from tests.call.conftest import Login, Sites
from tests.call.peers import Progress
from tests.server.meeting_helpers import published_meeting


async def test_a_leaving_sites_tracks_end_for_the_others(
    new_site: Sites, meeting: dict[str, Any], progress: Progress
) -> None:
    chair = await new_site("chair", 1)
    ward = await new_site("room", 2)
    other = await new_site("room_hiep_thanh", 3)
    for site in (chair, ward, other):
        await site.join(meeting["id"])
    watchers = [chair.of(ward.site), other.of(ward.site)]
    for got in watchers:
        await progress.wait_for(lambda got=got: len(got.video) >= 3, "the ward")
    await ward.call("call.leave")
    for got in watchers:
        await progress.wait_for(lambda got=got: got.video_ended and got.audio_ended, "the end")
    last = chair.events_of(pc.CallParticipants)[-1]
    assert [v.site for v in last.sites] == [chair.site, other.site]
    # The others keep seeing each other.
    still = chair.of(other.site)
    count = len(still.video)
    await progress.wait_for(lambda: len(still.video) >= count + 10, "the other ward")


async def test_a_site_whose_websocket_vanishes_is_cleaned_up(
    new_site: Sites, meeting: dict[str, Any], progress: Progress, server: RunningServer
) -> None:
    chair = await new_site("chair", 1)
    ward = await new_site("room", 2)
    await chair.join(meeting["id"])
    await ward.join(meeting["id"])
    got = chair.of(ward.site)
    await progress.wait_for(lambda: len(got.video) >= 3, "the ward")
    ward.client.ws.transport.abort()  # no close handshake, no call.leave
    await progress.wait_for(lambda: got.video_ended and got.audio_ended, "the ward's end")
    room = sfu_of(server.state).find(meeting["id"])
    assert room is not None and list(room.sessions) == [chair.site]
    assert list(room.forwarder.publishers) == [chair.site]


async def test_joins_to_rooms_not_invited_to_are_refused(
    new_site: Sites, login: Login, progress: Progress, server: RunningServer
) -> None:
    secretary = await login("secretary")
    meeting = await published_meeting(secretary, invited_unit_ids=["ubnd", "phu-cuong"])
    chair = await new_site("chair", 1)
    await chair.join(meeting["id"])
    # Hiệp Thành's hall is not invited: the meeting does not even exist for it.
    stranger = await new_site("room_hiep_thanh", 3)
    with pytest.raises(ServerError) as unseen:
        await stranger.join(meeting["id"])
    assert unseen.value.code == "not_found"
    # The clerk sees the meeting but has no place in its call.
    clerk = await new_site("clerk", 4)
    with pytest.raises(ServerError) as refused:
        await clerk.join(meeting["id"])
    assert refused.value.code == "forbidden"
    room = sfu_of(server.state).find(meeting["id"])
    assert room is not None and list(room.sessions) == [chair.site]
    # A meeting without video has no room.
    hall_only = await published_meeting(secretary, video=False)
    with pytest.raises(ServerError) as no_video:
        await chair.client.call("call.join", meeting_id=hall_only["id"], offer="v=0\r\n" * 3)
    assert no_video.value.code == "invalid_state"


BAD_OFFERS = {
    "not sdp": "hello, this is not a session description",
    "control characters": "v=0\r\n\x00\x01\x02" + "x" * 20,
    "audio only": "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n"
    "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=sendonly\r\n",
    "three m-lines, nonsense inside": "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n"
    + "".join(
        f"m={k} 9 UDP/TLS/RTP/SAVPF 96\r\na=sendonly\r\na=rtpmap:96 bogus/1\r\n"
        for k in ("audio", "video", "video")
    ),
}


@pytest.mark.parametrize("offer", list(BAD_OFFERS.values()), ids=list(BAD_OFFERS))
async def test_bad_offers_get_a_typed_error_and_disturb_nobody(
    offer: str, new_site: Sites, meeting: dict[str, Any], progress: Progress
) -> None:
    chair = await new_site("chair", 1)
    ward = await new_site("room", 2)
    await chair.join(meeting["id"])
    await ward.join(meeting["id"])
    hostile = await new_site("room_hiep_thanh", 3)
    with pytest.raises(ServerError) as refused:
        await hostile.client.call("call.join", meeting_id=meeting["id"], offer=offer)
    assert refused.value.code == "bad_request"
    assert "problem" in refused.value.details
    # A real offer built from the client's own connection, tampered with: still refused.
    hostile.offer_tracks()
    await hostile.publish.setLocalDescription(await hostile.publish.createOffer())
    tampered = hostile.publish.localDescription.sdp.replace("VP8/90000", "XYZ/90000")
    with pytest.raises(ServerError) as again:
        await hostile.client.call("call.join", meeting_id=meeting["id"], offer=tampered)
    assert again.value.code == "bad_request"
    # A stale answer is refused as a conflict.
    with pytest.raises(ServerError) as stale:
        await ward.call("call.answer", revision=99, answer="v=0\r\n" + "a=x\r\n" * 4)
    assert stale.value.code == "conflict"
    got = chair.of(ward.site)
    count = len(got.video)
    await progress.wait_for(lambda: len(got.video) >= count + 10, "the ward, undisturbed")
    assert [v.site for v in chair.events_of(pc.CallParticipants)[-1].sites] == [
        chair.site,
        ward.site,
    ]
