"""Cameras and microphones: found on the machine, opened through PyAV (aiortc's MediaPlayer),
picked in a dialog with a preview and a level meter. The synthetic source is always offered.

Finding devices without QtMultimedia (it needs libpulse, absent on headless machines):
cameras are the V4L2 nodes ``/dev/video*`` (named from sysfs), microphones PulseAudio's
default source when a PulseAudio server is reachable and every ALSA card in
``/proc/asound/cards``. A machine with none of them (a server, this project's test machine)
offers the synthetic source only.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import av
from aiortc.contrib.media import MediaPlayer, MediaRelay
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from ecabinet.call.audio import level_dbfs
from ecabinet.call.media_thread import MediaThread
from ecabinet.call.model import to_picture
from ecabinet.call.sources import (
    GatedAudioTrack,
    GatedVideoTrack,
    MediaSource,
    Stamp,
    SyntheticSpec,
    synthetic_source,
)
from ecabinet.call.tiles import VideoTile, picture_image
from media.synthetic import HIGH_SIZE, LOW_SIZE

log = logging.getLogger(__name__)

SYNTHETIC = "synthetic"


@dataclass(frozen=True, slots=True)
class Device:
    kind: str  # "camera" or "microphone"
    id: str  # a device node, a PulseAudio or ALSA name, or "synthetic"
    name: str
    format: str  # PyAV's input format: v4l2, pulse, alsa; or "synthetic"

    @property
    def synthetic(self) -> bool:
        return self.format == SYNTHETIC


SYNTHETIC_CAMERA = Device("camera", SYNTHETIC, "", SYNTHETIC)
SYNTHETIC_MICROPHONE = Device("microphone", SYNTHETIC, "", SYNTHETIC)


@dataclass(frozen=True, slots=True)
class DeviceChoice:
    camera: Device = SYNTHETIC_CAMERA
    microphone: Device = SYNTHETIC_MICROPHONE


def cameras(
    dev: Path = Path("/dev"), sys_class: Path = Path("/sys/class/video4linux")
) -> list[Device]:
    found = []
    for node in sorted(dev.glob("video*")):
        name_file = sys_class / node.name / "name"
        name = name_file.read_text().strip() if name_file.exists() else node.name
        found.append(Device("camera", str(node), name, "v4l2"))
    return found


_CARD = re.compile(r"^\s*(\d+)\s+\[[^\]]*\]:\s*(.+)$")


def microphones(cards: Path = Path("/proc/asound/cards")) -> list[Device]:
    found = []
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if os.environ.get("PULSE_SERVER") or (runtime and Path(runtime, "pulse", "native").exists()):
        found.append(Device("microphone", "default", "PulseAudio", "pulse"))
    if cards.exists():
        for line in cards.read_text().splitlines():
            match = _CARD.match(line)
            if match:
                number, name = match.groups()
                found.append(Device("microphone", f"hw:{number}", name.strip(), "alsa"))
    return found


def open_source(
    choice: DeviceChoice,
    spec: SyntheticSpec,
    stamp: Stamp | None = None,
) -> MediaSource:
    """The chosen devices as a `MediaSource`; the synthetic source stands in for either."""
    source = synthetic_source(spec, stamp)
    closers: list[Callable[[], None]] = []
    parts = [source.description]
    if not choice.camera.synthetic:
        player = MediaPlayer(
            choice.camera.id,
            format=choice.camera.format,
            options={"video_size": f"{HIGH_SIZE[0]}x{HIGH_SIZE[1]}", "framerate": "30"},
        )
        if player.video is not None:
            relay = MediaRelay()
            source.high.inner.stop()
            source.low.inner.stop()
            source.high = GatedVideoTrack(relay.subscribe(player.video, buffered=False), HIGH_SIZE)
            source.low = GatedVideoTrack(relay.subscribe(player.video, buffered=False), LOW_SIZE)
            parts.append(choice.camera.name)
            closers.append(lambda: _stop(player))
    if not choice.microphone.synthetic:
        player = MediaPlayer(choice.microphone.id, format=choice.microphone.format)
        if player.audio is not None:
            source.audio.inner.stop()
            source.audio = GatedAudioTrack(player.audio)
            parts.append(choice.microphone.name)
            closers.append(lambda: _stop(player))
    source.description = " + ".join(parts)
    source._closers.extend(closers)
    return source


def _stop(player: MediaPlayer) -> None:
    for track in (player.audio, player.video):
        if track is not None:
            track.stop()


class DevicePicker(QDialog):
    """Camera and microphone, with a live preview of the picture and the sound's level."""

    def __init__(
        self,
        spec: SyntheticSpec,
        stamp: Stamp | None,
        current: DeviceChoice = DeviceChoice(),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("devicePicker")
        self.spec = spec
        self.stamp = stamp
        self.camera_box = QComboBox()
        self.microphone_box = QComboBox()
        self.preview = VideoTile("", "")
        self.preview.setMinimumSize(320, 180)
        self.meter = QProgressBar()
        self.meter.setRange(0, 100)
        self.meter.setTextVisible(False)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        self.camera_label, self.microphone_label, self.level_label = QLabel(), QLabel(), QLabel()
        form.addRow(self.camera_label, self.camera_box)
        form.addRow(self.microphone_label, self.microphone_box)
        form.addRow(self.level_label, self.meter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 1)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.cameras = [SYNTHETIC_CAMERA, *cameras()]
        self.microphones = [SYNTHETIC_MICROPHONE, *microphones()]
        self.retranslate()
        self._select(self.camera_box, self.cameras, current.camera)
        self._select(self.microphone_box, self.microphones, current.microphone)
        self.camera_box.currentIndexChanged.connect(self._restart)
        self.microphone_box.currentIndexChanged.connect(self._restart)
        self._media: MediaThread | None = None
        self._source: MediaSource | None = None
        self._lock = threading.Lock()
        self._latest: av.VideoFrame | None = None
        self._readers: list[asyncio.Task[None]] = []
        self.level = -100.0
        self.frames = 0
        self._timer = QTimer(self)
        self._timer.setInterval(80)
        self._timer.timeout.connect(self._show)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Camera and microphone"))
        self.camera_label.setText(self.tr("Camera"))
        self.microphone_label.setText(self.tr("Microphone"))
        self.level_label.setText(self.tr("Level"))
        no_devices = len(self.cameras) == 1 and len(self.microphones) == 1
        self.note.setText(
            self.tr(
                "No camera or microphone was found on this computer: "
                "the test pattern and tone are sent."
            )
            if no_devices
            else ""
        )
        for box, devices in (
            (self.camera_box, self.cameras),
            (self.microphone_box, self.microphones),
        ):
            index = box.currentIndex()
            box.blockSignals(True)
            box.clear()
            for device in devices:
                box.addItem(
                    self.tr("Test pattern (no camera)")
                    if device is SYNTHETIC_CAMERA
                    else self.tr("Test tone (no microphone)")
                    if device is SYNTHETIC_MICROPHONE
                    else device.name
                )
            box.setCurrentIndex(max(0, index))
            box.blockSignals(False)

    @staticmethod
    def _select(box: QComboBox, devices: list[Device], wanted: Device) -> None:
        for index, device in enumerate(devices):
            if device == wanted:
                box.setCurrentIndex(index)

    def choice(self) -> DeviceChoice:
        return DeviceChoice(
            self.cameras[max(0, self.camera_box.currentIndex())],
            self.microphones[max(0, self.microphone_box.currentIndex())],
        )

    # --- the preview, read on a media thread ------------------------------------------------

    def start_preview(self) -> None:
        if self._media is None:
            self._media = MediaThread("ecabinet-device-preview")
        self._media.call(self._open_preview, self.choice())
        self._timer.start()

    def _restart(self) -> None:
        if self._media is not None:
            self._media.call(self._open_preview, self.choice())

    def _open_preview(self, choice: DeviceChoice) -> None:
        if self._source is not None:
            self._source.stop()
        try:
            source = open_source(choice, self.spec, self.stamp)
        except (OSError, av.FFmpegError) as exc:
            log.warning("cannot open %s: %s", choice, exc)
            source = open_source(DeviceChoice(), self.spec, self.stamp)
        self._source = source
        loop = asyncio.get_running_loop()
        self._readers = [
            loop.create_task(self._read_video(source)),
            loop.create_task(self._read_audio(source)),
        ]

    async def _read_video(self, source: MediaSource) -> None:
        with contextlib.suppress(Exception):
            for _ in range(100_000_000):
                frame = await source.low.recv()
                with self._lock:
                    self._latest = frame
                    self.frames += 1

    async def _read_audio(self, source: MediaSource) -> None:
        with contextlib.suppress(Exception):
            for _ in range(100_000_000):
                frame = await source.audio.recv()
                self.level = level_dbfs(bytes(frame.planes[0]))

    def _show(self) -> None:
        with self._lock:
            frame, self._latest = self._latest, None
        if frame is not None:
            self.preview.set_image(picture_image(to_picture("", frame, LOW_SIZE)))
        self.meter.setValue(max(0, min(100, int(100 + self.level * 100 / 60))))

    async def stop_preview(self) -> None:
        self._timer.stop()
        media, self._media = self._media, None
        if media is not None:
            source = self._source

            def stop() -> None:
                if source is not None:
                    source.stop()

            media.call(stop)
            await media.stop()
