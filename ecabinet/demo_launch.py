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
    from ecabinet.demo_tour import run_tour

    # The tour pumps Qt's events itself, so a plain asyncio loop runs it.
    report = asyncio.run(run_tour(url, fingerprint, out))
    print(
        f"\nNo display here, so the client ran its scripted tour headless.\n"
        f"Screenshots and report: {out.resolve()}/ (report: {report})"
    )
    return 0
