"""Writes made offline (comments, notes), kept in the encrypted cache and sent on reconnect.

Replays are safe: a comment carries a `client_id` the server counts once, and a note edit
carries the version it started from. A note changed elsewhere meanwhile is a conflict: the
server's version stays, the text written here is kept as a new note beside it, and the person
is asked which to keep (`Annotations.resolve`).
"""

from __future__ import annotations

import logging
import uuid
from typing import Any

from PySide6.QtCore import QObject, Signal

from ecabinet.net.client import Disconnected, ServerError
from ecabinet.offline.vault import Vault
from meetings.errors import ErrorCode

log = logging.getLogger(__name__)


def new_id(prefix: str) -> str:
    return f"{prefix}{uuid.uuid4().hex}"


class Outbox(QObject):
    sent = Signal(str, object)  # "comment" or "note", the server's reply
    # our note fields, the server's current note (None: deleted elsewhere), the copy kept
    conflict = Signal(object, object, object)
    changed = Signal(int)  # items waiting

    def __init__(self, vault: Vault | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.items: list[dict[str, Any]] = list(vault.load_json("outbox") or []) if vault else []

    def _save(self) -> None:
        if self.vault is not None:
            self.vault.save_json("outbox", self.items)
        self.changed.emit(len(self.items))

    def add_comment(self, document_id: str, text: str, page: int | None) -> dict[str, Any]:
        item = {
            "kind": "comment",
            "document_id": document_id,
            "text": text,
            "page": page,
            "client_id": new_id("c"),
        }
        self.items.append(item)
        self._save()
        return item

    def add_note(self, fields: dict[str, Any]) -> None:
        for item in self.items:
            if item["kind"] == "note" and item["fields"]["note_id"] == fields["note_id"]:
                # Keep the version the first offline edit started from.
                item["fields"] = {**fields, "base_version": item["fields"]["base_version"]}
                break
        else:
            self.items.append({"kind": "note", "fields": fields})
        self._save()

    async def flush(self, server: Any) -> int:
        """Send what waits, in order; stops at a lost connection. Returns how many were sent."""
        sent = 0
        while self.items:
            item = self.items[0]
            try:
                await self._send(server, item)
            except Disconnected:
                break
            except ServerError as exc:
                log.warning("dropping an offline %s the server refused: %s", item["kind"], exc)
            self.items.pop(0)
            self._save()
            sent += 1
        return sent

    async def _send(self, server: Any, item: dict[str, Any]) -> None:
        if item["kind"] == "comment":
            reply = await server.call(
                "comment.add",
                document_id=item["document_id"],
                text=item["text"],
                page=item["page"],
                client_id=item["client_id"],
            )
            self.sent.emit("comment", reply)
            return
        fields = item["fields"]
        try:
            reply = await server.call("note.put", **fields)
        except ServerError as exc:
            if exc.code not in (ErrorCode.CONFLICT, ErrorCode.NOT_FOUND):
                raise
            current = exc.details.get("current")
            # Never lose text: what was written here becomes a note of its own.
            copy = {**fields, "note_id": new_id("n"), "base_version": None}
            reply = await server.call("note.put", **copy)
            self.sent.emit("note", reply)
            self.conflict.emit(fields, current, reply)
            return
        self.sent.emit("note", reply)
