"""Recording a room without transcoding: each site's frames, as received, muxed into Matroska.

A recording is one more receiver of each site: a forwarder feed in the high layer with audio
(so it starts on a keyframe, and a muted site's audio is not recorded, as it is not
forwarded). A writer thread per site muxes the encoded packets with PyAV into
``DATA/recordings/<meeting>/<id>.mkv`` (VP8 + Opus) and keeps ``<id>.json`` beside it, which
is what ``call.recordings`` lists.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import queue
import secrets
import threading
import time
from datetime import datetime, timedelta, timezone
from fractions import Fraction
from pathlib import Path

import av
from aiortc.mediastreams import MediaStreamError

from media.aiortc_hooks import PacketTrack
from media.forwarding import Feed, Forwarder, Layer
from meetings import protocol_call as pc

log = logging.getLogger("ecabinet.sfu.recording")
VIETNAM = timezone(timedelta(hours=7))
VIDEO_CLOCK = 90000
AUDIO_CLOCK = 48000
QUEUE_FRAMES = 2000
EARLY_AUDIO = 250
"""Audio frames kept until the first keyframe gives the picture size (5 s)."""

Item = tuple[str, bytes, int, bool] | None


def now_text() -> str:
    return datetime.now(VIETNAM).isoformat(timespec="seconds")


def vp8_size(data: bytes) -> tuple[int, int] | None:
    """The picture size a VP8 keyframe announces (RFC 6386, 9.1)."""
    if len(data) < 10 or data[3:6] != b"\x9d\x01\x2a":
        return None
    width = int.from_bytes(data[6:8], "little") & 0x3FFF
    height = int.from_bytes(data[8:10], "little") & 0x3FFF
    return (width, height) if width and height else None


class _Writer(threading.Thread):
    """Muxes (kind, data, pts, keyframe) items into one Matroska file, off the event loop."""

    def __init__(self, path: Path) -> None:
        super().__init__(name=f"recording-{path.stem}", daemon=True)
        self.path = path
        self.items: queue.Queue[Item] = queue.Queue(maxsize=QUEUE_FRAMES)
        self.dropped = 0
        self.written = 0
        self._container: av.container.OutputContainer | None = None
        self._streams: dict[str, av.stream.Stream] = {}
        self._early: list[tuple[str, bytes, int, bool]] = []

    def put(self, item: Item) -> None:
        try:
            self.items.put_nowait(item)
        except queue.Full:
            self.dropped += 1

    def run(self) -> None:
        try:
            for _ in range(10**9):  # bounded by the sentinel, which stop() always sends
                item = self.items.get()
                if item is None:
                    break
                self._write(item)
        except Exception:
            log.exception("recording %s failed", self.path)
        finally:
            if self._container is not None:
                with contextlib.suppress(Exception):
                    self._container.close()

    def _open(self, size: tuple[int, int]) -> None:
        container = av.open(str(self.path), "w", format="matroska")
        video = container.add_stream("libvpx", rate=30)
        video.width, video.height = size
        video.time_base = Fraction(1, VIDEO_CLOCK)
        audio = container.add_stream("libopus", rate=AUDIO_CLOCK)
        audio.time_base = Fraction(1, AUDIO_CLOCK)
        self._container = container
        self._streams = {"video": video, "audio": audio}

    def _write(self, item: tuple[str, bytes, int, bool]) -> None:
        kind, data, pts, keyframe = item
        if self._container is None:
            size = vp8_size(data) if kind == "video" and keyframe else None
            if size is None:
                if kind == "audio" and len(self._early) < EARLY_AUDIO:
                    self._early.append(item)
                return
            self._open(size)
            early, self._early = self._early, []
            for held in early:
                self._mux(*held)
        self._mux(kind, data, pts, keyframe)

    def _mux(self, kind: str, data: bytes, pts: int, keyframe: bool) -> None:
        assert self._container is not None
        packet = av.Packet(data)
        packet.pts = packet.dts = pts
        packet.time_base = Fraction(1, VIDEO_CLOCK if kind == "video" else AUDIO_CLOCK)
        packet.is_keyframe = keyframe
        packet.stream = self._streams[kind]
        self._container.mux(packet)
        self.written += 1


class SiteRecording:
    """One site's file in one recording."""

    def __init__(
        self, forwarder: Forwarder, directory: Path, meeting_id: str, site: str, started: float
    ) -> None:
        self.id = f"rec_{secrets.token_hex(8)}"
        self.site = site
        self.path = directory / f"{self.id}.mkv"
        self.info = pc.RecordingView(
            id=self.id,
            meeting_id=meeting_id,
            site=site,
            filename=self.path.name,
            size=0,
            started_at=now_text(),
            stopped_at=None,
        )
        self.feed: Feed = forwarder.add_feed(f"recorder:{self.id}", site, layer=Layer.HIGH)
        self._forwarder = forwarder
        self._started = started
        self._writer = _Writer(self.path)
        self._tasks: list[asyncio.Task[None]] = []

    async def start(self) -> None:
        await asyncio.to_thread(self._save_info)
        self._writer.start()
        loop = asyncio.get_running_loop()
        self._tasks = [
            loop.create_task(self._read("video", self.feed.video, VIDEO_CLOCK)),
            loop.create_task(self._read("audio", self.feed.audio, AUDIO_CLOCK)),
        ]

    async def _read(self, kind: str, track: PacketTrack, clock: int) -> None:
        offset: int | None = None
        with contextlib.suppress(MediaStreamError):
            for _ in range(10**9):  # until the feed ends
                packet = await track.recv()
                assert packet.pts is not None
                if offset is None:
                    # Both tracks on the recording's clock, from their first frame's arrival.
                    offset = round((time.monotonic() - self._started) * clock) - packet.pts
                self._writer.put((kind, bytes(packet), packet.pts + offset, packet.is_keyframe))

    async def stop(self) -> pc.RecordingView:
        await self._forwarder.remove_feed(f"recorder:{self.id}", self.site)
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self._writer.put(None)
        await asyncio.to_thread(self._writer.join)
        size = self.path.stat().st_size if self.path.exists() else 0
        self.info = self.info.model_copy(update={"size": size, "stopped_at": now_text()})
        await asyncio.to_thread(self._save_info)
        return self.info

    def _save_info(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        target = self.path.with_suffix(".json")
        temporary = target.with_suffix(".json.part")
        temporary.write_text(self.info.model_dump_json(), encoding="utf-8")
        temporary.replace(target)


class Recorder:
    """A room's recording: one :class:`SiteRecording` per site that publishes meanwhile."""

    def __init__(self, forwarder: Forwarder, directory: Path, meeting_id: str) -> None:
        self.directory = directory
        self.meeting_id = meeting_id
        self.sites: dict[str, SiteRecording] = {}
        self._forwarder = forwarder
        self._started = time.monotonic()

    async def add_site(self, site: str) -> None:
        if site in self.sites or site not in self._forwarder.publishers:
            return
        recording = SiteRecording(
            self._forwarder, self.directory, self.meeting_id, site, self._started
        )
        self.sites[site] = recording
        await recording.start()

    async def remove_site(self, site: str) -> None:
        recording = self.sites.pop(site, None)
        if recording is not None:
            await recording.stop()

    async def stop(self) -> list[pc.RecordingView]:
        done = []
        for site in list(self.sites):
            recording = self.sites.pop(site)
            done.append(await recording.stop())
        return done


def list_recordings(directory: Path) -> list[pc.RecordingView]:
    """The recordings of one meeting, oldest first (blocking: run it in a thread)."""
    if not directory.is_dir():
        return []
    found = []
    for info in sorted(directory.glob("rec_*.json")):
        with contextlib.suppress(ValueError, OSError):
            view = pc.RecordingView.model_validate_json(info.read_text(encoding="utf-8"))
            media = directory / view.filename
            size = media.stat().st_size if media.exists() else 0
            found.append(view.model_copy(update={"size": size}))
    return sorted(found, key=lambda v: (v.started_at, v.id))


def read_recording(
    directory: Path, recording_id: str, offset: int, length: int
) -> tuple[pc.RecordingView, bytes] | None:
    """One recording's description and up to ``length`` bytes of its file at ``offset``, or
    None if there is no such recording (blocking: run it in a thread). ``recording_id`` is
    checked by the protocol (``rec_`` and 16 hex digits), so it names a file in ``directory``."""
    info_path = directory / f"{recording_id}.json"
    try:
        view = pc.RecordingView.model_validate_json(info_path.read_text(encoding="utf-8"))
        media = directory / f"{recording_id}.mkv"
        size = media.stat().st_size
        with media.open("rb") as file:
            file.seek(min(offset, size))
            data = file.read(max(0, min(length, size - offset)))
    except (OSError, ValueError):
        return None
    return view.model_copy(update={"size": size}), data
