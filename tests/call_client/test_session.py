"""The client's call session with real sites: pictures and sound from the others, mute."""

from __future__ import annotations

from typing import Any

import av

from ecabinet.call.session import CallSession, Phase, Picture
from media.exceptions import PatternError
from media.synthetic import read_pattern
from tests.call.conftest import Sites
from tests.call.peers import CallSite
from tests.call_client.conftest import Connect, NewSession
from tests.support.progress import Progress


def pattern_of(picture: Picture) -> int | None:
    """The site number drawn in the picture the tile got, if it can be read back."""
    frame = av.VideoFrame(picture.width, picture.height, "rgb24")
    if frame.planes[0].line_size != picture.stride:
        return None
    frame.planes[0].update(picture.rgb)
    try:
        return read_pattern(frame).site
    except PatternError:
        return None


def watch(session: CallSession, progress: Progress) -> dict[str, set[int]]:
    seen: dict[str, set[int]] = {}

    def got(picture: Picture) -> None:
        number = pattern_of(picture)
        if number is not None:
            seen.setdefault(picture.site, set()).add(number)
        progress.notify()

    session.pictures.append(got)
    session.changed.append(lambda _what: progress.notify())
    return seen


async def test_client_sees_the_others_and_they_see_it(
    connect: Connect,
    new_session: NewSession,
    new_site: Sites,
    meeting: dict[str, Any],
    progress: Progress,
) -> None:
    chair = await connect("chair")
    session = new_session(chair, meeting["id"], 1)
    seen = watch(session, progress)
    ward: CallSite = await new_site("room", 2)
    await ward.join(meeting["id"])
    await session.join()
    other: CallSite = await new_site("room_hiep_thanh", 3)
    await other.join(meeting["id"])
    assert session.phase is Phase.JOINED

    await progress.wait_for(
        lambda: seen.get(ward.site) == {2} and seen.get(other.site) == {3},
        "the client's tiles to show sites 2 and 3",
    )
    me = session.site
    await progress.wait_for(
        lambda: any(v.number == 1 for v in ward.of(me).video), "the ward to see the client"
    )
    assert set(session.room.sites) == {me, ward.site, other.site}
    # The sound of both others is mixed; never this site's own.
    await progress.wait_for(
        lambda: (
            session.room.sites[ward.site].audio_frames > 20
            and session.room.sites[other.site].audio_frames > 20
        ),
        "audio from both others",
    )
    assert set(session.mixer.sites()) <= {ward.site, other.site}
    assert session.mixer.refused_own == 0


async def test_mute_stops_own_audio_at_the_others(
    connect: Connect,
    new_session: NewSession,
    new_site: Sites,
    meeting: dict[str, Any],
    progress: Progress,
) -> None:
    chair = await connect("chair")
    session = new_session(chair, meeting["id"], 1)
    ward: CallSite = await new_site("room", 2)
    await ward.join(meeting["id"])
    await session.join()
    me = session.site
    await progress.wait_for(lambda: ward.of(me).audio_frames > 25, "the client's audio at the ward")

    await session.set_muted(True)
    await progress.wait_for(
        lambda: session.room.sites[me].muted == "self", "the server to report the mute"
    )
    # What arrives after the mute took effect: at most what was already on the way.
    await progress.wait_for(lambda: any(v.number == 1 for v in ward.of(me).video), "video")
    at_mute = ward.of(me).audio_frames
    frames_then = len(ward.of(me).video)
    await progress.wait_for(
        lambda: len(ward.of(me).video) > frames_then + 20, "two more seconds of the client's video"
    )
    assert ward.of(me).audio_frames - at_mute < 10

    await session.set_muted(False)
    unmuted_at = ward.of(me).audio_frames
    await progress.wait_for(
        lambda: ward.of(me).audio_frames > unmuted_at + 25, "audio again after unmuting"
    )
