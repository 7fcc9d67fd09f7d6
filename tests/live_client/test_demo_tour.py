"""The live part of `make demo`'s headless tour on a real demo server: it runs to the end,
writes its shots (the video session on the chair's screen and a ward hall's room PC among
them), leaves the call cleanly, and leaves the seeded meetings as they were (its own meeting
archived, and one an interrupted earlier run left in session put away too).

The server runs on a plain asyncio loop in a thread of its own, as `make demo` runs it in a
process of its own: the tour's Qt loop carries the windows, not the server's forwarding."""

from __future__ import annotations

import asyncio
import threading
from contextlib import AsyncExitStack
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from ecabinet.call.media_thread import MediaThread
from ecabinet.demo_live_tour import TOUR_TITLE, live_meeting
from ecabinet.net.client import Client
from media import aiortc_hooks
from server.app import RunningServer, running
from server.config import ServerConfig
from server.demo.seed import seed_demo
from server.demo.tour import print_tour
from server.sfu import find_room, shutdown
from tests.server.conftest import FAST_AUTH


async def test_demo_tour_runs_a_live_meeting_and_leaves_the_demo_as_it_was(
    qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "demo-data"
    city = seed_demo(data, auth=FAST_AUTH)
    out = tmp_path / "out"
    out.mkdir()
    remote = MediaThread("test-demo-server")
    stack = AsyncExitStack()

    async def start() -> RunningServer:
        config = ServerConfig(data_dir=data, port=0, auth=FAST_AUTH)
        return await stack.enter_async_context(running(config))

    async def stop() -> None:
        await shutdown(srv.state)
        await stack.aclose()

    media_threads = {t for t in threading.enumerate() if _media_thread(t)}
    srv = await remote.run(start())
    try:
        watcher = await Client.connect(srv.url, pinned=srv.fingerprint)
        try:
            await watcher.login("thuky", city.password)
            before = {m["id"]: m["status"] for m in await watcher.call("meetings.list")}
            # An earlier tour stopped halfway and left its meeting in session.
            leftover = await watcher.call(
                "meeting.create",
                title=TOUR_TITLE,
                organiser_unit_id="ubnd",
                starts_at="2026-11-20T08:00:00+07:00",
                ends_at="2026-11-20T09:00:00+07:00",
                video=True,
                invited_unit_ids=["ubnd"],
            )
            await watcher.call("agenda.add", meeting_id=leftover["id"], title="Khai mạc")
            for status in ("published", "in_progress"):
                await watcher.call("meeting.transition", meeting_id=leftover["id"], to=status)
            # Another stopped before starting its meeting, made in a hall without video or
            # ward halls: the tour brings it up to date and uses it.
            unstarted = await watcher.call(
                "meeting.create",
                title=TOUR_TITLE,
                organiser_unit_id="ubnd",
                starts_at="2026-11-21T08:00:00+07:00",
                ends_at="2026-11-21T09:00:00+07:00",
                hall="Phòng họp số 2",
                invited_unit_ids=["ubnd"],
            )
            await watcher.call("agenda.add", meeting_id=unstarted["id"], title="Khai mạc")
            await watcher.call("meeting.transition", meeting_id=unstarted["id"], to="published")
            shots: list[tuple[str, str]] = []
            quits = qapp.quitOnLastWindowClosed()
            qapp.setQuitOnLastWindowClosed(False)  # the tour's last window closing ends no loop
            try:
                notes = await live_meeting(
                    qapp, tmp_path / "home", srv.url, srv.fingerprint, city.password, out, shots
                )
            finally:
                qapp.setStyleSheet("")
                qapp.setQuitOnLastWindowClosed(quits)
            after = {m["id"]: m for m in await watcher.call("meetings.list")}
        finally:
            await watcher.close()
        # Nothing of the tour is left running on this loop (the watcher's reader is gone).
        pending = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        tour_ids = [k for k in after if k not in before and k != leftover["id"]]
        rooms_left = [k for k in tour_ids if find_room(srv.state, k) is not None]
    finally:
        await remote.run(stop())
        await remote.stop()
        aiortc_hooks.set_host_addresses(None)  # the tour's call pinned ICE to 127.0.0.1

    assert not [n for n in notes if "stopped early" in n], notes
    assert any("Đồng ý 4, Không đồng ý 1, Không biểu quyết 1" in n for n in notes), notes
    names = [name for name, _caption in shots]
    assert len(names) == 8 and all((out / name).stat().st_size > 10_000 for name in names)
    assert "Đang phát biểu: Điểm cầu phường Phú Cường" in shots[1][1]
    # The video: the chair and two ward halls, the hall's floor given to Hiệp Thành, which the
    # call follows (the chair pins it in the spotlight); then the room PC
    # of Phú Cường shows Hiệp Thành large. Everyone left the call, every media thread ended.
    captions = dict(shots)
    video = next(c for n, c in captions.items() if n.endswith("chair-video.png"))
    assert "3 sites" in video and "Điểm cầu phường Hiệp Thành holds the floor" in video
    assert "(Đang phát biểu: Điểm cầu phường Hiệp Thành)" in video  # the live floor panel
    hall = next(c for n, c in captions.items() if n.endswith("ward-hall-video.png"))
    assert "Điểm cầu phường Hiệp Thành large" in hall
    assert any(
        n.startswith("Video: the chair and 2 ward halls") and "receiving the chair's picture" in n
        for n in notes
    ), notes
    assert rooms_left == []
    assert pending == [], pending
    assert {t for t in threading.enumerate() if _media_thread(t)} <= media_threads
    # The seeded meetings are untouched; the tour's own meeting is archived.
    assert {k: after[k]["status"] for k in before} == before
    assert after[leftover["id"]]["status"] == "archived"
    (tour,) = [after[k] for k in tour_ids]
    assert tour["id"] == unstarted["id"]
    assert tour["title"] == TOUR_TITLE and tour["status"] == "archived"

    # The server's printed tour lists the seeded meetings and only counts the tour's.
    capsys.readouterr()
    print_tour(data, city, srv.url, srv.fingerprint or "")
    printed = capsys.readouterr().out
    assert "Cuộc họp / meetings: 3" in printed
    assert "(và 2 phiên trình diễn" in printed and TOUR_TITLE not in printed


def _media_thread(thread: threading.Thread) -> bool:
    """A call's media thread (the client's, or a demo site's)."""
    return thread.is_alive() and thread.name.startswith(("ecabinet-call-media", "demo-site-"))
