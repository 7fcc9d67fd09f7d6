"""A note edited on this laptop offline and on another device meanwhile: both versions are
kept, the person is asked, and the choice reaches the server. Notes are drawn on the page."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from pytestqt.qtbot import QtBot

from ecabinet.core.settings import Settings
from ecabinet.net.client import Client
from tests.client.conftest import ServerHandle, wait_signal
from tests.client.harness import close_window, new_window, sign_in
from tests.client.screens import save_screenshot


async def test_conflicting_note_is_shown_and_the_choice_is_kept(
    qtbot: QtBot, demo: tuple[ServerHandle, str], settings: Settings
) -> None:
    server, password = demo
    window = new_window(qtbot, settings)
    await sign_in(qtbot, window, server.url, "thuky", password)
    assert window.workspace is not None and window.annotations is not None
    assert window.outbox is not None
    page = await window.workspace.open_meeting(window.store.sorted_summaries()[-1].id)
    assert page is not None
    tab = await window.workspace.open_document(page.documents.documents[0].id)
    assert tab is not None
    document_id = tab.document.id
    note = await window.annotations.put_note(document_id, 1, 0.2, 0.3, "Bản đầu tiên")

    # Drawn on the page: a marker inside page 1, where the note was pinned.
    view = tab.viewer.view
    assert [m["id"] for m in view.markers] == [note["id"]]
    tab.viewer.go_to_page(1)
    rects = view.page_rects()
    box = view.marker_rect(view.markers[0], rects)
    assert box is not None and rects[0].contains(box)
    image = view.viewport().grab().toImage()
    colour = image.pixelColor((box.topLeft() + QPointF(3, 3)).toPoint())  # beside the ✎
    assert colour.red() > 200 and colour.blue() < 200, "a yellow marker on the page"
    save_screenshot(tab, "note-marker-on-page")

    # Another device of the same person edits the note while this laptop was offline...
    other = await Client.connect(server.url, pinned=server.fingerprint)
    await other.login("thuky", password)
    changed = wait_signal(window.annotations.notes_changed)
    await other.call(
        "note.put",
        note_id=note["id"],
        document_id=document_id,
        page=1,
        rect=note["rect"],
        text="Sửa trên máy khác",
        base_version=note["version"],
    )
    await changed
    # ...and this laptop's offline edit, started from the old version, goes out now.
    window.outbox.add_note(
        {
            "note_id": note["id"],
            "document_id": document_id,
            "page": 1,
            "rect": note["rect"],
            "text": "Sửa khi mất mạng",
            "base_version": note["version"],
        }
    )
    shown = wait_signal(window.annotations.conflicts_changed)
    await window.outbox.flush(window.connection)
    await shown
    panel = tab.panel
    assert panel.conflict_box.isVisible()
    assert "Sửa khi mất mạng" in panel.conflict_mine.text()
    assert "Sửa trên máy khác" in panel.conflict_theirs.text()
    texts = sorted(n["text"] for n in window.annotations.notes_for(document_id))
    assert texts == ["Sửa khi mất mạng", "Sửa trên máy khác"]  # nothing lost meanwhile
    save_screenshot(tab, "note-conflict")

    resolved = wait_signal(window.annotations.conflicts_changed)
    panel.keep_mine_button.click()
    await resolved
    assert not panel.conflict_box.isVisible()
    on_server = await other.call("notes.list", document_id=document_id)
    assert [(n["id"], n["text"]) for n in on_server] == [(note["id"], "Sửa khi mất mạng")]
    assert [n["text"] for n in window.annotations.notes_for(document_id)] == ["Sửa khi mất mạng"]
    assert len(view.markers) == 1
    await other.close()
    await close_window(window)
