"""`python main.py demo`: seed the demo city, start the server on loopback, show the suite.

With a display it opens the desktop client with the demo accounts on its login screen; without
one it prints a tour of what the server holds and, once the client exists, runs the client's
scripted tour headless and says where its screenshots and report are.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import subprocess
import sys
from pathlib import Path

from server.demo.seed import DemoCity, seed_demo
from server.demo.tour import print_tour


def parser() -> argparse.ArgumentParser:
    parse = argparse.ArgumentParser(prog="main.py demo", description=__doc__)
    parse.add_argument("--data", type=Path, default=Path("demo-data"))
    parse.add_argument("--port", type=int, default=8765)
    parse.add_argument("--out", type=Path, default=Path("demo-output"),
                       help="where the headless tour writes screenshots and its report")
    parse.add_argument("--headless", action="store_true", help="even when a display exists")
    parse.add_argument("--seed-only", action="store_true", help="seed the data folder and stop")
    return parse


def start_server(data: Path, port: int) -> tuple[subprocess.Popen[str], str, str]:
    """Run the server as its own process; returns it with its URL and certificate fingerprint."""
    process = subprocess.Popen(
        [sys.executable, "main.py", "server", "--data", str(data), "--host", "127.0.0.1",
         "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    url = fingerprint = ""
    assert process.stdout is not None
    for line in process.stdout:  # bounded: the server prints both lines at start, or exits
        if match := re.search(r"listening on (\S+)", line):
            url = match.group(1)
        if match := re.search(r"fingerprint: (\S+)", line):
            fingerprint = match.group(1)
            break
    if not url or not fingerprint:
        process.kill()
        raise SystemExit("the demo server did not start; is the port taken? try --port 0")
    return process, url, fingerprint


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    print(f"Seeding the demo city into {args.data}/ ...", flush=True)
    city: DemoCity = seed_demo(args.data)
    if args.seed_only:
        return 0
    process, url, fingerprint = start_server(args.data, args.port)
    try:
        asyncio.run(print_tour(url, fingerprint, city))
        headless = args.headless or not (os.environ.get("DISPLAY")
                                         or os.environ.get("WAYLAND_DISPLAY"))
        return run_client(url, fingerprint, city, headless, args.out)
    finally:
        process.terminate()
        process.wait(timeout=10)


def run_client(url: str, fingerprint: str, city: DemoCity, headless: bool, out: Path) -> int:
    try:
        from ecabinet import app  # noqa: F401
    except ImportError:
        print("\nThe desktop client is not part of this build yet; the server stays up.")
        print("Press Ctrl-C to stop.")
        try:
            while True:
                asyncio.run(asyncio.sleep(3600))
        except KeyboardInterrupt:
            return 0
    if headless:
        from ecabinet.demo_tour import run_tour

        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        report = asyncio.run(run_tour(url, fingerprint, out))
        print(f"\nNo display: ran the client's scripted tour headless.\n"
              f"Screenshots and report: {out.resolve()}/ (report: {report})")
        return 0
    from ecabinet.app import main as client_main

    return client_main(["--server", url, "--fingerprint", fingerprint, "--demo-accounts"])
