"""The live part of `make demo`'s headless tour on a real demo server: it runs to the end,
writes its shots, and leaves the seeded meetings as they were (its own meeting archived, and
one an interrupted earlier run left in session put away too)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from ecabinet.demo_tour import TOUR_TITLE, live_meeting
from ecabinet.net.client import Client
from server.app import running
from server.config import ServerConfig
from server.demo.seed import seed_demo
from server.demo.tour import print_tour
from tests.server.conftest import FAST_AUTH


async def test_demo_tour_runs_a_live_meeting_and_leaves_the_demo_as_it_was(
    qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "demo-data"
    city = seed_demo(data, auth=FAST_AUTH)
    out = tmp_path / "out"
    out.mkdir()
    async with running(ServerConfig(data_dir=data, port=0, auth=FAST_AUTH)) as srv:
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

    assert not [n for n in notes if "stopped early" in n], notes
    assert any("Đồng ý 4, Không đồng ý 1, Không biểu quyết 1" in n for n in notes), notes
    names = [name for name, _caption in shots]
    assert len(names) == 6 and all((out / name).stat().st_size > 10_000 for name in names)
    assert "Đang phát biểu: Điểm cầu phường Phú Cường" in shots[1][1]
    # The seeded meetings are untouched; the tour's own meeting is archived.
    assert {k: after[k]["status"] for k in before} == before
    assert after[leftover["id"]]["status"] == "archived"
    (tour,) = [m for k, m in after.items() if k not in before and k != leftover["id"]]
    assert tour["title"] == TOUR_TITLE and tour["status"] == "archived"

    # The server's printed tour lists the seeded meetings and only counts the tour's.
    capsys.readouterr()
    print_tour(data, city, srv.url, srv.fingerprint or "")
    printed = capsys.readouterr().out
    assert "Cuộc họp / meetings: 3" in printed
    assert "(và 2 phiên trình diễn" in printed and TOUR_TITLE not in printed
