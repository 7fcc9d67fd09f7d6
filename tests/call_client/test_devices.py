"""The camera and microphone picker: what it finds, and its preview of the synthetic source."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from ecabinet.call.devices import DevicePicker, cameras, microphones
from ecabinet.call.sources import SyntheticSpec
from ecabinet.call.stamps import render_text
from tests.call_client.helpers import image_pattern, wait_until
from tests.client.screens import save_screenshot


def test_devices_are_found_from_the_system_files(tmp_path: Path) -> None:
    dev, sysfs = tmp_path / "dev", tmp_path / "sys"
    dev.mkdir()
    (dev / "video0").touch()
    (sysfs / "video0").mkdir(parents=True)
    (sysfs / "video0" / "name").write_text("Logitech C920\n")
    found = cameras(dev, sysfs)
    assert [(c.id, c.name, c.format) for c in found] == [
        (str(dev / "video0"), "Logitech C920", "v4l2")
    ]
    cards = tmp_path / "cards"
    cards.write_text(
        " 0 [PCH            ]: HDA-Intel - HDA Intel PCH\n"
        "                      HDA Intel PCH at 0xf7f00000\n"
    )
    alsa = [(m.id, m.name) for m in microphones(cards) if m.format == "alsa"]
    assert alsa == [("hw:0", "HDA-Intel - HDA Intel PCH")]


async def test_picker_previews_the_test_pattern_and_its_level(
    qtbot: QtBot, vietnamese: Any
) -> None:
    picker = DevicePicker(SyntheticSpec(9, "Điểm cầu phường Phú Cường", fps=10), render_text)
    qtbot.addWidget(picker)
    picker.show()
    picker.start_preview()
    try:
        await wait_until(
            lambda: image_pattern(picker.preview.image) == 9 and picker.meter.value() > 0,
            "the pattern and the tone's level in the preview",
        )
        assert picker.camera_box.currentText() == "Hình mẫu thử (không có camera)"
        save_screenshot(picker, "call-device-picker")
    finally:
        await picker.stop_preview()
