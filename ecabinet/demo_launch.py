"""Open the desktop client on the demo server, or run its scripted tour when there is no screen."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path


def run_demo_client(url: str, fingerprint: str, *, headless: bool, out: Path) -> int:
    if not headless:
        from ecabinet.app import main

        return main(["--server", url, "--demo-accounts"])
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication
    from qasync import QEventLoop

    from ecabinet.demo_tour import run_tour

    app = QApplication.instance() or QApplication([])
    loop = QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        report = loop.run_until_complete(run_tour(url, fingerprint, out))
    print(
        f"\nNo display here, so the client ran its scripted tour headless.\n"
        f"Screenshots and report: {out.resolve()}/ (report: {report})"
    )
    return 0
