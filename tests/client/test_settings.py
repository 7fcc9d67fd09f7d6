"""The settings dialog: live language switch, app-wide font size, keyboard use, forgetting
this laptop (with confirmation)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from ecabinet.core.fonts import DEFAULT_POINT_SIZE, apply_ui_font
from ecabinet.core.i18n import Translations
from ecabinet.core.settings import Settings
from tests.client.conftest import ORG_PASSWORD, ServerHandle, wait_signal
from tests.client.harness import close_window, new_window, sign_in
from tests.client.screens import save_screenshot


@pytest.fixture
def english(qapp: QApplication) -> Iterator[Translations]:
    translations = Translations(qapp)
    translations.switch("en")
    yield translations
    translations.switch("en")
    apply_ui_font(qapp, DEFAULT_POINT_SIZE)  # the font is app-wide: leave it as found


async def test_language_and_font_apply_at_once_and_keyboard_reaches_every_field(
    qtbot: QtBot, settings: Settings, english: Translations, qapp: QApplication
) -> None:
    settings.language = "en"
    window = new_window(qtbot, settings)
    window.translations = english
    assert window.login.sign_in_button.text() == "Sign in"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=10_000)
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dialog = window.settings_dialog
    assert dialog is not None and dialog.isVisible()

    # Keyboard: every label names its field with a mnemonic, and Tab walks the form in order.
    for label in dialog.labels:
        assert "&" in label.text() and label.buddy() is not None
    qtbot.waitUntil(dialog.language.hasFocus, timeout=10_000)
    for field in (
        dialog.server,
        dialog.cache_dir,
        dialog.browse_button,
        dialog.cache_limit,
        dialog.font_size,
        dialog.forget_button,
    ):
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        assert field.hasFocus(), f"Tab should reach {field.objectName() or type(field)}"

    dialog.language.setCurrentIndex(dialog.language.findData("vi"))
    dialog.font_size.setValue(16)
    dialog.cache_limit.setValue(4096)
    ok = dialog.buttons.buttons()[0]
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    # Live: the open sign-in page speaks Vietnamese (Qt posts LanguageChange to every
    # widget), and every widget reads the larger font.
    qtbot.waitUntil(lambda: window.login.sign_in_button.text() == "Đăng nhập", timeout=10_000)
    assert window.settings_button.text() == "Cài đặt…"
    assert qapp.font().pointSize() == 16
    assert window.login.username.font().pointSize() == 16
    assert (settings.language, settings.font_size, settings.cache_limit_mb) == ("vi", 16, 4096)
    again = window.open_settings()
    assert again.windowTitle() == "Cài đặt" and again.font_size.value() == 16
    cancel = again.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text() == "Hủy"  # Qt's own buttons too, from our catalogue
    save_screenshot(again, "settings-vi-16pt")
    again.server.setText("http://example.org")
    again.apply_and_close()
    assert again.isVisible() and again.message.isVisible()  # refused, with the reason
    assert settings.server_url != "http://example.org"
    again.reject()
    await close_window(window)


async def test_forget_this_laptop_asks_then_wipes_cache_and_pins(
    qtbot: QtBot, server: ServerHandle, settings: Settings, tmp_path: Path
) -> None:
    window = new_window(qtbot, settings)
    await sign_in(qtbot, window, server.url, "daibieu", ORG_PASSWORD)
    assert settings.pinned_fingerprint(server.url) is not None
    assert any(settings.cache_dir.rglob("*")), "signing in made an offline cache"

    asked: list[str] = []
    dialog = window.open_settings()
    dialog.ask = lambda _parent, _title, text: asked.append(text) is not None  # says "no"
    assert dialog.forget() is False
    assert asked and settings.cache_dir.exists()
    assert settings.pinned_fingerprint(server.url) is not None

    dialog.ask = lambda _parent, _title, _text: True
    back = wait_signal(window.stack.currentChanged)
    assert dialog.forget() is True
    await back
    assert window.stack.currentWidget() is window.login
    assert not settings.cache_dir.exists()
    assert settings.pinned_fingerprint(server.url) is None
    assert settings.wrapped_key(server.url, "daibieu") is None
    assert settings.last_username == ""
    dialog.reject()
    await close_window(window)
