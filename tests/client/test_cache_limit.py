"""The offline copy keeps under the size limit from the settings, soonest meetings first."""

from __future__ import annotations

import os
from pathlib import Path

from pytestqt.qtbot import QtBot

from ecabinet.core.settings import Settings
from ecabinet.offline.sync import DocumentSync
from ecabinet.offline.vault import Vault
from tests.client.conftest import ServerHandle, wait_signal
from tests.client.harness import close_window, new_window, sign_in


async def test_sync_stops_at_the_cache_limit(
    qtbot: QtBot, demo: tuple[ServerHandle, str], settings: Settings, tmp_path: Path
) -> None:
    server, password = demo
    window = new_window(qtbot, settings)
    await sign_in(qtbot, window, server.url, "phochutich1", password)
    assert window.sync is not None
    everything = await window.sync.start()  # the real cache, limit 2 GB: everything fits
    assert everything >= 2

    vault = Vault(tmp_path / "small", os.urandom(32))
    sync = DocumentSync(
        window.connection, window.store, vault, limit_bytes=lambda: first.size + 4096
    )
    wanted = []
    for meeting_id in sync.upcoming():
        wanted += (await window.store.detail(window.connection, meeting_id)).documents
    first = wanted[0]
    assert all(d.size > 4096 for d in wanted[1:])
    left_out = wait_signal(sync.limit_reached)
    assert await sync.run() == 1
    assert await left_out == (len(wanted) - 1,)
    assert vault.has_document(first.id)
    assert not any(vault.has_document(d.id) for d in wanted[1:])
    await close_window(window)
