"""Signing in: the certificate pinned on first use, a changed one refused, reconnection."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ecabinet.core.settings import Settings
from ecabinet.net.connection import LinkState
from tests.client.conftest import ORG_PASSWORD, ServerHandle, wait_signal
from tests.client.harness import close_window, fill_sign_in, new_window, sign_in
from tests.client.screens import save_screenshot


async def test_first_sign_in_pins_the_certificate(
    qtbot: QtBot, server: ServerHandle, settings: Settings
) -> None:
    window = new_window(qtbot, settings)
    assert settings.pinned_fingerprint(server.url) is None
    await sign_in(qtbot, window, server.url, "thuky", ORG_PASSWORD)
    assert settings.pinned_fingerprint(server.url) == server.fingerprint
    assert server.fingerprint is not None
    assert server.fingerprint.replace(":", "") in window.login.fingerprint.text().replace(
        ":", ""
    ).replace("\n", "")
    assert window.stack.currentWidget() is window.workspace
    assert window.connection.me is not None
    assert window.connection.me.full_name == "Nguyễn Thị Thư"
    await close_window(window)

    # The next start remembers the server and the person's name.
    again = new_window(qtbot, settings)
    assert again.login.server.text() == server.url
    assert again.login.username.text() == "thuky"
    await close_window(again)


async def test_changed_certificate_is_refused(
    qtbot: QtBot, server: ServerHandle, settings: Settings
) -> None:
    impostor = ":".join(["AB"] * 32)
    settings.pin_fingerprint(server.url, impostor)
    window = new_window(qtbot, settings)
    fill_sign_in(window, server.url, "thuky", ORG_PASSWORD)
    refused = wait_signal(window.connection.certificate_changed)
    qtbot.mouseClick(window.login.sign_in_button, Qt.MouseButton.LeftButton)
    pinned, presented = await refused
    assert (pinned, presented) == (impostor, server.fingerprint)
    await asyncio.sleep(0)  # let the controller finish its reply to the view
    assert window.login.message.isVisible()
    shown = window.login.message.text().replace("\n", ":")
    assert impostor in shown
    assert str(server.fingerprint) in shown
    assert window.stack.currentWidget() is window.login
    assert window.connection.state is LinkState.CERTIFICATE_CHANGED
    assert settings.pinned_fingerprint(server.url) == impostor  # never silently re-pinned
    save_screenshot(window, "login-certificate-changed")
    await close_window(window)


async def test_wrong_password_is_told(
    qtbot: QtBot, server: ServerHandle, settings: Settings
) -> None:
    window = new_window(qtbot, settings)
    await window._sign_in(server.url, "thuky", "not-the-password")  # the click's slot
    assert window.login.message.isVisible()
    assert window.login.sign_in_button.isEnabled()
    assert window.workspace is None
    await close_window(window)


async def test_reconnects_by_itself_after_a_server_restart(
    qtbot: QtBot, server: ServerHandle, settings: Settings
) -> None:
    window = new_window(qtbot, settings)
    await sign_in(qtbot, window, server.url, "daibieu", ORG_PASSWORD)
    lost = wait_signal(window.connection.state_changed, check=lambda s: s == "reconnecting")
    await server.stop()
    await lost
    assert "reconnecting" in window.link_label.text().lower()
    save_screenshot(window, "reconnecting")

    back = wait_signal(window.connection.reconnected)
    await server.start()
    await back
    assert window.connection.state is LinkState.ONLINE
    assert window.link_label.text() == "Reconnected"
    assert await window.connection.call("me.get")
    await close_window(window)
