"""Offline: cached documents open with the server gone, an offline comment arrives after the
reconnection, and a private note survives a restart of the client."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ecabinet.core.settings import Settings
from ecabinet.net.client import Client
from ecabinet.offline.vault import MAGIC
from tests.client.conftest import ServerHandle, wait_signal
from tests.client.harness import close_window, new_window, sign_in
from tests.client.screens import save_screenshot


def draft_of(window: Any) -> Any:
    for detail in window.store.details.values():
        for document in detail.documents:
            if document.is_draft:
                return detail, document
    raise AssertionError("the demo has a draft document")


async def test_offline_reading_and_comment_sent_on_reconnect(
    qtbot: QtBot, demo: tuple[ServerHandle, str], settings: Settings
) -> None:
    server, password = demo
    window = new_window(qtbot, settings)
    await sign_in(qtbot, window, server.url, "phochutich1", password)
    assert window.sync is not None and window.vault is not None
    fetched = await window.sync.start()
    assert fetched > 0
    meeting, draft = draft_of(window)
    stored = window.vault.document_path(draft.id).read_bytes()
    assert stored.startswith(MAGIC) and b"%PDF" not in stored  # encrypted at rest

    lost = wait_signal(window.connection.state_changed, check=lambda s: s == "reconnecting")
    await server.stop()
    await lost
    assert window.workspace is not None
    page = await window.workspace.open_meeting(meeting.id)
    assert page is not None
    tab = await window.workspace.open_document(draft.id)
    assert tab is not None and tab.viewer.page_count == draft.pages

    tab.panel.comment_text.setPlainText("Đề nghị bổ sung chỉ tiêu về chữ ký số.")
    queued = wait_signal(window.outbox.changed)
    qtbot.mouseClick(tab.panel.comment_button, Qt.MouseButton.LeftButton)
    assert await queued == (1,)
    assert tab.panel.comments.rows[-1]["pending"]
    save_screenshot(window, "offline-comment-waiting")

    sent = wait_signal(window.outbox.changed, timeout=30, check=lambda n: n == 0)
    await server.start()
    await sent
    secretary = await Client.connect(server.url, pinned=server.fingerprint)
    await secretary.login("thuky", password)
    comments = await secretary.call("comments.list", document_id=draft.id)
    assert [c["text"] for c in comments].count("Đề nghị bổ sung chỉ tiêu về chữ ký số.") == 1
    await secretary.close()
    await close_window(window)


async def test_a_note_survives_a_client_restart(
    qtbot: QtBot, demo: tuple[ServerHandle, str], settings: Settings
) -> None:
    server, password = demo
    window = new_window(qtbot, settings)
    await sign_in(qtbot, window, server.url, "phochutich1", password)
    assert window.sync is not None
    await window.sync.start()  # loads the agendas of upcoming meetings
    _meeting, draft = draft_of(window)
    assert window.workspace is not None
    tab = await window.workspace.open_document(draft.id)
    assert tab is not None
    tab.viewer.go_to_page(2)
    tab.panel.note_text.setPlainText("Hỏi lại số liệu giải ngân vốn đầu tư công.")
    saved = wait_signal(window.annotations.notes_changed)
    qtbot.mouseClick(tab.panel.pin_button, Qt.MouseButton.LeftButton)
    await saved
    await close_window(window)

    again = new_window(qtbot, settings)
    await sign_in(qtbot, again, server.url, "phochutich1", password)
    assert again.workspace is not None
    reopened = await again.workspace.open_document(draft.id)
    assert reopened is not None
    rows = reopened.panel.notes.rows
    assert [(r["page"], r["text"]) for r in rows] == [
        (2, "Hỏi lại số liệu giải ngân vốn đầu tư công.")
    ]
    save_screenshot(again, "note-after-restart")
    await close_window(again)
