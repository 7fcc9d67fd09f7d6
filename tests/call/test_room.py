"""Four sites in one meeting's room through the real server, with real aiortc peers."""

from __future__ import annotations

import itertools
from typing import Any

from meetings import protocol_call as pc
from tests.call.conftest import Sites
from tests.call.peers import CallSite, Progress

FOUR = (("chair", 1), ("room", 2), ("room_hiep_thanh", 3), ("room_chanh_nghia", 4))


async def join_four(new_site: Sites, meeting: dict[str, Any]) -> list[CallSite]:
    sites = [await new_site(key, number) for key, number in FOUR]
    for site in sites:
        await site.join(meeting["id"])
    return sites


def increasing(values: list[int]) -> bool:
    return all(b > a for a, b in itertools.pairwise(values))


async def test_four_sites_each_receive_the_others(
    new_site: Sites, meeting: dict[str, Any], progress: Progress
) -> None:
    sites = await join_four(new_site, meeting)
    numbers = {s.site: s.number for s in sites}
    for me in sites:
        for other in sites:
            if other is me:
                continue
            got = me.of(other.site)
            await progress.wait_for(
                lambda got=got: len(got.video) >= 10 and got.audio_frames >= 20,
                f"{me.site} to see and hear {other.site}",
            )
    for me in sites:
        assert me.site not in me.received  # nobody receives itself
        for site, got in me.received.items():
            assert {s.number for s in got.video} == {numbers[site]}
            # In order within each layer (the spotlight may have switched the layer once).
            for size in {s.size for s in got.video}:
                assert increasing([s.counter for s in got.video if s.size == size]), [
                    (s.counter, s.size) for s in got.video
                ]
            assert got.unreadable == 0
    # The tones are heard: someone became the active speaker, and everyone was told.
    ids = {s.site for s in sites}
    for me in sites:
        await progress.wait_for(
            lambda me=me: (
                any(e.site in ids for e in me.events_of(pc.CallSpeaker))
                or (me.joined is not None and me.joined.speaker in ids)
            ),
            "an active speaker",
        )
    # Everyone was told who is in the call, the hall first (it joined first).
    last = sites[-1].events_of(pc.CallParticipants)[-1]
    assert [v.site for v in last.sites] == [s.site for s in sites]
    assert [v.hall for v in last.sites] == [True, False, False, False]


async def test_the_chair_gets_statistics_for_every_site(
    new_site: Sites, meeting: dict[str, Any], progress: Progress
) -> None:
    sites = await join_four(new_site, meeting)
    chair = sites[0]
    ids = {s.site for s in sites}

    def full_stats() -> pc.CallStats | None:
        for event in reversed(chair.events_of(pc.CallStats)):
            if {v.site for v in event.sites} == ids and all(
                v.frames_forwarded > 0 and v.rtt_ms is not None for v in event.sites
            ):
                return event
        return None

    await progress.wait_for(lambda: full_stats() is not None, "statistics of every site")
    stats = full_stats()
    assert stats is not None
    for view in stats.sites:
        assert view.frames_in > 0 and view.bitrate_kbps > 0
        assert 0 <= view.loss <= 1
    # Statistics are the chair's: a ward hall gets none.
    assert not sites[1].events_of(pc.CallStats)
