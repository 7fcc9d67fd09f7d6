"""The live screens in Vietnamese: no English string on any of the chair's or the
secretary's tabs."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QLineEdit, QTableView, QWidget
from pytestqt.qtbot import QtBot

from ecabinet.core.i18n import catalogues
from tests.live.conftest import Connect, running_meeting
from tests.live_client.conftest import OpenLive, save_shot


def translated_sources() -> set[str]:
    """Every source string whose Vietnamese differs from it."""
    found = set()
    for ts in catalogues("vi"):
        for message in ET.parse(ts).iter("message"):
            source = message.findtext("source") or ""
            if (message.findtext("translation") or "") != source:
                found.add(source)
    return found


def shown_texts(root: QWidget) -> set[str]:
    texts: set[str] = set()
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.add(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.add(widget.title())
        elif isinstance(widget, QLineEdit):
            texts.add(widget.placeholderText())
        elif isinstance(widget, QTableView):
            model = widget.model()
            texts |= {
                str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                for c in range(model.columnCount())
            }
    return {t for t in texts if t}


async def test_live_screens_show_no_untranslated_text(
    qtbot: QtBot, live_window: OpenLive, connect: Connect, vietnamese: Any
) -> None:
    english = translated_sources()
    meeting = await running_meeting(await connect("thuky"), await connect("chutich"))
    seen: set[str] = set()
    for username in ("chutich", "thuky"):
        window, screen = await live_window(username, meeting["id"])
        for index in range(screen.side.count()):
            screen.side.setCurrentIndex(index)
            seen |= shown_texts(window)
        save_shot(window, f"vi-{username}")
    assert {"Điểm danh", "Họ và tên", "Ghi chép biên bản", "Mở biểu quyết"} <= seen
    assert sorted(t for t in seen if t in english) == []
