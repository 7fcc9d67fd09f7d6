"""The PDF viewer on a real generated document: pages, go to page, search, zoom, keys."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtPdfWidgets import QPdfView
from pytestqt.qtbot import QtBot

from ecabinet.documents.viewer import PdfViewer
from tests.client.pdfs import numbered_pdf
from tests.client.screens import save_screenshot


def open_viewer(qtbot: QtBot, path: Path) -> PdfViewer:
    viewer = PdfViewer()
    qtbot.addWidget(viewer)
    viewer.resize(1100, 800)
    viewer.show()
    with qtbot.waitSignal(viewer.loaded, timeout=10_000):
        viewer.load_bytes(path.read_bytes())
    return viewer


def test_goes_to_page_three_and_finds_a_word(qtbot: QtBot, tmp_path: Path) -> None:
    pdf = numbered_pdf(
        tmp_path / "bao-cao.pdf", 6, {3: "Kế hoạch chuyển đổi số của phường Hiệp Thành năm 2026."}
    )
    viewer = open_viewer(qtbot, pdf)
    assert viewer.page_count == 6
    assert viewer.page_total.text().endswith("6")

    viewer.go_to_page(3)
    qtbot.waitUntil(lambda: viewer.current_page == 3)
    assert viewer.page_box.value() == 3
    assert viewer.thumb_list.currentIndex().row() == 2

    with qtbot.waitSignal(
        viewer.search_finished, timeout=10_000, check_params_cb=lambda hits: hits > 0
    ):
        viewer.search_box.setText("chuyển đổi số")
    assert viewer.hit_pages() == [3]
    assert viewer.view.currentSearchResultIndex() == 0
    assert viewer.hits_label.text().startswith("1 / 1")
    save_screenshot(viewer, "viewer-search")


def test_keyboard_and_zoom(qtbot: QtBot, tmp_path: Path) -> None:
    viewer = open_viewer(qtbot, numbered_pdf(tmp_path / "a.pdf", 4))
    viewer.view.setFocus()
    qtbot.keyClick(viewer.view, Qt.Key.Key_End)
    qtbot.waitUntil(lambda: viewer.current_page == 4)
    qtbot.keyClick(viewer.view, Qt.Key.Key_PageUp)
    qtbot.waitUntil(lambda: viewer.current_page == 3)
    qtbot.keyClick(viewer.view, Qt.Key.Key_Home)
    qtbot.waitUntil(lambda: viewer.current_page == 1)

    viewer.zoom_by(2.0)
    assert viewer.view.zoomMode() == QPdfView.ZoomMode.Custom
    assert viewer.view.zoomFactor() == 2.0
    qtbot.mouseClick(viewer.fit_width_button, Qt.MouseButton.LeftButton)
    assert viewer.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
