"""The call view with four sites: tiles labelled in Vietnamese, the others' pictures on them,
the speaker view, and the chair's menu on a tile."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ecabinet.call.controller import CallController
from ecabinet.call.media_thread import MediaThread
from ecabinet.call.model import Phase, Quality
from ecabinet.call.view import CallView
from ecabinet.core.settings import Settings
from ecabinet.data.meeting_store import MeetingStore
from server.app import RunningServer
from tests.call.conftest import USERNAMES
from tests.call_client.conftest import Connect, Sites
from tests.call_client.helpers import image_pattern, open_call, signed_in_window, start_meeting
from tests.client.harness import close_window, new_window, sign_in
from tests.client.screens import save_screenshot
from tests.server import org
from tests.support.progress import Progress


async def open_view(
    connect: Connect,
    key: str,
    meeting_id: str,
    progress: Progress,
    calls: list[CallController],
    *,
    chair: bool,
) -> CallView:
    connection = await connect(key)
    assert connection.me is not None
    store = MeetingStore()
    await store.refresh(connection)
    controller = open_call(connection, meeting_id, progress)
    calls.append(controller)
    view = CallView(
        controller,
        "Phiên họp thường kỳ tháng 12",
        may_control=chair,
        unit_names={u.id: u.name for u in store.directory.units.values()},
    )
    return view


async def test_four_sites_on_the_grid_and_the_speaker_view(
    qtbot: QtBot,
    vietnamese: Any,
    connect: Connect,
    new_site: Sites,
    meeting: dict[str, Any],
    progress: Progress,
    remote: MediaThread,
    calls: list[CallController],
) -> None:
    view = await open_view(connect, "chair", meeting["id"], progress, calls, chair=True)
    qtbot.addWidget(view)
    view.resize(1100, 720)
    view.show()
    wards = []
    for key, number in (("room", 2), ("room_hiep_thanh", 3), ("room_chanh_nghia", 4)):
        ward = await new_site(key, number)
        await remote.run(ward.join(meeting["id"]))
        wards.append(ward)
    assert await view.controller.start()
    session = view.session
    assert session.phase is Phase.JOINED

    def numbers() -> dict[str, int | None]:
        tiles = view.grid.tiles
        return {w.site: image_pattern(tiles[w.site].image) for w in wards if w.site in tiles}

    # The grid: every ward's picture on its own tile, read back from what the tile shows.
    if session.spotlight_layout:
        view.layout_button.click()
    await progress.wait_for(lambda: view.grid.big is None, "the grid")
    await progress.wait_for(
        lambda: numbers() == {wards[0].site: 2, wards[1].site: 3, wards[2].site: 4},
        "the three wards' patterns on their tiles",
    )
    assert len(view.grid.shown) == 4
    names = {site: tile.name for site, tile in view.grid.tiles.items()}
    assert names[session.site] == "Trần Văn Chủ · UBND thành phố Thủ Dầu Một"
    assert names[wards[0].site] == "Điểm cầu phường Phú Cường · UBND phường Phú Cường"
    assert names[wards[1].site].endswith("· UBND phường Hiệp Thành")
    assert view.leave_button.text() == "Rời cuộc họp"
    # The chair's tiles show the server's statistics of each site.
    ward_tile = view.grid.tiles[wards[0].site]
    await progress.wait_for(lambda: ward_tile.quality is Quality.GOOD, "the ward's quality")
    save_screenshot(view, "call-grid-4-sites")

    # The chair spotlights a ward; the speaker view shows it large, the grid does not.
    await view.controller.attempt(session.control("spotlight", wards[2].site))
    await progress.wait_for(lambda: session.room.spotlight == wards[2].site, "the spotlight")
    view.layout_button.click()
    await progress.wait_for(lambda: view.grid.big == wards[2].site, "ward 4 in the large tile")
    assert view.layout_button.text() == "Xem dạng lưới"
    big = view.grid.tiles[wards[2].site]
    await progress.wait_for(lambda: image_pattern(big.image) == 4, "ward 4's picture, large")
    save_screenshot(view, "call-speaker-view")

    # The chair's menu on a ward's tile mutes it.
    actions = {a.text(): a for a in view.tile_actions(wards[0].site)}
    assert set(actions) >= {"Trao quyền phát biểu", "Tắt tiếng", "Ghim", "Mời ra khỏi cuộc họp"}
    actions["Tắt tiếng"].trigger()
    tile = view.grid.tiles[wards[0].site]
    await progress.wait_for(lambda: tile.muted == "chair", "the ward muted by the chair")
    assert tile.muted_badge.isVisible() and "Chủ trì" in tile.muted_badge.text()
    await view.leave()


async def test_join_video_on_the_meeting_page_opens_the_call(
    qtbot: QtBot,
    vietnamese: Any,
    server: RunningServer,
    new_site: Sites,
    remote: MediaThread,
    meeting: dict[str, Any],
    progress: Progress,
    tmp_path: Path,
) -> None:
    ward = await new_site("room", 2)
    await remote.run(ward.join(meeting["id"]))
    window = new_window(qtbot, Settings(tmp_path / "chair.ini"))
    window.settings.cache_dir = tmp_path / "cache"
    await sign_in(qtbot, window, server.url, USERNAMES["delegate"], org.PASSWORD)
    workspace = window.workspace
    assert workspace is not None
    try:
        page = await workspace.open_meeting(meeting["id"])
        assert page is not None and page.call_button.isVisible()
        qtbot.mouseClick(page.call_button, Qt.MouseButton.LeftButton)
        await progress.wait_for(lambda: bool(workspace.call_views()), "the call tab")
        view = workspace.call_views()[0]
        assert workspace.currentWidget() is view
        assert not view.mute_all_button.isVisible()  # a delegate is no chair
        view.controller.on_picture.append(lambda *_args: progress.notify())
        tiles = view.grid.tiles
        await progress.wait_for(
            lambda: ward.site in tiles and image_pattern(tiles[ward.site].image) == 2,
            "the ward's picture in the tab",
        )
        # Closing the tab hangs up: the ward sees the site leave.
        workspace.tabCloseRequested.emit(workspace.indexOf(view))
        me = view.session.site
        await progress.wait_for(lambda: ward.of(me).video_ended, "the delegate's video to end")
    finally:
        await close_window(window)  # hangs up what is still open, and waits for hang-ups


async def test_the_call_sits_on_the_chairs_live_screen_and_outlives_it(
    qtbot: QtBot,
    vietnamese: Any,
    server: RunningServer,
    new_site: Sites,
    remote: MediaThread,
    meeting: dict[str, Any],
    progress: Progress,
    tmp_path: Path,
) -> None:
    ward = await new_site("room", 2)
    await remote.run(ward.join(meeting["id"]))
    window = await signed_in_window(qtbot, server.url, "chair", tmp_path)
    workspace = window.workspace
    assert workspace is not None
    try:
        page = await start_meeting(qtbot, workspace, meeting["id"], progress)
        qtbot.mouseClick(page.live_button, Qt.MouseButton.LeftButton)
        await progress.wait_for(lambda: bool(workspace.live_screens()), "the live screen")
        screen = workspace.live_screens()[0]
        assert screen.video_button.isVisible()
        qtbot.mouseClick(screen.video_button, Qt.MouseButton.LeftButton)
        await progress.wait_for(lambda: isinstance(screen.video, CallView), "the embedded call")
        view = workspace.call_views()[0]
        assert screen.video is view and workspace.indexOf(view) < 0
        assert workspace.currentWidget() is screen and not screen.video_button.isVisible()
        view.controller.on_picture.append(lambda *_args: progress.notify())
        await progress.wait_for(
            lambda: (
                ward.site in view.grid.tiles
                and image_pattern(view.grid.tiles[ward.site].image) == 2
            ),
            "the ward's picture on the chair's screen",
        )
        save_screenshot(window, "chair-live-screen-with-video")
        # Closing the live screen keeps the call: it moves to a tab of its own.
        workspace.tabCloseRequested.emit(workspace.indexOf(screen))
        assert workspace.indexOf(view) >= 0 and workspace.call_views() == [view]
        me = view.session.site
        assert not ward.of(me).video_ended
        # Closing its tab hangs up; closing the window at once waits for that hang-up.
        controller = view.controller
        workspace.tabCloseRequested.emit(workspace.indexOf(view))
        await close_window(window)
        assert controller.media.loop.is_closed()
        await progress.wait_for(lambda: ward.of(me).video_ended, "the chair's video to end")
    finally:
        await close_window(window)
