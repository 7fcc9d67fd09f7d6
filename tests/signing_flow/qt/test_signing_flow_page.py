"""A chair signs two waiting documents in one go through the client's "Chờ tôi ký" tab."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot
from signing_flow_helpers import Login, Minutes
from signing_flow_pki import FlowPki

from ecabinet.core.i18n import Translations
from ecabinet.core.settings import Settings
from ecabinet.signing.dialogs import TextDialog
from meetings import protocol_signing as ps
from server.app import RunningServer
from tests.client.conftest import wait_signal
from tests.client.harness import close_window, new_window, sign_in
from tests.server.org import PASSWORD


async def send_for_signature(secretary: Any, minutes: Minutes, title: str) -> str:
    box = minutes.rendered.signature_boxes[2]
    created = await secretary.call(
        "signing.request",
        meeting_id=minutes.meeting_id,
        document_id=minutes.document_id,
        title=title,
        signers=[
            {
                "person_id": "per_chair",
                "field_name": "chu_tich",
                "box": {
                    "page": box.page + 1,
                    "x1": box.x1,
                    "y1": box.y1,
                    "x2": box.x2,
                    "y2": box.y2,
                },
            }
        ],
    )
    return str(created["id"])


async def test_sign_two_waiting_documents_with_one_password(
    qtbot: QtBot,
    qapp: QApplication,
    server: RunningServer,
    login: Login,
    minutes_doc: Minutes,
    flow_pki: FlowPki,
    tmp_path: Path,
) -> None:
    translations = Translations(qapp)
    translations.switch("vi")
    secretary = await login("secretary")
    ids = [
        await send_for_signature(secretary, minutes_doc, "Biên bản phiên họp"),
        await send_for_signature(secretary, minutes_doc, "Thông báo kết luận"),
    ]
    chair = await login("chair")
    await chair.call("signing.register_certificate", pem=flow_pki.pem("chair"))

    settings = Settings(tmp_path / "laptop" / "ecabinet.ini")
    settings.cache_dir = tmp_path / "laptop" / "cache"
    window = new_window(qtbot, settings)
    await sign_in(qtbot, window, server.url, "chutich", PASSWORD)
    workspace = window.workspace
    assert workspace is not None
    page = workspace.signing
    assert workspace.tabText(2) == "Chờ tôi ký"

    loaded = wait_signal(page.loaded)
    bar = workspace.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(2).center())
    assert (await loaded) == (2,)
    assert {page.model.rows[i].id for i in range(2)} == set(ids)
    assert page.model.data(page.model.index(0, 3)) == "Đang chờ ký"

    # Open the first one at the chair's field: the viewer shows it, the panel has no signature.
    opened = wait_signal(page.opened)
    cell = page.table.visualRect(page.model.index(0, 1)).center()
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    await opened
    assert page.viewer.page_count == minutes_doc.rendered.pages
    assert page.panel.summary.text() == "Chưa có chữ ký nào."

    # Tick both, give the key file, sign; the password is asked once.
    for row in range(2):
        page.model.setData(
            page.model.index(row, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
        )
    qtbot.keyClicks(page.key_path, str(flow_pki.p12("chair")))
    shown = wait_signal(page.dialog_shown)
    signed = wait_signal(page.signed, timeout=60)
    qtbot.mouseClick(page.sign_button, Qt.MouseButton.LeftButton)
    (dialog,) = await shown
    assert isinstance(dialog, TextDialog) and dialog.windowTitle() == "Mật khẩu tệp khóa"
    qtbot.keyClicks(dialog.line, "pw-chair")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert (await signed) == (2,)

    assert page.model.rowCount() == 0
    assert page.panel.summary.text() == "Tất cả 1 chữ ký đều hợp lệ."
    assert page.panel.lines()[0].startswith("Nguyễn Văn An — Hợp lệ")
    for request_id in ids:
        done = ps.SigningRequestView.model_validate(
            await secretary.call("signing.get", request_id=request_id)
        )
        assert done.status == "completed" and done.signers[0].signed_at is not None
        report = ps.ValidationView.model_validate(
            await secretary.call("signing.validate", request_id=request_id)
        )
        assert report.all_valid

    # A new request reaches the open tab by itself: the server's signing.turn event refreshes it.
    loaded = wait_signal(page.loaded)
    third = await send_for_signature(secretary, minutes_doc, "Quyết định")
    assert (await loaded) == (1,)
    assert page.model.rows[0].id == third
    await close_window(window)
    translations.switch("en")
