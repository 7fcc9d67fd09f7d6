"""Vietnamese first: every string has a translation, and the screens show no English."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QLineEdit,
    QTableView,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from ecabinet.core.i18n import build_qm, catalogues
from ecabinet.core.resources import I18N
from ecabinet.core.settings import Settings
from tests.client.conftest import ServerHandle
from tests.client.harness import close_window, new_window, sign_in
from tests.client.screens import save_screenshot

CATALOGUES = catalogues("vi")


def messages() -> list[tuple[str, ET.Element]]:
    return [
        (m.findtext("source") or "", m) for ts in CATALOGUES for m in ET.parse(ts).iter("message")
    ]


def test_every_string_has_a_finished_vietnamese_translation() -> None:
    found = messages()
    assert len(found) > 80
    for source, message in found:
        translation = message.find("translation")
        assert translation is not None
        assert translation.get("type") is None, f"unfinished: {source!r}"
        text = "".join(translation.itertext()).strip()
        assert text, f"no Vietnamese for {source!r}"


def test_committed_qm_is_built_from_the_ts(tmp_path: Path) -> None:
    assert I18N / "ecabinet_vi.ts" in CATALOGUES
    for ts in CATALOGUES:
        fresh = build_qm(ts, tmp_path / f"{ts.stem}.qm")
        assert fresh.read_bytes() == ts.with_suffix(".qm").read_bytes(), ts.name


def visible_texts(root: QWidget) -> list[str]:
    texts: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
        if isinstance(widget, QTableView):
            model = widget.model()
            texts += [
                str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                for c in range(model.columnCount())
            ]
    return [t for t in texts if t]


async def test_main_screens_show_no_untranslated_text(
    qtbot: QtBot, demo: tuple[ServerHandle, str], settings: Settings, vietnamese: Any
) -> None:
    english = {s for s, m in messages() if "".join(m.find("translation").itertext()) != s}
    server, password = demo
    window = new_window(qtbot, settings)
    login_texts = visible_texts(window)
    assert "Đăng nhập" in login_texts
    await sign_in(qtbot, window, server.url, "thuky", password)
    workspace = window.workspace
    assert workspace is not None
    assert workspace.tabText(0).startswith("Lịch họp")
    seen = set(login_texts) | set(visible_texts(window))
    page = await workspace.open_meeting(window.store.sorted_summaries()[-1].id)
    assert page is not None
    seen |= set(visible_texts(window))
    save_screenshot(window, "vi-meeting")
    tab = await workspace.open_document(page.documents.documents[0].id)
    assert tab is not None
    seen |= set(visible_texts(window))
    save_screenshot(window, "vi-document")
    untranslated = sorted(t for t in seen if t in english)
    assert untranslated == []
    await close_window(window)
