"""`python -m bench.sfu`: the 16-site video session through the eCabinet SFU and its baselines.

See `bench/sfu/__init__.py` for what is measured and how. Prints each run's figures, then a
summary ready to paste into docs/benchmarks.md, and writes everything to bench/out/sfu.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.harness import percentile
from bench.sfu.direct import direct_latencies
from bench.sfu.figures import Figures, compute, show
from bench.sfu.sites import SPOTLIGHT_INDEX, encode_site, planned, site_names
from bench.sfu.workers import System, Window, drive, loadavg

OUT = Path(__file__).resolve().parents[1] / "out" / "sfu.json"


def run_system(
    label: str,
    start: Callable[[int], Any],
    *,
    wards: int,
    workers: int,
    video: dict[int, Any],
    warmup: float,
    windows: list[Window],
    lossy: str | None,
    direct_p50: float | None,
) -> list[Figures]:
    plan = planned(wards)
    print(f"\n--- {label}: 1 hall + {wards} wards ---", flush=True)
    started = time.monotonic()
    with start(wards) as running:
        system: System = running.system
        measured, sites = drive(
            system,
            wards=wards,
            workers=workers,
            video=video,
            plan=plan,
            lossy=lossy,
            warmup=warmup,
            windows=windows,
        )
    results = []
    for window in measured:
        figures, _ = compute(label, window, sites, plan, lossy)
        show(figures, direct_p50)
        results.append(figures)
    print(f"({label} took {time.monotonic() - started:.0f} s)", flush=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--wards", type=int, default=15)
    parser.add_argument("--small-wards", type=int, default=3, help="sites - 1 for MediaRelay")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--warmup", type=float, default=8.0)
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--only", nargs="*", default=["ecabinet", "janus", "relay"])
    args = parser.parse_args()
    print(
        f"bench.sfu on {os.cpu_count()} cores, load average {loadavg():.1f}: "
        f"1 hall + {args.wards} wards, 30 fps, {args.seconds:.0f} s windows",
        flush=True,
    )
    from bench.sfu.workers import encode_all

    names = site_names(max(args.wards, args.small_wards))
    video = encode_all({key: index + 1 for index, key in enumerate(names)})
    _ = encode_site  # the pool imports it by name
    direct = asyncio.run(direct_latencies(min(args.seconds, 10)))
    direct_p50 = percentile(direct, 0.5)
    direct_p95 = percentile(direct, 0.95)
    print(f"direct peer to peer: video latency p50 {direct_p50:.1f} ms, p95 {direct_p95:.1f} ms")
    lossy = site_names(1)[SPOTLIGHT_INDEX]
    results: list[Figures] = []
    common = {"workers": args.workers, "video": video, "warmup": args.warmup}
    if "ecabinet" in args.only:
        from bench.sfu.session import Session

        results += run_system(
            "eCabinet SFU",
            Session,
            wards=args.wards,
            windows=[
                Window("no loss", args.seconds),
                Window("1% loss", args.seconds, 0.01),
                Window("5% loss", args.seconds, 0.05),
            ],
            lossy=lossy,
            direct_p50=direct_p50,
            **common,
        )
    skipped: dict[str, str] = {}
    if "janus" in args.only:
        from bench.sfu.janus import Janus, Unavailable

        try:
            results += run_system(
                "Janus videoroom",
                Janus,
                wards=args.wards,
                windows=[Window("no loss", args.seconds)],
                lossy=None,
                direct_p50=direct_p50,
                **common,
            )
        except Unavailable as why:
            skipped["Janus videoroom"] = str(why)
            print(f"\nJanus baseline skipped: {why}")
    if "relay" in args.only:
        from bench.sfu.relay import Relay
        from bench.sfu.session import Session

        # Decoding and re-encoding 16 sites would saturate two cores: both servers run the
        # smaller session in turn, for per-frame figures measured the same way.
        for label, start in (("aiortc MediaRelay", Relay), ("eCabinet SFU", Session)):
            results += run_system(
                label,
                start,
                wards=args.small_wards,
                windows=[Window("no loss", args.seconds)],
                lossy=None,
                direct_p50=direct_p50,
                **common,
            )
    report = {
        "machine": {"cores": os.cpu_count(), "python": platform.python_version()},
        "direct": {"p50": direct_p50, "p95": direct_p95, "frames": len(direct)},
        "runs": [f.as_dict() for f in results],
        "skipped": skipped,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print(f"\nwritten to {OUT}")


if __name__ == "__main__":
    main()
