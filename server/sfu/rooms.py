"""The server's video rooms, one per meeting, created on the first join, closed when empty.
The registry of the server's `Sfu` is `server.sfu` (light: the server starts without aiortc)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING

from media import aiortc_hooks
from media.ice import IceSettings, apply_host_addresses
from meetings.protocol_base import Model
from server.config import is_loopback
from server.sfu.room import Room
from server.sfu.settings import SfuSettings

if TYPE_CHECKING:
    from server.connection import Connection
    from server.hub import Hub
    from server.state import AppState


class Sfu:
    def __init__(self, settings: SfuSettings, hub: Hub, recordings: Path) -> None:
        self.settings = settings
        self.recordings = recordings
        self.rooms: dict[str, Room] = {}
        self._hub = hub
        self._closing: set[asyncio.Task[None]] = set()
        if settings.ice.addresses:
            apply_host_addresses(settings.ice)
        aiortc_hooks.enlarge_receive_buffers(settings.receive_buffer)

    def _send(self, conn: Connection, message: Model) -> None:
        self._hub.send([conn], message)

    def room(self, meeting_id: str) -> Room:
        room = self.rooms.get(meeting_id)
        if room is None or room.closed:
            room = Room(meeting_id, self.settings, self._send, self._empty, self.recordings)
            self.rooms[meeting_id] = room
        return room

    def find(self, meeting_id: str) -> Room | None:
        return self.rooms.get(meeting_id)

    def discard_if_empty(self, room: Room) -> None:
        if not room.sessions:
            self._empty(room)

    def _empty(self, room: Room) -> None:
        if self.rooms.get(room.meeting_id) is not room:
            return
        del self.rooms[room.meeting_id]
        task = asyncio.get_running_loop().create_task(room.close(None))
        self._closing.add(task)
        task.add_done_callback(self._closing.discard)

    async def close(self) -> None:
        rooms, self.rooms = list(self.rooms.values()), {}
        for room in rooms:
            await room.close()
        await asyncio.gather(*self._closing, return_exceptions=True)


def default_settings(app: AppState) -> SfuSettings:
    """Loopback only for a server on loopback; elsewhere aioice's choice of addresses."""
    if is_loopback(app.config.host):
        return SfuSettings()
    return SfuSettings(ice=IceSettings())
