"""`python -m bench.sfu`: a 16-site video session through the real server, on loopback.

The server runs as its own process (`main.py server`); the sites run in worker processes,
each site publishing pre-encoded synthetic streams (audio, 960x540 and 320x180 VP8, replayed
with real pacing, never encoded or decoded in the loop) and receiving what the server's plan
sends it through a receive tap (frames counted, never decoded). Figures:

* server CPU per forwarded stream and per forwarded frame, over a measured window;
* frames delivered to the sites over frames the server forwarded;
* latency from a publisher handing a frame to its sender to a subscriber's tap assembling it
  (same machine, one monotonic clock), through the server and, as the baseline, directly
  peer to peer in the same run: the difference is what the server adds;
* the load generator's own CPU and the UDP receive-buffer errors, to see it is not the
  bottleneck.

Not here: a MediaRelay (decode and re-encode) baseline and a Janus baseline.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import multiprocessing as mp
import os
import resource
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiortc import RTCPeerConnection, RTCSessionDescription

from bench.harness import cpu_seconds, percentile
from ecabinet.net.client import Client
from media.aiortc_hooks import on_keyframe_request, tap_receiver
from media.frame_assembly import EncodedFrame
from media.ice import LOOPBACK, apply_host_addresses, force_codecs, rtc_configuration
from media.synthetic import (
    HIGH_SIZE,
    LOW_SIZE,
    EncodedClip,
    PreEncodedTrack,
    encode_audio_clip,
    encode_video_clip,
)
from meetings import protocol_call as pc
from meetings.people import Role
from meetings.units import UnitKind
from server import directory_ops as ops
from server import launcher
from server.auth import Passwords, new_token
from server.config import AuthSettings
from server.store import directory_repo
from server.store.clock import now
from server.store.db import Store, migrate

FAST = AuthSettings(argon2_time_cost=1, argon2_memory_kib=8 * 1024, argon2_parallelism=1)
FPS = 30
CLIP_FRAMES = 30
KINDS = ("audio", "high", "low")


# --- the organisation and the meeting ---------------------------------------------------------


def seed(data: Path, wards: int) -> dict[str, str]:
    """The city committee's chair (the hall), a secretary and one room account per ward, each
    with a session token made in the store (the bench measures media, not argon2)."""
    data.mkdir(parents=True, exist_ok=True)
    store = Store(f"sqlite:///{data / 'ecabinet.sqlite3'}")
    migrate(store.engine)
    hashed = Passwords(FAST).hash("bench-password")

    def add(db: Any) -> dict[str, str]:
        ops.add_unit(db, "ubnd", "UBND thành phố", UnitKind.PEOPLES_COMMITTEE, None, "bench")
        people = [("secretary", "ubnd", Role.SECRETARY), ("hall", "ubnd", Role.CHAIR)]
        for index in range(1, wards + 1):
            unit = f"ward-{index}"
            ops.add_unit(db, unit, f"UBND phường {index}", UnitKind.WARD, "ubnd", "bench")
            people.append((f"ward{index}", unit, Role.ROOM))
        tokens = {}
        expires = now().replace(year=now().year + 1)
        for key, unit, role in people:
            person = ops.add_person(
                db, f"per_{key}", key, f"Điểm {key}", "", [(unit, role)], hashed, "bench"
            )
            token, token_hash = new_token()
            directory_repo.create_session(db, token_hash, person.id, now(), expires)
            tokens[key] = token
        return tokens

    try:
        return store.write_sync(add)
    finally:
        store.engine.dispose()


async def create_meeting(url: str, fingerprint: str, token: str, wards: int) -> str:
    client = await Client.connect(url, pinned=fingerprint)
    try:
        await client.resume(token)
        meeting = await client.call(
            "meeting.create",
            title="Phiên họp trực tuyến 16 điểm cầu",
            organiser_unit_id="ubnd",
            starts_at="2026-12-01T08:00:00+07:00",
            ends_at="2026-12-01T11:30:00+07:00",
            video=True,
            invited_unit_ids=["ubnd", *(f"ward-{i}" for i in range(1, wards + 1))],
        )
        await client.call("agenda.add", meeting_id=meeting["id"], title="Khai mạc")
        await client.call("meeting.transition", meeting_id=meeting["id"], to="published")
        return str(meeting["id"])
    finally:
        await client.close()


# --- one site in a worker ---------------------------------------------------------------------


def digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=8).digest()


@dataclass
class Clips:
    number: int
    clips: dict[str, EncodedClip]
    index: dict[bytes, tuple[str, int]] = field(default_factory=dict)

    @classmethod
    def make(cls, number: int, audio: EncodedClip, video: dict[str, EncodedClip]) -> Clips:
        made = cls(number, {"audio": audio, **video})
        for kind, clip in made.clips.items():
            for position, frame in enumerate(clip.frames):
                made.index.setdefault(digest(frame), (kind, position))
        return made


def encode_site(number: int) -> dict[str, EncodedClip]:
    """A site's two layers, encoded once before the run (in a process pool)."""
    return {
        "high": encode_video_clip(number, HIGH_SIZE, frames=CLIP_FRAMES, gop=CLIP_FRAMES),
        "low": encode_video_clip(number, LOW_SIZE, frames=CLIP_FRAMES, gop=CLIP_FRAMES),
    }


class LoggedTrack(PreEncodedTrack):
    """Replays a clip and notes when each frame went to the sender."""

    def __init__(self, clip: EncodedClip, log: list[tuple[int, float]]) -> None:
        super().__init__(clip)
        self.log = log

    async def recv(self) -> Any:
        packet = await super().recv()
        self.log.append(((self._index - 1) % len(self.clip.frames), time.monotonic()))
        return packet


@dataclass
class Arrivals:
    """Frames a site received: per (sender, kind, clip position), their arrival times."""

    frames: int = 0
    times: list[tuple[str, str, int, float]] = field(default_factory=list)


def publish_tracks(clips: Clips, sent: dict[str, list[tuple[int, float]]]) -> list[LoggedTrack]:
    return [LoggedTrack(clips.clips[kind], sent.setdefault(kind, [])) for kind in KINDS]


def add_sending(connection: RTCPeerConnection, tracks: list[LoggedTrack]) -> None:
    for track in tracks:
        transceiver = connection.addTransceiver(track, direction="sendonly")
        force_codecs(transceiver)
        if track.kind == "video":
            on_keyframe_request(transceiver.sender, track.request_keyframe)


def tap_all(
    connection: RTCPeerConnection,
    mids: dict[str, str],
    indexes: dict[str, Clips],
    into: Arrivals,
    measuring: list[bool],
) -> None:
    """Tap every new receiver: frames are assembled and matched, never decoded."""
    for transceiver in connection.getTransceivers():
        site = mids.pop(str(transceiver.mid), None)
        if site is None or transceiver.receiver.track is None:
            continue
        clips = indexes.get(site)

        def on_frame(frame: EncodedFrame, site: str = site, clips: Clips | None = clips) -> None:
            if not measuring[0]:
                return
            into.frames += 1
            found = clips.index.get(digest(frame.data)) if clips else None
            if found is not None:
                into.times.append((site, found[0], found[1], frame.arrival))

        holder: list[Any] = []
        holder.append(
            tap_receiver(transceiver.receiver, on_frame, lambda h=holder: h[0].request_keyframe())
        )


async def run_site(
    key: str,
    number: int,
    token: str,
    url: str,
    fingerprint: str,
    meeting_id: str,
    numbers: dict[str, int],
    clips_of: dict[int, Clips],
    measuring: list[bool],
    out: dict[str, Any],
    stop: asyncio.Event,
) -> None:
    clips = clips_of[number]
    indexes = {site: clips_of[n] for site, n in numbers.items() if n != number}
    client = await Client.connect(url, pinned=fingerprint)
    await client.resume(token)
    sent: dict[str, list[tuple[int, float]]] = {}
    publish = RTCPeerConnection(rtc_configuration(LOOPBACK))
    add_sending(publish, publish_tracks(clips, sent))
    await publish.setLocalDescription(await publish.createOffer())
    joined = pc.CallJoined.model_validate(
        await client.call(
            "call.join", meeting_id=meeting_id, offer=publish.localDescription.sdp, timeout=60
        )
    )
    await publish.setRemoteDescription(RTCSessionDescription(sdp=joined.answer, type="answer"))
    arrivals = Arrivals()
    receive: RTCPeerConnection | None = None
    stats: list[pc.CallStats] = []

    async def events() -> None:
        nonlocal receive
        for _ in range(10**7):
            event = await client.events.get()
            if isinstance(event, pc.CallStats) and measuring[0]:
                stats.append(event)  # only those inside the measured window
            if not isinstance(event, pc.CallOffer):
                continue
            if event.fresh or receive is None:
                if receive is not None:
                    await receive.close()
                receive = RTCPeerConnection(rtc_configuration(LOOPBACK))
            await receive.setRemoteDescription(RTCSessionDescription(sdp=event.sdp, type="offer"))
            mids = {t.mid: t.site for t in event.tracks}
            tap_all(receive, mids, indexes, arrivals, measuring)
            await receive.setLocalDescription(await receive.createAnswer())
            await client.call(
                "call.answer",
                meeting_id=meeting_id,
                revision=event.revision,
                answer=receive.localDescription.sdp,
            )

    reader = asyncio.get_running_loop().create_task(events())
    await stop.wait()
    reader.cancel()
    await asyncio.gather(reader, return_exceptions=True)
    out[joined.site] = {
        "sent": sent,
        "frames": arrivals.frames,
        "times": arrivals.times,
        "stats": [s.model_dump() for s in stats],
        "key": key,
    }
    await publish.close()
    if receive is not None:
        await receive.close()
    await client.close()


async def worker_main(job: dict[str, Any], conn: Any) -> None:
    apply_host_addresses(LOOPBACK)
    audio = encode_audio_clip()
    clips_of = {n: Clips.make(n, audio, video) for n, video in job["video"].items()}
    measuring = [False]
    stop = asyncio.Event()
    out: dict[str, Any] = {}
    numbers = job["numbers"]
    tasks = [
        asyncio.get_running_loop().create_task(
            run_site(
                key,
                numbers[f"per_{key}"],
                job["tokens"][key],
                job["url"],
                job["fingerprint"],
                job["meeting"],
                numbers,
                clips_of,
                measuring,
                out,
                stop,
            )
        )
        for key in job["keys"]
    ]
    conn.send("joined")
    for command in ("start", "stop"):
        assert await asyncio.to_thread(conn.recv) == command
        if command == "start":
            measuring[0] = True
            usage = resource.getrusage(resource.RUSAGE_SELF)
            cpu0 = usage.ru_utime + usage.ru_stime
    measuring[0] = False
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu = usage.ru_utime + usage.ru_stime - cpu0
    stop.set()
    for outcome in await asyncio.gather(*tasks, return_exceptions=True):
        if isinstance(outcome, BaseException):
            print(f"a site failed: {outcome!r}", flush=True)
    conn.send({"sites": out, "cpu": cpu})


def worker(job: dict[str, Any], conn: Any) -> None:
    asyncio.run(worker_main(job, conn))


# --- the direct baseline ----------------------------------------------------------------------


async def direct_baseline(seconds: float) -> list[float]:
    """One publisher straight to one subscriber: the latency of aiortc and loopback alone."""
    apply_host_addresses(LOOPBACK)
    clips = Clips.make(1, encode_audio_clip(), encode_site(1))
    sent: dict[str, list[tuple[int, float]]] = {}
    sender = RTCPeerConnection(rtc_configuration(LOOPBACK))
    receiver = RTCPeerConnection(rtc_configuration(LOOPBACK))
    add_sending(sender, publish_tracks(clips, sent))
    await sender.setLocalDescription(await sender.createOffer())
    await receiver.setRemoteDescription(sender.localDescription)
    arrivals = Arrivals()
    measuring = [True]
    mids = {str(t.mid): "direct" for t in receiver.getTransceivers()}
    tap_all(receiver, mids, {"direct": clips}, arrivals, measuring)
    await receiver.setLocalDescription(await receiver.createAnswer())
    await sender.setRemoteDescription(receiver.localDescription)
    await asyncio.sleep(seconds)
    measuring[0] = False
    await sender.close()
    await receiver.close()
    return latencies({"direct": sent}, arrivals.times)


def latencies(
    sent: dict[str, dict[str, list[tuple[int, float]]]], times: list[tuple[str, str, int, float]]
) -> list[float]:
    """Arrival minus the latest send of the same clip frame before it, in milliseconds."""
    by_frame: dict[tuple[str, str, int], list[float]] = {}
    for site, kinds in sent.items():
        for kind, log in kinds.items():
            for position, at in log:
                by_frame.setdefault((site, kind, position), []).append(at)
    result = []
    for site, kind, position, arrival in times:
        sends = [t for t in by_frame.get((site, kind, position), ()) if t <= arrival]
        if sends and kind != "audio":
            result.append(1000 * (arrival - max(sends)))
    return result


# --- the run ----------------------------------------------------------------------------------


def udp_receive_errors() -> int:
    lines = Path("/proc/net/snmp").read_text().splitlines()
    udp = [line.split() for line in lines if line.startswith("Udp:")]
    return int(udp[1][udp[0].index("RcvbufErrors")])


def run(wards: int, workers: int, warmup: float, seconds: float) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-sfu-") as folder:
        data = Path(folder)
        tokens = seed(data, wards)
        server = launcher.start(data)
        try:
            meeting = asyncio.run(
                create_meeting(server.url, server.fingerprint, tokens["secretary"], wards)
            )
            keys = ["hall", *(f"ward{i}" for i in range(1, wards + 1))]
            numbers = {f"per_{key}": index + 1 for index, key in enumerate(keys)}
            context = mp.get_context("spawn")
            with context.Pool(os.cpu_count() or 2) as pool:
                video = dict(
                    zip(numbers.values(), pool.map(encode_site, numbers.values()), strict=True)
                )
            pipes, processes = [], []
            for w in range(workers):
                job = {
                    "keys": keys[w::workers],
                    "tokens": tokens,
                    "numbers": numbers,
                    "url": server.url,
                    "fingerprint": server.fingerprint,
                    "meeting": meeting,
                    "video": video,
                }
                mine, theirs = context.Pipe()
                process = context.Process(target=worker, args=(job, theirs), daemon=True)
                process.start()
                pipes.append(mine)
                processes.append(process)
            for pipe in pipes:
                if not pipe.poll(300):
                    raise RuntimeError("a worker did not join in time")
                assert pipe.recv() == "joined"
            time.sleep(warmup)
            pid = server.process.pid
            cpu0, errors0, t0 = cpu_seconds(pid), udp_receive_errors(), time.monotonic()
            for pipe in pipes:
                pipe.send("start")
            time.sleep(seconds)
            for pipe in pipes:
                pipe.send("stop")
            cpu1, errors1, t1 = cpu_seconds(pid), udp_receive_errors(), time.monotonic()
            results = [pipe.recv() for pipe in pipes]
            for process in processes:
                process.join(timeout=60)
        finally:
            server.stop()
    report(results, cpu1 - cpu0, t1 - t0, errors1 - errors0, wards + 1)
    direct = asyncio.run(direct_baseline(min(seconds, 10)))
    print_latency("direct peer to peer (baseline)", direct)


def print_latency(label: str, values: list[float]) -> None:
    if not values:
        print(f"{label}: no frames matched")
        return
    p50, p95 = percentile(values, 0.5), percentile(values, 0.95)
    print(f"{label}: video frame latency p50 {p50:.1f} ms, p95 {p95:.1f} ms ({len(values)})")


def report(
    results: list[dict[str, Any]], server_cpu: float, elapsed: float, udp_errors: int, sites: int
) -> None:
    everyone: dict[str, Any] = {}
    client_cpu = 0.0
    for result in results:
        everyone.update(result["sites"])
        client_cpu += result["cpu"]
    delivered = sum(site["frames"] for site in everyone.values())
    hall = next(site for site in everyone.values() if site["key"] == "hall")
    window = [s for s in hall["stats"] if s["sites"]]
    forwarded = 0
    if len(window) >= 2:
        first, last = window[0], window[-1]
        start = {v["site"]: v["frames_forwarded"] for v in first["sites"]}
        forwarded = sum(v["frames_forwarded"] - start.get(v["site"], 0) for v in last["sites"])
        span = (len(window) - 1) * 2.0
    sent = {site: data["sent"] for site, data in everyone.items()}
    times = [t for data in everyone.values() for t in data["times"]]
    values = latencies(sent, times)
    print(f"{sites} sites, {elapsed:.1f} s measured")
    print(f"server CPU: {server_cpu:.2f} s = {100 * server_cpu / elapsed:.0f}% of one core")
    rate = delivered / elapsed
    print(f"frames delivered to sites: {delivered} ({rate:.0f}/s, video and audio)")
    if forwarded:
        per_second = forwarded / span
        print(
            f"frames forwarded by the server (its statistics): {per_second:.0f}/s; "
            f"delivered / forwarded: {rate / per_second:.3f}"
        )
        print(f"server CPU per forwarded frame: {1e6 * server_cpu / elapsed / per_second:.0f} µs")
    streams = sum(1 for data in everyone.values() for _ in {(t[0], t[1]) for t in data["times"]})
    if streams:
        print(
            f"streams received: {streams}; server CPU per stream: "
            f"{100 * server_cpu / elapsed / streams:.2f}% of one core"
        )
    print_latency("through the server", values)
    print(f"load generator CPU: {100 * client_cpu / elapsed:.0f}% of one core (all workers)")
    print(f"UDP receive buffer errors during the window: {udp_errors}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--wards", type=int, default=15)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--warmup", type=float, default=8.0)
    parser.add_argument("--seconds", type=float, default=15.0)
    args = parser.parse_args()
    print(f"bench.sfu on {os.cpu_count()} cores: 1 hall + {args.wards} wards, {FPS} fps")
    run(args.wards, args.workers, args.warmup, args.seconds)


if __name__ == "__main__":
    main()
