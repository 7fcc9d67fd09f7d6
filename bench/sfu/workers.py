"""Load-generator processes and the parent's side of a run: measured windows, CPU, figures.

Each system under test (the eCabinet server, the MediaRelay server, Janus) gives a
:class:`System`: what to start, and how one site joins it. The sites run in worker
processes (spawned, so none inherits the parent's threads), a few sites each. Workers and
parent meet at named barriers (every site published, every site receiving), then the parent
measures windows, each with a loss rate for one publisher's packets, reading the CPU time of
the server and of the workers from /proc and the machine's UDP receive-buffer errors.
"""

from __future__ import annotations

import asyncio
import ctypes
import multiprocessing as mp
import os
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.harness import cpu_seconds
from bench.sfu.sites import Clips, Received, SendDropper, encode_site, site_names
from media import aiortc_hooks
from media.ice import LOOPBACK, IceSettings, apply_host_addresses
from media.synthetic import EncodedClip, encode_audio_clip
from server.sfu.settings import SfuSettings

CLONE_NEWNET = 0x40000000
BARRIER_TIMEOUT = 300.0
"""Longest wait for every site to reach a barrier (joining 16 sites on a busy machine)."""


@dataclass(frozen=True)
class Window:
    name: str
    seconds: float
    loss: float = 0.0
    """Share of one publisher's packets dropped on the way to the server."""
    busy: float = 0.0
    """Share of one core that a process of other work takes during the window."""


def spin(share: float, seconds: float) -> None:
    """Other work on the machine: busy ``share`` of every 10 ms, for ``seconds``."""
    end = time.monotonic() + seconds
    while (now := time.monotonic()) < end:
        busy_until = now + 0.01 * share
        spins = 0
        while time.monotonic() < busy_until:  # the spinning is the work
            spins += 1
        time.sleep(0.01 * (1 - share))


@dataclass
class SiteContext:
    """What one site's coroutine gets: its clips, everyone's, its plan row, the barriers."""

    key: str
    number: int
    clips: Clips
    everyone: dict[str, Clips]
    plan: dict[str, str]
    params: dict[str, Any]
    control: Control
    received: Received = field(default_factory=Received)
    sent: dict[str, list[tuple[int, float]]] = field(default_factory=dict)
    dropper: SendDropper | None = None
    result: dict[str, Any] = field(default_factory=dict)

    def clips_of(self, site: str) -> Clips | None:
        return self.everyone.get(site)


SiteMain = Callable[[SiteContext], Awaitable[None]]
"""Joins, publishes, receives; waits at the barriers ``published`` and ``receiving`` and at
``control.stopped``; closes what it opened."""


class Control:
    """The worker's end of the pipe: barriers, loss rate changes, the stop."""

    def __init__(self, conn: Any, sites: int) -> None:
        self._conn = conn
        self._sites = sites
        self._arrived: dict[str, int] = {}
        self._go: dict[str, asyncio.Event] = {}
        self.stopped = asyncio.Event()
        self.droppers: list[SendDropper] = []

    async def barrier(self, name: str) -> None:
        self._arrived[name] = self._arrived.get(name, 0) + 1
        event = self._go.setdefault(name, asyncio.Event())
        if self._arrived[name] == self._sites:
            self._conn.send(("at", name))
        await event.wait()

    async def listen(self, deadline: float) -> None:
        """Until the parent says stop, or at ``deadline`` (monotonic) if it never does."""
        for _ in range(10**6):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            # poll() with a timeout, so that no thread is left blocked when the run ends.
            if not await asyncio.to_thread(self._conn.poll, min(1.0, remaining)):
                continue
            message = self._conn.recv()
            if message[0] == "go":
                self._go.setdefault(message[1], asyncio.Event()).set()
            elif message[0] == "loss":
                for dropper in self.droppers:
                    dropper.rate = message[1]
            elif message[0] == "stop":
                break
        self.stopped.set()
        for event in self._go.values():
            event.set()


async def worker_main(job: dict[str, Any], conn: Any) -> None:
    # 127.0.0.1, or the private namespace's own address for Janus (see bench.sfu.janus).
    address = job["params"].get("ice_address")
    apply_host_addresses(IceSettings(addresses=(address,)) if address else LOOPBACK)
    # Each site stands for a machine of its own, whose socket would not share a process's
    # stalls with 7 others: the sites get the receive buffer the server has.
    aiortc_hooks.enlarge_receive_buffers(SfuSettings().receive_buffer)
    system: System = job["system"]
    audio = encode_audio_clip()
    everyone = {site: Clips.make(n, audio, job["video"][n]) for site, n in job["numbers"].items()}
    control = Control(conn, len(job["keys"]))
    listener = asyncio.get_running_loop().create_task(control.listen(job["deadline"]))
    contexts = []
    for key in job["keys"]:
        context = SiteContext(
            key=key,
            number=job["numbers"][key],
            clips=everyone[key],
            everyone={s: c for s, c in everyone.items() if s != key},
            plan=job["plan"][key],
            params=job["params"],
            control=control,
        )
        if key == job["lossy"]:
            context.dropper = SendDropper(seed=6)
            control.droppers.append(context.dropper)
        contexts.append(context)

    async def site(context: SiteContext) -> None:
        try:
            await system.site_main(context)
        except Exception as error:
            # Tell the parent at once rather than leave it waiting at a barrier.
            conn.send(("failed", f"{context.key}: {error!r}"))
            raise

    await asyncio.gather(*(site(context) for context in contexts), return_exceptions=True)
    await listener
    conn.send(
        (
            "done",
            {
                c.key: {
                    "sent": c.sent,
                    "frames": c.received.frames,
                    "undecodable": c.received.undecodable,
                    "dropper": None
                    if c.dropper is None
                    else {"seen": c.dropper.seen, "dropped": c.dropper.dropped},
                    **c.result,
                }
                for c in contexts
            },
        )
    )


def join_namespace(path: str) -> None:
    """Move the calling thread into the network namespace at ``path`` (a /proc/PID/ns/net)."""
    libc = ctypes.CDLL(None, use_errno=True)
    fd = os.open(path, os.O_RDONLY)
    try:
        if libc.setns(fd, CLONE_NEWNET) != 0:
            error = ctypes.get_errno()
            raise OSError(error, f"setns({path}): {os.strerror(error)}")
    finally:
        os.close(fd)


def worker(job: dict[str, Any], conn: Any) -> None:
    # A system in its own network namespace (Janus): join it before any socket is opened.
    namespace = job["params"].get("netns")
    if namespace:
        join_namespace(namespace)
    asyncio.run(worker_main(job, conn))


@dataclass
class System:
    """One system under test, as the parent and the workers see it."""

    name: str
    site_main: SiteMain
    server_pid: int
    params: dict[str, Any]


def udp_receive_errors(pid: int) -> int:
    """UDP receive-buffer errors in the network namespace of ``pid`` (the server's)."""
    lines = Path(f"/proc/{pid}/net/snmp").read_text().splitlines()
    udp = [line.split() for line in lines if line.startswith("Udp:")]
    return int(udp[1][udp[0].index("RcvbufErrors")])


def udp_drops(pids: list[int]) -> int:
    """Datagrams dropped on the UDP sockets of these processes (full receive buffers): from
    the `drops` column of /proc/net/udp, sockets matched to processes by inode."""
    if not pids:
        return 0
    inodes: set[str] = set()
    for pid in pids:
        folder = Path(f"/proc/{pid}/fd")
        try:
            links = [os.readlink(folder / name) for name in os.listdir(folder)]
        except OSError:
            continue
        inodes.update(link[8:-1] for link in links if link.startswith("socket:["))
    total = 0
    for table in ("udp", "udp6"):
        try:
            lines = Path(f"/proc/{pids[0]}/net/{table}").read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            if len(fields) > 12 and fields[9] in inodes:
                total += int(fields[12])
    return total


def busy_seconds() -> float:
    """CPU time the whole machine spent busy (every core, every process), from /proc/stat."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle and iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def loadavg() -> float:
    return float(Path("/proc/loadavg").read_text().split()[0])


@dataclass
class Measured:
    window: Window
    start: float
    end: float
    server_cpu: float
    workers_cpu: float
    udp_errors: int
    server_drops: int
    """Datagrams dropped because the server's own sockets were full."""
    workers_drops: int
    load: float
    others_cpu: float
    """CPU time every other process of the machine used in the window (other test runs)."""


def encode_all(numbers: dict[str, int]) -> dict[int, dict[str, EncodedClip]]:
    """Every site's clips, encoded once before the runs, in a process pool."""
    context = mp.get_context("spawn")
    with context.Pool(min(len(numbers), os.cpu_count() or 2)) as pool:
        return dict(zip(numbers.values(), pool.map(encode_site, numbers.values()), strict=True))


def drive(
    system: System,
    *,
    wards: int,
    workers: int,
    video: dict[int, dict[str, EncodedClip]],
    plan: dict[str, dict[str, str]],
    lossy: str | None,
    warmup: float,
    windows: list[Window],
) -> tuple[list[Measured], dict[str, Any]]:
    """Run the sites against a started system; measure each window in turn."""
    keys = site_names(wards)
    numbers = {key: index + 1 for index, key in enumerate(keys)}
    context = mp.get_context("spawn")
    pipes, processes = [], []
    for w in range(workers):
        job = {
            "system": system,
            "keys": keys[w::workers],
            "numbers": numbers,
            "video": {n: video[n] for n in numbers.values()},
            "plan": plan,
            "params": system.params,
            "lossy": lossy,
            # A worker left alone (its parent gone) ends by itself after this.
            "deadline": time.monotonic()
            + 2 * BARRIER_TIMEOUT
            + warmup
            + sum(w.seconds for w in windows)
            + 120,
        }
        mine, theirs = context.Pipe()
        process = context.Process(target=worker, args=(job, theirs), daemon=True)
        process.start()
        pipes.append(mine)
        processes.append(process)
    try:
        for barrier in ("published", "receiving"):
            for pipe in pipes:
                if not pipe.poll(BARRIER_TIMEOUT):
                    raise RuntimeError(f"{system.name}: sites did not reach {barrier!r} in time")
                message = pipe.recv()
                if message != ("at", barrier):
                    raise RuntimeError(f"{system.name}: a worker said {message!r}")
            for pipe in pipes:
                pipe.send(("go", barrier))
        time.sleep(warmup)
        measured = []
        pids = [p.pid for p in processes if p.pid is not None]
        for window in windows:
            for pipe in pipes:
                pipe.send(("loss", window.loss))
            server0 = cpu_seconds(system.server_pid)
            workers0 = sum(cpu_seconds(pid) for pid in pids)
            errors0 = udp_receive_errors(system.server_pid)
            server_drops0 = udp_drops([system.server_pid])
            workers_drops0 = udp_drops(pids)
            busy0, load0, t0 = busy_seconds(), loadavg(), time.monotonic()
            spinner = None
            if window.busy > 0:
                spinner = mp.Process(target=spin, args=(window.busy, window.seconds), daemon=True)
                spinner.start()
            time.sleep(window.seconds)
            if spinner is not None:
                spinner.join(timeout=10)
            t1 = time.monotonic()
            server_cpu = cpu_seconds(system.server_pid) - server0
            workers_cpu = sum(cpu_seconds(pid) for pid in pids) - workers0
            measured.append(
                Measured(
                    window=window,
                    start=t0,
                    end=t1,
                    server_cpu=server_cpu,
                    workers_cpu=workers_cpu,
                    udp_errors=udp_receive_errors(system.server_pid) - errors0,
                    server_drops=max(0, udp_drops([system.server_pid]) - server_drops0),
                    workers_drops=max(0, udp_drops(pids) - workers_drops0),
                    load=max(load0, loadavg()),
                    others_cpu=max(0.0, busy_seconds() - busy0 - server_cpu - workers_cpu),
                )
            )
        for pipe in pipes:
            pipe.send(("loss", 0.0))
            pipe.send(("stop",))
        sites: dict[str, Any] = {}
        for pipe in pipes:
            for _ in range(100):
                if not pipe.poll(120):
                    raise RuntimeError(f"{system.name}: a worker did not report in time")
                message = pipe.recv()
                if message[0] == "done":
                    sites.update(message[1])
                    break
                print(f"{system.name}: a site failed during the run: {message[1]}", flush=True)
        return measured, sites
    finally:
        for process in processes:
            process.join(timeout=30)
            if process.is_alive():
                process.kill()
