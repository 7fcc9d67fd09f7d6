"""Presenting: the chair puts page 3 of a document on every screen; the delegate's viewer
opens on it, the delegate steps away to page 1, and "Follow presenter" brings them back to
the page the presenter is on now."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from ecabinet.documents.tab import DocumentTab
from ecabinet.live.presenting import FollowBar
from tests.client.pdfs import numbered_pdf
from tests.live.conftest import DELEGATES, Connect, running_meeting
from tests.live_client.conftest import OpenLive, click, live_view, save_shot, until


async def test_viewers_follow_the_presenter_and_come_back_with_one_click(
    qtbot: QtBot, live_window: OpenLive, connect: Connect, tmp_path: Path, vietnamese: Any
) -> None:
    secretary = await connect("thuky")
    meeting = await running_meeting(secretary, await connect("chutich"))
    mid = meeting["id"]
    paper = numbered_pdf(tmp_path / "to-trinh.pdf", 6)
    document = await secretary.upload(mid, paper, title="Tờ trình đầu tư công")
    chair_window, chair = await live_window("chutich", mid)
    delegate_window, delegate = await live_window(DELEGATES[0], mid)
    assert not chair.present.isHidden() and chair.present.document.count() == 1
    assert delegate.follower.tab is None

    chair.present.select_document(document.id)
    chair.present.page.setValue(3)
    click(qtbot, chair.present.present_button)

    await until(
        lambda: (
            delegate.follower.tab is not None and delegate.follower.tab.viewer.current_page == 3
        ),
        "the delegate's viewer on page 3",
    )
    tab = delegate.follower.tab
    assert isinstance(tab, DocumentTab) and tab.document.id == document.id
    assert delegate_window.workspace is not None
    assert delegate_window.workspace.currentWidget() is tab  # the document tab came forward
    bar = tab.findChild(FollowBar)
    assert bar is not None and bar.button.isChecked()
    assert bar.label.text() == "Trần Văn Chủ đang trình chiếu trang 3 (đang theo)"
    save_shot(delegate_window, "delegate-following-page-3")

    # The delegate steps away to read the first page: they stop following.
    tab.viewer.go_to_page(1)
    await until(lambda: not delegate.follower.following, "the delegate stepped away")
    assert not bar.button.isChecked()
    assert "bạn đang xem trang khác" in bar.label.text()

    # The chair turns to page 5 in their own viewer: that is the presented page now.
    await until(lambda: chair.follower.tab is not None, "the chair's own document tab")
    assert chair.follower.tab is not None
    chair.follower.tab.viewer.go_to_page(5)
    await until(
        lambda: (p := live_view(delegate).presentation) is not None and p.page == 5,
        "the presented page moved to 5",
    )
    assert tab.viewer.current_page == 1  # the delegate reads on, undisturbed

    # One click on "Follow presenter": back to the presenter's page.
    click(qtbot, bar.button)
    await until(lambda: tab.viewer.current_page == 5, "back on the presenter's page")
    assert delegate.follower.following and delegate.follow_bar.button.isChecked()
    save_shot(chair_window, "chair-presenting")

    # Stopping: nothing is presented; the delegate's tab stays where it is.
    click(qtbot, chair.present.stop_button)
    await until(lambda: live_view(delegate).presentation is None, "presenting stopped")
    assert delegate.follow_bar.label.text() == "Chưa có tài liệu nào được trình chiếu."
    assert tab.viewer.current_page == 5
