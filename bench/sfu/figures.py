"""From the sites' logs and the parent's measurements to the figures of one window."""

from __future__ import annotations

import bisect
import itertools
from dataclasses import asdict, dataclass
from typing import Any

from bench.harness import percentile
from bench.sfu.workers import Measured


@dataclass
class Figures:
    system: str
    window: str
    loss: float
    sites: int
    seconds: float
    server_core: float
    """Server CPU over the window, in cores (1.0 is one core busy)."""
    delivered: int
    """Frames (video and audio) that reached the sites' receive taps."""
    sent: int
    """Frames the publishers sent on the streams the sites received."""
    streams: int
    streams_planned: int
    cpu_per_frame_us: float
    cpu_per_stream: float
    """Server CPU per received stream, in cores."""
    latency_p50: float | None
    latency_p95: float | None
    latency_frames: int
    load_generator_core: float
    udp_errors: int
    server_drops: int
    workers_drops: int
    load: float
    others_core: float
    """CPU the machine's other processes used meanwhile, in cores (other test runs)."""
    freeze_ms: float | None
    """Longest gap between video frames of the lossy site at any of its subscribers."""
    others_freeze_ms: float | None
    """The same for every other site: what the machine alone did to the stream."""
    dropped: int
    seen: int
    undecodable: int

    @property
    def ratio(self) -> float:
        return self.delivered / self.sent if self.sent else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "delivered_over_sent": self.ratio}


def send_index(sites: dict[str, Any]) -> dict[tuple[str, str, int], list[float]]:
    index: dict[tuple[str, str, int], list[float]] = {}
    for site, data in sites.items():
        for kind, log in data["sent"].items():
            for position, at in log:
                index.setdefault((site, kind, position), []).append(at)
    for times in index.values():
        times.sort()
    return index


def latencies(
    index: dict[tuple[str, str, int], list[float]], frames: list[tuple[str, str, int, float]]
) -> list[float]:
    """Video frames: arrival minus the latest send of the same clip frame before it, in ms."""
    result = []
    for site, kind, position, arrival in frames:
        if kind == "audio" or position < 0:
            continue
        sends = index.get((site, kind, position))
        if not sends:
            continue
        at = bisect.bisect_right(sends, arrival)
        if at:
            result.append(1000 * (arrival - sends[at - 1]))
    return result


def compute(
    system: str,
    measured: Measured,
    sites: dict[str, Any],
    plan: dict[str, dict[str, str]],
    lossy: str | None,
) -> tuple[Figures, list[float]]:
    t0, t1 = measured.start, measured.end
    elapsed = t1 - t0
    sent_counts: dict[tuple[str, str], int] = {}
    for site, data in sites.items():
        for kind, log in data["sent"].items():
            sent_counts[(site, kind)] = sum(1 for _, at in log if t0 <= at < t1)
    streams: dict[tuple[str, str, str], int] = {}
    window_frames = []
    freeze = None
    others: float | None = None
    for receiver, data in sites.items():
        mine = [f for f in data["frames"] if t0 <= f[3] < t1]
        window_frames.extend(mine)
        for site, kind, _, _ in mine:
            key = (receiver, site, kind)
            streams[key] = streams.get(key, 0) + 1
        if lossy is not None and lossy in plan.get(receiver, {}):
            times = sorted(f[3] for f in mine if f[0] == lossy and f[1] != "audio")
            edges = [t0, *times, t1]
            gap = max(b - a for a, b in itertools.pairwise(edges))
            freeze = gap if freeze is None else max(freeze, gap)
        for site in {f[0] for f in mine if f[0] != lossy and f[1] != "audio"}:
            times = sorted(f[3] for f in mine if f[0] == site and f[1] != "audio")
            gap = max(b - a for a, b in itertools.pairwise([t0, *times, t1]))
            others = gap if others is None else max(others, gap)
    delivered = sum(streams.values())
    sent = sum(sent_counts.get((site, kind), 0) for _, site, kind in streams)
    values = latencies(send_index(sites), window_frames)
    lossy_data = sites.get(lossy or "", {}).get("dropper") or {}
    figures = Figures(
        system=system,
        window=measured.window.name,
        loss=measured.window.loss,
        sites=len(sites),
        seconds=elapsed,
        server_core=measured.server_cpu / elapsed,
        delivered=delivered,
        sent=sent,
        streams=len(streams),
        streams_planned=2 * sum(len(row) for row in plan.values()),
        cpu_per_frame_us=1e6 * measured.server_cpu / delivered if delivered else 0.0,
        cpu_per_stream=measured.server_cpu / elapsed / len(streams) if streams else 0.0,
        latency_p50=percentile(values, 0.5) if values else None,
        latency_p95=percentile(values, 0.95) if values else None,
        latency_frames=len(values),
        load_generator_core=measured.workers_cpu / elapsed,
        udp_errors=measured.udp_errors,
        server_drops=measured.server_drops,
        workers_drops=measured.workers_drops,
        load=measured.load,
        others_core=measured.others_cpu / elapsed,
        freeze_ms=None if freeze is None or not measured.window.loss else 1000 * freeze,
        others_freeze_ms=None if others is None else 1000 * others,
        dropped=sum(1 for at in lossy_data.get("dropped", ()) if t0 <= at < t1),
        seen=sum(1 for at in lossy_data.get("seen", ()) if t0 <= at < t1),
        undecodable=sum(int(d.get("undecodable", 0)) for d in sites.values()),
    )
    return figures, values


def show(figures: Figures, direct_p50: float | None) -> None:
    f = figures
    print(
        f"{f.system}, {f.window}: {f.sites} sites, {f.seconds:.1f} s; other processes of the "
        f"machine used {100 * f.others_core:.0f}% of a core meanwhile"
    )
    print(
        f"  server CPU {100 * f.server_core:.0f}% of one core; "
        f"{f.cpu_per_frame_us:.0f} µs per delivered frame; "
        f"{100 * f.cpu_per_stream:.2f}% of a core per stream ({f.streams} streams, "
        f"{f.streams_planned} planned)"
    )
    print(f"  delivered / sent: {f.delivered} / {f.sent} = {f.ratio:.3f}")
    if f.latency_p50 is not None and f.latency_p95 is not None:
        added = ""
        if direct_p50 is not None:
            added = f" (added over direct: p50 {f.latency_p50 - direct_p50:.1f} ms)"
        print(
            f"  video latency p50 {f.latency_p50:.1f} ms, p95 {f.latency_p95:.1f} ms "
            f"over {f.latency_frames} frames{added}"
        )
    if f.freeze_ms is not None:
        print(
            f"  loss {f.loss:.0%} on one publisher (dropped {f.dropped} of {f.seen} packets): "
            f"longest freeze at its subscribers {f.freeze_ms:.0f} ms"
        )
    if f.others_freeze_ms is not None:
        print(f"  longest freeze of any other site's video: {f.others_freeze_ms:.0f} ms")
    if f.undecodable:
        print(f"  frames the sites could not read: {f.undecodable}")
    print(
        f"  load generator {100 * f.load_generator_core:.0f}% of one core; "
        f"UDP receive-buffer errors {f.udp_errors} (server's sockets {f.server_drops}, "
        f"load generator's {f.workers_drops})"
    )
