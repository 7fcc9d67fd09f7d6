"""The SFU rooms: one video room per meeting, forwarding what each site's plan needs.

``sfu_of(app)`` gives the server's rooms (and loads aiortc, on the first join: the server
starts without it); ``find_room`` looks one up without loading anything; ``shutdown(app)``
closes them all.
"""

from __future__ import annotations

import weakref
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from server.hub import Hub
    from server.sfu.room import Room
    from server.sfu.rooms import Sfu
    from server.sfu.settings import SfuSettings
    from server.state import AppState

_SFUS: weakref.WeakKeyDictionary[Hub, Sfu] = weakref.WeakKeyDictionary()
_SETTINGS: weakref.WeakKeyDictionary[Hub, SfuSettings] = weakref.WeakKeyDictionary()


def recordings_dir(app: AppState) -> Path:
    return app.config.data_dir / "recordings"


def configure(app: AppState, settings: SfuSettings) -> None:
    """Set the rooms' settings before the first join (tests, benches, configuration)."""
    if app.hub in _SFUS:
        raise RuntimeError("the video rooms are already running")
    _SETTINGS[app.hub] = settings


def sfu_of(app: AppState) -> Sfu:
    sfu = _SFUS.get(app.hub)
    if sfu is None:
        from server.sfu.rooms import Sfu, default_settings

        settings = _SETTINGS.get(app.hub) or default_settings(app)
        sfu = Sfu(settings, app.hub, recordings_dir(app))
        _SFUS[app.hub] = sfu
    return sfu


def find_room(app: AppState, meeting_id: str) -> Room | None:
    """The meeting's open room, if any; None (and nothing loaded) before the first join."""
    sfu = _SFUS.get(app.hub)
    return None if sfu is None else sfu.find(meeting_id)


async def shutdown(app: AppState) -> None:
    """Close every room (call before the server's event loop ends)."""
    sfu = _SFUS.pop(app.hub, None)
    if sfu is not None:
        await sfu.close()


__all__ = ["configure", "find_room", "recordings_dir", "sfu_of", "shutdown"]
