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
from bench.sfu.sites import SPOTLIGHT_INDEX, planned, site_names
from bench.sfu.workers import System, Window, drive, encode_all, loadavg

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


QUIET = "no loss"
BUSY = "busy machine"
"""A window with no loss while a process of other work spins (``--busy``)."""


def find(results: list[Figures], system: str, window: str, sites: int) -> Figures | None:
    for figures in results:
        if (figures.system, figures.window, figures.sites) == (system, window, sites):
            return figures
    return None


def summary(results: list[Figures], direct: tuple[float, float], load: float) -> str:
    """Markdown tables for docs/benchmarks.md: each system against the eCabinet SFU."""

    def added(f: Figures | None) -> str:
        if f is None or f.latency_p50 is None or f.latency_p95 is None:
            return "-"
        return f"{f.latency_p50 - direct[0]:.1f} / {f.latency_p95 - direct[1]:.1f} ms"

    def ratio(a: float, b: float) -> str:
        return f"{a / b:.2f}x" if b else "-"

    def freeze(f: Figures) -> str:
        return f"{f.others_freeze_ms:.0f} ms" if f.others_freeze_ms is not None else "-"

    lines = [f"Load average during the run: up to {load:.1f} (2 cores; the bench's own too).", ""]
    relay = next((f for f in results if f.system == "aiortc MediaRelay"), None)
    rows: list[tuple[str, Callable[[Figures], str], Callable[[Figures], float] | None]] = [
        ("server CPU, % of one core", lambda f: f"{100 * f.server_core:.0f} %", None),
        (
            "server CPU per delivered frame",
            lambda f: f"{f.cpu_per_frame_us:.0f} µs",
            lambda f: f.cpu_per_frame_us,
        ),
        ("frames delivered / sent", lambda f: f"{f.ratio:.3f}", None),
        ("added latency p50 / p95", added, None),
        ("longest freeze of a site's video", freeze, None),
        ("load generator CPU", lambda f: f"{100 * f.load_generator_core:.0f} %", None),
        ("other processes' CPU meanwhile", lambda f: f"{100 * f.others_core:.0f} %", None),
        (
            "UDP receive-buffer errors (server's sockets)",
            lambda f: f"{f.udp_errors} ({f.server_drops})",
            None,
        ),
        ("streams received / planned", lambda f: f"{f.streams} / {f.streams_planned}", None),
    ]
    for window in (QUIET, BUSY):
        sfu = [f for f in results if f.system == "eCabinet SFU" and f.window == window]
        big = max(sfu, key=lambda f: f.sites, default=None)
        janus = find(results, "Janus videoroom", window, big.sites) if big else None
        if big is None or (janus is None and relay is not None and big.sites <= relay.sites):
            continue
        heading = f"{big.sites} sites" + (", machine busy" if window == BUSY else "")
        lines += [
            f"| {heading} | eCabinet SFU | Janus videoroom | eCabinet / Janus |",
            "|---|---|---|---|",
        ]
        for label, text, value in rows:
            other = text(janus) if janus is not None else "not run"
            compared = ratio(value(big), value(janus)) if value and janus else ""
            lines.append(f"| {label} | {text(big)} | {other} | {compared} |")
        lines.append("")
    small = find(results, "eCabinet SFU", QUIET, relay.sites) if relay else None
    if relay is not None and small is not None:
        lines += [
            f"| {relay.sites} sites | eCabinet SFU | aiortc MediaRelay | MediaRelay / eCabinet |",
            "|---|---|---|---|",
            f"| server CPU, % of one core | {100 * small.server_core:.0f} % | "
            f"{100 * relay.server_core:.0f} % | |",
            f"| server CPU per delivered frame | {small.cpu_per_frame_us:.0f} µs | "
            f"{relay.cpu_per_frame_us:.0f} µs | "
            f"{ratio(relay.cpu_per_frame_us, small.cpu_per_frame_us)} |",
            f"| frames delivered / sent | {small.ratio:.3f} | {relay.ratio:.3f} | |",
            f"| other processes' CPU meanwhile | {100 * small.others_core:.0f} % | "
            f"{100 * relay.others_core:.0f} % | |",
            f"| added latency p50 / p95 | {added(small)} | {added(relay)} | |",
            "",
        ]
    lossy = [f for f in results if f.freeze_ms is not None]
    if lossy:
        lines += [
            "| loss on one publisher's packets | longest freeze at its subscribers | limit "
            "| longest freeze of any other site | streams received / planned | delivered / sent "
            "| UDP errors | other processes' CPU |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for f in lossy:
            limit = 500 if f.loss <= 0.01 else 1000
            others = f"{f.others_freeze_ms:.0f} ms" if f.others_freeze_ms is not None else "-"
            lines.append(
                f"| {f.loss:.0%} ({f.dropped} of {f.seen} packets) | {f.freeze_ms:.0f} ms "
                f"| {limit} ms | {others} | {f.streams} / {f.streams_planned} | {f.ratio:.3f} "
                f"| {f.udp_errors} "
                f"| {100 * f.others_core:.0f} % |"
            )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--wards", type=int, default=15)
    parser.add_argument("--small-wards", type=int, default=2, help="wards in the MediaRelay run")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--warmup", type=float, default=20.0)
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--only", nargs="*", default=["ecabinet", "janus", "relay"])
    parser.add_argument(
        "--busy",
        type=float,
        default=0.8,
        help="share of a core other work takes in one more window (0: no such window)",
    )
    args = parser.parse_args()
    print(
        f"bench.sfu on {os.cpu_count()} cores, load average {loadavg():.1f}: "
        f"1 hall + {args.wards} wards, 30 fps, {args.seconds:.0f} s windows",
        flush=True,
    )
    names = site_names(max(args.wards, args.small_wards))
    video = encode_all({key: index + 1 for index, key in enumerate(names)})
    direct = asyncio.run(direct_latencies(min(args.seconds, 10)))
    direct_p50 = percentile(direct, 0.5)
    direct_p95 = percentile(direct, 0.95)
    print(f"direct peer to peer: video latency p50 {direct_p50:.1f} ms, p95 {direct_p95:.1f} ms")
    lossy = site_names(1)[SPOTLIGHT_INDEX]
    results: list[Figures] = []
    common = {"workers": args.workers, "video": video, "warmup": args.warmup}
    busy = [Window(BUSY, args.seconds, busy=args.busy)] if args.busy > 0 else []
    if "ecabinet" in args.only:
        from bench.sfu.session import Session

        results += run_system(
            "eCabinet SFU",
            Session,
            wards=args.wards,
            windows=[
                Window(QUIET, args.seconds),
                Window("1% loss", args.seconds, 0.01),
                Window("5% loss", args.seconds, 0.05),
                *busy,
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
                windows=[Window(QUIET, args.seconds), *busy],
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
                windows=[Window(QUIET, args.seconds)],
                lossy=None,
                direct_p50=direct_p50,
                **common,
            )
    load = max([f.load for f in results], default=loadavg())
    text = summary(results, (direct_p50, direct_p95), load)
    print("\n=== summary (docs/benchmarks.md, Video) ===\n")
    print(
        f"direct peer to peer (latency baseline): p50 {direct_p50:.1f} ms, p95 {direct_p95:.1f} ms"
    )
    for name, reason in skipped.items():
        print(f"{name}: skipped ({reason})")
    print(text)
    report = {
        "machine": {
            "cores": os.cpu_count(),
            "python": platform.python_version(),
            "load_average": load,
        },
        "summary": text,
        "direct": {"p50": direct_p50, "p95": direct_p95, "frames": len(direct)},
        "runs": [f.as_dict() for f in results],
        "skipped": skipped,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print(f"\nwritten to {OUT}")


if __name__ == "__main__":
    main()
