"""The client's call with real sites: the others' pictures and sound, mute, reconnecting."""

from __future__ import annotations

from typing import Any

from ecabinet.call.controller import CallController, site_number
from ecabinet.call.media_thread import MediaThread
from ecabinet.call.model import Phase, Quality
from tests.call_client.conftest import Connect, Sites
from tests.call_client.helpers import open_call, watch_numbers
from tests.support.progress import Progress


async def test_client_sees_the_others_and_they_see_it(
    connect: Connect,
    new_site: Sites,
    remote: MediaThread,
    meeting: dict[str, Any],
    progress: Progress,
    calls: list[CallController],
) -> None:
    connection = await connect("chair")
    controller = open_call(connection, meeting["id"], progress)
    calls.append(controller)
    seen = watch_numbers(controller, progress)
    ward = await new_site("room", 2)
    await remote.run(ward.join(meeting["id"]))
    assert await controller.start()
    other = await new_site("room_hiep_thanh", 3)
    await remote.run(other.join(meeting["id"]))
    session = controller.session
    assert session.phase is Phase.JOINED
    me = session.site
    mine = site_number(me)

    await progress.wait_for(
        lambda: seen.get(ward.site) == {2} and seen.get(other.site) == {3},
        "the client to show sites 2 and 3",
    )
    await progress.wait_for(lambda: seen.get(me) == {mine}, "the client's own self view")
    await progress.wait_for(
        lambda: any(v.number == mine for v in ward.of(me).video), "the ward to see the client"
    )
    assert set(session.room.sites) == {me, ward.site, other.site}
    # Both others' sound reaches the mixer and is played; this site's own never.
    await progress.wait_for(
        lambda: (
            session.room.sites[ward.site].audio_frames > 20
            and session.room.sites[other.site].audio_frames > 20
        ),
        "audio from both others",
    )
    assert me not in controller.mixer.sites()
    assert controller.mixer.refused_own == 0
    playback = controller.playback
    assert playback is not None
    await progress.wait_for(lambda: playback.frames > 25, "half a second played")
    assert playback.level > -60  # the others' tones, not silence
    # The toolbar's quality measure, from this site's own connections.
    await progress.wait_for(
        lambda: session.local.quality is not Quality.UNKNOWN, "the connection measured"
    )
    assert session.local.quality is Quality.GOOD  # loopback
    await controller.leave()
    assert session.phase is Phase.ENDED


async def test_mute_stops_own_audio_at_the_others(
    connect: Connect,
    new_site: Sites,
    remote: MediaThread,
    meeting: dict[str, Any],
    progress: Progress,
    calls: list[CallController],
) -> None:
    connection = await connect("chair")
    controller = open_call(connection, meeting["id"], progress)
    calls.append(controller)
    session = controller.session
    ward = await new_site("room", 2)
    await remote.run(ward.join(meeting["id"]))
    assert await controller.start()
    me = session.site
    await progress.wait_for(lambda: ward.of(me).audio_frames > 25, "the client's audio at the ward")

    assert await controller.attempt(session.set_muted(True))
    await progress.wait_for(
        lambda: session.room.sites[me].muted == "self", "the server to report the mute"
    )
    at_mute = ward.of(me).audio_frames
    frames_then = len(ward.of(me).video)
    await progress.wait_for(
        lambda: len(ward.of(me).video) > frames_then + 20, "two more seconds of the client's video"
    )
    assert ward.of(me).audio_frames - at_mute < 10  # what was on the way, then nothing

    assert await controller.attempt(session.set_muted(False))
    unmuted_at = ward.of(me).audio_frames
    await progress.wait_for(
        lambda: ward.of(me).audio_frames > unmuted_at + 25, "audio again after unmuting"
    )

    # Camera off sends black pictures (no pattern to read); on again, the pattern is back.
    controller.act(session.set_camera, False)
    dark_from = ward.of(me).unreadable
    await progress.wait_for(lambda: ward.of(me).unreadable > dark_from + 10, "black pictures")
    controller.act(session.set_camera, True)
    seen = len(ward.of(me).video)
    await progress.wait_for(lambda: len(ward.of(me).video) > seen + 5, "the picture back")
    await controller.leave()


async def test_removed_by_the_chair_ends_the_call_and_says_why(
    connect: Connect,
    new_site: Sites,
    remote: MediaThread,
    meeting: dict[str, Any],
    progress: Progress,
    vietnamese: Any,
    calls: list[CallController],
) -> None:
    chair = await new_site("chair", 7)
    await remote.run(chair.join(meeting["id"]))
    connection = await connect("room")
    controller = open_call(connection, meeting["id"], progress)
    calls.append(controller)
    assert await controller.start()
    session = controller.session
    await remote.run(chair.call("call.control", action="remove", site=session.site))
    await progress.wait_for(lambda: session.phase is Phase.ENDED, "the call to end")
    assert session.end_reason == "removed"
    assert controller.phase_text() == "Chủ trì đã mời điểm cầu này ra khỏi cuộc họp."
    assert session.rejoins == 0  # removed is final: no joining again by itself
