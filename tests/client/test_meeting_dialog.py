"""The secretary creates and edits a meeting through its dialog, and replaces a document with
a new version; an invited delegate is told, with a badge on the calendar tab."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from ecabinet.agenda.page import MeetingPage
from ecabinet.core.meeting_time import MEETING_ZONE, meeting_today
from ecabinet.core.settings import Settings
from ecabinet.secretary.meeting_dialog import checked_ids
from tests.client.conftest import ORG_PASSWORD, ServerHandle, wait_signal
from tests.client.harness import close_window, new_window, sign_in
from tests.client.pdfs import numbered_pdf
from tests.client.screens import save_screenshot


def click_ok(qtbot: QtBot, dialog: object) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)  # type: ignore[attr-defined]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


async def test_secretary_creates_edits_and_replaces_and_delegate_is_told(
    qtbot: QtBot, server: ServerHandle, tmp_path: Path
) -> None:
    secretary = new_window(qtbot, Settings(tmp_path / "a" / "s.ini"))
    secretary.settings.cache_dir = tmp_path / "a" / "cache"
    delegate = new_window(qtbot, Settings(tmp_path / "b" / "s.ini"))
    delegate.settings.cache_dir = tmp_path / "b" / "cache"
    await sign_in(qtbot, secretary, server.url, "thuky", ORG_PASSWORD)
    await sign_in(qtbot, delegate, server.url, "daibieu", ORG_PASSWORD)
    workspace = secretary.workspace
    assert workspace is not None and delegate.workspace is not None
    assert workspace.new_meeting_button.isVisible()
    assert not delegate.workspace.new_meeting_button.isVisible()

    # New meeting, by keyboard shortcut, filled in as a person would.
    secretary.activateWindow()
    qtbot.waitUntil(secretary.isActiveWindow, timeout=10_000)
    qtbot.keyClick(workspace, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = workspace.editor.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.title.hasFocus(), timeout=10_000)
    day = meeting_today() + timedelta(days=2)
    dialog.title.setText("Họp bàn kế hoạch chuyển đổi số")
    dialog.day.setDate(QDate(day.year, day.month, day.day))
    dialog.starts.setTime(QTime(14, 0))
    dialog.ends.setTime(QTime(13, 0))
    click_ok(qtbot, dialog)
    assert dialog.isVisible() and dialog.message.isVisible()  # ends before it starts
    dialog.ends.setTime(QTime(16, 30))
    dialog.hall.setText("Phòng họp số 2")
    dialog.video.setChecked(True)
    dialog.set_checked(dialog.units, {"phu-cuong"})
    dialog.people_filter.setText("Đại")
    visible = [
        dialog.people.item(r).text()
        for r in range(dialog.people.count())
        if not dialog.people.item(r).isHidden()
    ]
    assert visible == ["Lê Văn Đại"]
    dialog.set_checked(dialog.people, {"per_delegate"})
    assert checked_ids(dialog.people) == ["per_delegate"]
    save_screenshot(dialog, "meeting-dialog-new")
    created = wait_signal(workspace.editor.saved)
    page_shown = wait_signal(workspace.currentChanged)  # the new meeting opens in a tab
    click_ok(qtbot, dialog)
    (meeting,) = await created
    assert workspace.editor.dialog is None  # closed with OK
    assert meeting.title == "Họp bàn kế hoạch chuyển đổi số"
    assert meeting.starts_at.astimezone(MEETING_ZONE).hour == 14
    assert meeting.ends_at.astimezone(MEETING_ZONE).minute == 30
    assert meeting.hall == "Phòng họp số 2" and meeting.video
    assert meeting.invited_unit_ids == ["phu-cuong"]
    assert meeting.invited_person_ids == ["per_delegate"]
    await page_shown
    page = workspace.currentWidget()
    assert isinstance(page, MeetingPage) and page.meeting.id == meeting.id
    assert page.edit_button.isVisible()

    # Publish: the delegate is invited by name, so a notification and a badge appear.
    workspace_b = delegate.workspace
    workspace_b.setCurrentIndex(1)  # reading the list, not the calendar
    assert workspace_b.badge == 0
    page.new_title.setText("Khai mạc")
    added = wait_signal(secretary.store.changed)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    await added
    told = wait_signal(delegate.notifier.notified)
    qtbot.mouseClick(page.publish_button, Qt.MouseButton.LeftButton)
    _title, text = await told
    assert text == meeting.title
    assert workspace_b.badge == 1
    assert workspace_b.tabText(0).endswith("(1)")

    # Edit: move it by an hour and rename it; the page redraws from the server's answer.
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    edit = workspace.editor.dialog
    assert edit is not None and edit.meeting is not None and edit.title.text() == meeting.title
    assert edit.starts.time() == QTime(14, 0) and edit.hall.text() == "Phòng họp số 2"
    edit.starts.setTime(QTime(15, 0))
    edit.title.setText("Họp bàn kế hoạch chuyển đổi số (dời giờ)")
    assert set(edit.fields()) == {"title", "starts_at"}
    save_screenshot(edit, "meeting-dialog-edit")
    moved = wait_signal(delegate.notifier.notified)
    saved = wait_signal(workspace.editor.saved)
    click_ok(qtbot, edit)
    (changed,) = await saved
    assert changed.starts_at.astimezone(MEETING_ZONE).hour == 15
    assert page.title.text().endswith("(dời giờ)")
    assert "15:00–16:30" in page.info.text()
    await moved
    assert workspace_b.badge == 2

    # A document, then a new version of it from the agenda.
    first = numbered_pdf(tmp_path / "ke-hoach.pdf", 2)
    await page.attach_files([first])
    assert [d.title for d in page.documents.documents] == ["ke-hoach"]
    page.documents_view.setCurrentIndex(page.documents.index(0))
    assert page.replace_button.isEnabled()
    old_id = page.documents.documents[0].id
    replaced = wait_signal(
        delegate.notifier.notified,
        check=lambda title, _text: "version" in title or "phiên bản" in title,
    )
    second = numbered_pdf(tmp_path / "ke-hoach-v2.pdf", 3)
    document = await page.replace_document(old_id, second)
    assert document is not None and document.previous_id == old_id and document.pages == 3
    await replaced
    assert any(d.id == document.id for d in page.meeting.documents)

    workspace_b.setCurrentIndex(0)  # looking at the calendar clears the badge
    assert workspace_b.badge == 0 and "(" not in workspace_b.tabText(0)
    save_screenshot(secretary, "meeting-edited")
    assert delegate.sync is not None
    await delegate.sync.start()  # the delegate's offline copy takes the new version too
    assert delegate.vault is not None and delegate.vault.has_document(document.id)
    await close_window(secretary)
    await close_window(delegate)
