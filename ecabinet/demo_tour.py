"""The headless tour of `make demo`: sign in as the secretary and a delegate, walk the main
screens; then run a short live meeting with its video session (`ecabinet/demo_live_tour.py`);
write screenshots and a short report.
"""

from __future__ import annotations

import asyncio
import contextlib
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path

from PySide6.QtWidgets import QApplication

from ecabinet.app import make_application, prepare
from ecabinet.core.settings import Settings
from ecabinet.demo_live_tour import DELEGATE, SECRETARY, is_tour_meeting, live_meeting, shot
from ecabinet.login.demo_accounts import load_demo_accounts
from ecabinet.net.connection import Connection
from ecabinet.shell.window import MainWindow


@contextlib.asynccontextmanager
async def qt_events(app: QApplication) -> AsyncIterator[None]:
    """Let Qt run beside whatever asyncio loop runs the tour (qasync's or a plain one)."""

    async def pump() -> None:
        while True:
            app.processEvents()
            await asyncio.sleep(0.01)

    task = asyncio.ensure_future(pump())
    try:
        yield
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)


async def _visit(
    window: MainWindow,
    url: str,
    username: str,
    password: str,
    out_dir: Path,
    shots: list[tuple[str, str]],
    who: str,
) -> list[str]:
    notes: list[str] = []
    window.login.server.setText(url)
    window.login.username.setText(username)
    window.login.password.setText(password)
    shot(window, out_dir, f"{username}-sign-in", shots, f"{who}: sign-in page")
    signed = await window.login_controller.sign_in(url, username, password)
    if signed is None:
        notes.append(f"{who} could not sign in: {window.login.message.text()}")
        return notes
    workspace = await window.enter(signed)
    shot(window, out_dir, f"{username}-calendar", shots, f"{who}: this week's calendar")
    workspace.setCurrentIndex(1)
    shot(window, out_dir, f"{username}-list", shots, f"{who}: the list of meetings")
    # The seeded meetings; the tour's own live meetings of earlier runs are left out.
    meetings = [m for m in window.store.sorted_summaries() if not is_tour_meeting(m.title)]
    notes.append(f"{who} sees {len(meetings)} meetings: " + "; ".join(m.title for m in meetings))
    if not meetings:
        return notes
    page = await workspace.open_meeting(meetings[-1].id)
    if page is None:
        return notes
    shot(
        window,
        out_dir,
        f"{username}-agenda",
        shots,
        f"{who}: agenda of “{page.meeting.title}”, {page.agenda.total_minutes} minutes",
    )
    if page.documents.documents:
        tab = await workspace.open_document(page.documents.documents[0].id)
        if tab is not None:
            tab.viewer.search_for("thành phố")
            await asyncio.sleep(0.5)  # let the renderer draw the page before the picture
            shot(
                window,
                out_dir,
                f"{username}-document",
                shots,
                f"{who}: “{tab.document.title}”, {tab.viewer.page_count} pages, "
                f"{tab.viewer.hit_count} hits for “thành phố”",
            )
    return notes


async def run_tour(server_url: str, fingerprint: str | None, out_dir: Path) -> Path:
    await asyncio.to_thread(out_dir.mkdir, parents=True, exist_ok=True)
    app = make_application([])
    password = load_demo_accounts()[0].password
    shots: list[tuple[str, str]] = []
    notes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="ecabinet-tour-") as home:
        async with qt_events(app):
            for username, who in ((SECRETARY, "Secretary"), (DELEGATE, "Delegate")):
                settings = Settings(Path(home) / username / "ecabinet.ini")
                settings.cache_dir = Path(home) / username / "cache"
                if fingerprint:
                    settings.pin_fingerprint(server_url, fingerprint)
                translations = prepare(app, settings)
                window = MainWindow(settings, Connection(), load_demo_accounts())
                window.resize(1280, 800)
                window.show()
                try:
                    notes += await _visit(
                        window, server_url, username, password, out_dir, shots, who
                    )
                finally:
                    await window.close_async()
                    window.close()
                    translations.switch("en")
            notes += await live_meeting(
                app, Path(home), server_url, fingerprint, password, out_dir, shots
            )
    report = out_dir / "client-tour.md"
    lines = ["# eCabinet desktop client: headless tour", "", f"Server: `{server_url}`", ""]
    lines += [f"- {n}" for n in notes] + [""]
    lines += [f"![{caption}]({name})\n\n{caption}\n" for name, caption in shots]
    report.write_text("\n".join(lines), encoding="utf-8")
    return report
