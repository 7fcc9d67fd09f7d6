"""`python main.py demo`: seed the demo city, start the server on loopback, show the suite.

With a display it opens the desktop client with the demo accounts on its login screen; without
one it prints a tour of what the server holds and, once the client exists, runs the client's
scripted tour headless and says where its screenshots and report are.
"""

from __future__ import annotations

import argparse
import asyncio
import os
from pathlib import Path

from server import launcher
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


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    print(f"Seeding the demo city into {args.data}/ ...", flush=True)
    city: DemoCity = seed_demo(args.data)
    if args.seed_only:
        return 0
    try:
        server = launcher.start(args.data, args.port)
    except RuntimeError as exc:
        raise SystemExit(f"{exc}\nIs the port taken? Try --port 0.") from None
    url, fingerprint = server.url, server.fingerprint
    try:
        asyncio.run(print_tour(url, fingerprint, city))
        headless = args.headless or not (os.environ.get("DISPLAY")
                                         or os.environ.get("WAYLAND_DISPLAY"))
        return run_client(url, fingerprint, city, headless, args.out)
    finally:
        server.stop()


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
