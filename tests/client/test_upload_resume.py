"""An upload that loses its connection half-way resumes where it stopped once the client has
reconnected by itself (the server finds the unfinished upload by its SHA-256)."""

from __future__ import annotations

import asyncio
import hashlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pytestqt.qtbot import QtBot

from ecabinet.core.settings import Settings
from server.pdfgen.large import make_large_pdf
from tests.client.conftest import ORG_PASSWORD, ServerHandle, wait_signal
from tests.client.harness import close_window, new_window, sign_in


async def test_upload_survives_a_server_restart(
    qtbot: QtBot, server: ServerHandle, settings: Settings, tmp_path: Path
) -> None:
    window = new_window(qtbot, settings)
    await sign_in(qtbot, window, server.url, "thuky", ORG_PASSWORD)
    workspace = window.workspace
    assert workspace is not None
    start = (datetime.now(UTC) + timedelta(days=1)).replace(microsecond=0)
    meeting = await workspace.secretary.create_meeting(
        title="Họp tiếp nhận hồ sơ lớn",
        organiser_unit_id="ubnd",
        hall="Hội trường A",
        starts_at=start.isoformat(),
        ends_at=(start + timedelta(hours=2)).isoformat(),
    )
    assert meeting is not None
    page = await workspace.open_meeting(meeting.id)
    assert page is not None
    pdf = tmp_path / "ho-so-lon.pdf"
    pdf.write_bytes(make_large_pdf(40, 6 * 1024 * 1024))

    seen: list[int] = []
    restarts: list[asyncio.Task[None]] = []
    show = page.show_progress

    stopped_at: list[int] = []

    async def restart() -> None:
        await server.stop()
        stopped_at.append(seen[-1])
        await server.start()

    def watch(done: int, total: int) -> None:
        seen.append(done)
        show(done, total)
        if len(seen) == 2 and not restarts:  # two chunks in: pull the plug
            restarts.append(asyncio.ensure_future(restart()))

    page.show_progress = watch  # type: ignore[method-assign]
    reconnected = wait_signal(window.connection.reconnected, timeout=60)
    document = await page.secretary.attach(meeting.id, None, pdf)
    await reconnected
    await restarts[0]
    assert document is not None
    assert stopped_at[0] < pdf.stat().st_size, "the server went down half-way"
    assert document.size == pdf.stat().st_size
    assert document.sha256 == hashlib.sha256(pdf.read_bytes()).hexdigest()
    # Resumed, not restarted: the byte counts only ever grow, and end at the whole file.
    assert seen == sorted(set(seen)) and seen[-1] == pdf.stat().st_size
    assert [d.id for d in window.store.details[meeting.id].documents] == [document.id]
    await close_window(window)
