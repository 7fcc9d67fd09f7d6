"""`python main.py demo`: seed the demo city, start the server on loopback, print a tour.

main.py then opens the desktop client on it (or, with no display, runs the client's scripted
tour headless); this module stays on the server's side of that line.
"""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass
from pathlib import Path

from server import launcher
from server.demo.seed import DemoCity, seed_demo
from server.demo.tour import print_tour


def parser() -> argparse.ArgumentParser:
    parse = argparse.ArgumentParser(prog="main.py demo", description=__doc__)
    parse.add_argument("--data", type=Path, default=Path("demo-data"))
    parse.add_argument("--port", type=int, default=8765)
    parse.add_argument(
        "--out",
        type=Path,
        default=Path("demo-output"),
        help="where the headless tour writes screenshots and its report",
    )
    parse.add_argument("--headless", action="store_true", help="even when a display exists")
    parse.add_argument("--seed-only", action="store_true", help="seed the data folder and stop")
    return parse


@dataclass
class Demo:
    server: launcher.ServerProcess
    city: DemoCity
    headless: bool
    out: Path


def start(argv: list[str]) -> Demo | None:
    """Seed and start the demo server; None when only seeding was asked for."""
    args = parser().parse_args(argv)
    print(f"Seeding the demo city into {args.data}/ ...", flush=True)
    city = seed_demo(args.data)
    if args.seed_only:
        return None
    try:
        server = launcher.start(args.data, args.port)
    except RuntimeError as exc:
        raise SystemExit(f"{exc}\nIs the port taken? Try --port 0.") from None
    print_tour(args.data, city, server.url, server.fingerprint)
    has_display = bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return Demo(server, city, args.headless or not has_display, args.out)
