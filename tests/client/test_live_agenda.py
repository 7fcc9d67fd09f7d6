"""A secretary builds and publishes an agenda; a delegate's client shows it without reloading."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ecabinet.agenda.model import ItemIdRole
from ecabinet.core.meeting_time import MEETING_ZONE
from ecabinet.core.settings import Settings
from tests.client.conftest import ORG_PASSWORD, ServerHandle, wait_signal
from tests.client.harness import close_window, new_window, sign_in
from tests.client.pdfs import numbered_pdf
from tests.client.screens import save_screenshot


async def test_secretary_publishes_and_delegate_sees_it_live(
    qtbot: QtBot, server: ServerHandle, tmp_path: Path
) -> None:
    secretary = new_window(qtbot, Settings(tmp_path / "a" / "s.ini"))
    secretary.settings.cache_dir = tmp_path / "a" / "cache"
    delegate = new_window(qtbot, Settings(tmp_path / "b" / "s.ini"))
    delegate.settings.cache_dir = tmp_path / "b" / "cache"
    await sign_in(qtbot, secretary, server.url, "thuky", ORG_PASSWORD)
    await sign_in(qtbot, delegate, server.url, "daibieu", ORG_PASSWORD)
    assert delegate.workspace is not None and secretary.workspace is not None
    assert delegate.workspace.list_model.rowCount() == 0

    start = (datetime.now(UTC) + timedelta(days=1)).replace(hour=1, minute=0, microsecond=0)
    draft = await secretary.workspace.secretary.create_meeting(
        title="Họp giao ban tháng 12",
        organiser_unit_id="ubnd",
        starts_at=start.isoformat(),
        ends_at=(start + timedelta(hours=3)).isoformat(),
        hall="Hội trường A",
        invited_unit_ids=["ubnd"],
    )
    assert draft is not None
    page = await secretary.workspace.open_meeting(draft.id)
    assert page is not None and page.tools.isVisible()

    for title, minutes in (("Khai mạc", 10), ("Báo cáo kinh tế - xã hội", 45), ("Thảo luận", 30)):
        page.new_title.setText(title)
        page.new_minutes.setValue(minutes)
        changed = wait_signal(secretary.store.changed)
        qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
        await changed
    assert page.agenda.total_minutes == 85
    assert "85" in page.total.text()

    # Drag "Thảo luận" above the report: the model asks, the server's answer redraws.
    changed = wait_signal(secretary.store.changed)
    drag = page.agenda.mimeData([page.agenda.index(2, 0)])
    page.agenda.dropMimeData(drag, Qt.DropAction.MoveAction, 1, 0, page.agenda.index(-1, -1))
    await changed
    assert [i.title for i in page.agenda.items] == [
        "Khai mạc",
        "Thảo luận",
        "Báo cáo kinh tế - xã hội",
    ]
    second_ends = start.astimezone(MEETING_ZONE) + timedelta(minutes=40)
    assert page.agenda.index(1, 1).data().endswith(f"{second_ends:%H:%M}")

    # Attach a PDF to the report item, with the progress bar.
    page.select_item(page.agenda.index(2, 0).data(ItemIdRole))
    pdf = numbered_pdf(tmp_path / "bao-cao-kinh-te.pdf", 3)
    await page.attach_files([pdf])
    assert page.progress.value() == pdf.stat().st_size
    assert [d.title for d in page.documents.documents] == ["bao-cao-kinh-te"]
    assert delegate.workspace.list_model.rowCount() == 0  # still a draft

    appeared = wait_signal(delegate.store.changed)
    qtbot.mouseClick(page.publish_button, Qt.MouseButton.LeftButton)
    await appeared
    assert delegate.workspace.list_model.rowCount() == 1
    assert delegate.workspace.list_model.index(0, 1).data() == "Họp giao ban tháng 12"
    assert delegate.notifier.last is not None
    assert delegate.workspace.badge == 0 or "(" in delegate.workspace.tabText(0)

    seen = await delegate.workspace.open_meeting(draft.id)
    assert seen is not None and not seen.tools.isVisible()
    assert [i.title for i in seen.agenda.items] == [
        "Khai mạc",
        "Thảo luận",
        "Báo cáo kinh tế - xã hội",
    ]

    # A change after publishing arrives live in the open page.
    changed = wait_signal(delegate.store.changed)
    page.new_title.setText("Bế mạc")
    page.new_minutes.setValue(5)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    await changed
    assert seen.agenda.rowCount() == 4
    assert seen.agenda.index(3, 2).data() == "Bế mạc"
    assert seen.agenda.total_minutes == 90
    save_screenshot(secretary, "secretary-agenda")
    save_screenshot(delegate, "delegate-agenda-live")

    # The secretary starts the meeting and later ends it; the delegate has no such buttons.
    def now(status: str) -> bool:
        return seen.meeting.status == status

    def mine_now(status: str) -> bool:
        return page.meeting.status == status

    assert page.start_button.isVisible() and not page.end_button.isVisible()
    assert not seen.start_button.isVisible() and seen.live_button.isVisible()
    for button, status in ((page.start_button, "in_progress"), (page.end_button, "ended")):
        changed = wait_signal(delegate.store.changed, check=lambda *_, s=status: now(s))
        mine = wait_signal(secretary.store.changed, check=lambda *_, s=status: mine_now(s))
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        await changed
        await mine
        assert seen.meeting.status == status and seen.live_button.isVisible()
        assert page.end_button.isVisible() is (status == "in_progress")
        assert not page.start_button.isVisible()
    await close_window(secretary)
    await close_window(delegate)
