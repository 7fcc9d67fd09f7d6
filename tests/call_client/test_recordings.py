"""The meeting's video recordings on the meeting page: listed with who and when, saved to a
file chosen in the save dialog, byte for byte the server's."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from ecabinet.call.media_thread import MediaThread
from ecabinet.call.recordings import RecordingsDialog
from server.app import RunningServer
from tests.call_client.conftest import Sites
from tests.call_client.helpers import signed_in_window, start_meeting
from tests.client.harness import close_window
from tests.client.screens import save_screenshot
from tests.support.progress import Progress


async def test_the_chair_lists_and_saves_a_recording(
    qtbot: QtBot,
    vietnamese: Any,
    server: RunningServer,
    new_site: Sites,
    remote: MediaThread,
    meeting: dict[str, Any],
    progress: Progress,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The hall records two seconds of a ward, through the protocol.
    hall = await new_site("chair", 1)
    ward = await new_site("room", 2)
    await remote.run(hall.join(meeting["id"]))
    await remote.run(ward.join(meeting["id"]))
    await remote.run(hall.call("call.record", recording=True))
    seen = len(hall.of(ward.site).video)
    await progress.wait_for(lambda: len(hall.of(ward.site).video) >= seen + 20, "2 s of video")
    await remote.run(hall.call("call.record", recording=False))

    window = await signed_in_window(qtbot, server.url, "chair", tmp_path)
    assert window.workspace is not None
    try:
        page = await start_meeting(qtbot, window.workspace, meeting["id"], progress)
        assert page.recordings_button.isVisible()
        assert page.recordings_button.text() == "Bản ghi hình…"
        dialog = await page.show_recordings()
        assert isinstance(dialog, RecordingsDialog)
        assert len(dialog.recordings) == 2
        cells = [dialog.table.item(row, 0) for row in range(dialog.table.rowCount())]
        names = [cell.text() for cell in cells if cell is not None]
        assert len(names) == 2 and all(n and not n.startswith("per_") for n in names)  # not ids
        assert not dialog.save_button.isEnabled()  # nothing chosen yet
        ward_row = next(i for i, r in enumerate(dialog.recordings) if r.site == ward.site)
        dialog.table.selectRow(ward_row)
        assert dialog.save_button.isEnabled()
        save_screenshot(dialog, "meeting-recordings")
        target = tmp_path / "phuong.mkv"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), "*.mkv"))
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        await progress.wait_for(lambda: target.exists(), "the saved file", seconds=30)
        recorded = dialog.recordings[ward_row]
        directory = server.state.config.data_dir / "recordings" / meeting["id"]
        assert target.read_bytes() == (directory / recorded.filename).read_bytes()
        await progress.wait_for(lambda: "Đã lưu" in dialog.status.text(), "'Saved' shown")
        dialog.close()
    finally:
        await close_window(window)
