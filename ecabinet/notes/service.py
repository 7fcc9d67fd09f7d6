"""Notes and comments for one person: from the server when online, from the cache and the
outbox when not. Views listen to `notes_changed` and `comments_changed`."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from ecabinet.net.client import Disconnected
from ecabinet.net.connection import Connection
from ecabinet.offline.outbox import Outbox, new_id
from ecabinet.offline.vault import Vault
from meetings import protocol as p


class Annotations(QObject):
    notes_changed = Signal(str)  # document id
    comments_changed = Signal(str)
    conflicts_changed = Signal(str)  # document id

    def __init__(
        self,
        connection: Connection,
        vault: Vault | None,
        outbox: Outbox,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.connection = connection
        self.vault = vault
        self.outbox = outbox
        cached = (vault.load_json("annotations") if vault else None) or {}
        self.notes: dict[str, dict[str, Any]] = cached.get("notes", {})
        self.comments: dict[str, list[dict[str, Any]]] = cached.get("comments", {})
        # Notes edited here and elsewhere while offline: both kept until the person chooses.
        self.conflicts: list[dict[str, Any]] = cached.get("conflicts", [])
        connection.note_changed.connect(self._note_event)
        connection.note_deleted.connect(self._note_deleted)
        connection.comment_added.connect(self._comment_event)
        outbox.sent.connect(self._sent)
        outbox.conflict.connect(self._conflict)

    def _save(self) -> None:
        if self.vault is not None:
            self.vault.save_json(
                "annotations",
                {"notes": self.notes, "comments": self.comments, "conflicts": self.conflicts},
            )

    def notes_for(self, document_id: str) -> list[dict[str, Any]]:
        found = [n for n in self.notes.values() if n["document_id"] == document_id]
        return sorted(found, key=lambda n: (n["page"], n["rect"]["y"], n["id"]))

    def comments_for(self, document_id: str) -> list[dict[str, Any]]:
        return list(self.comments.get(document_id, []))

    async def load(self, document: p.DocumentView) -> None:
        if not self.connection.online:
            return  # the cached copy is what there is
        try:
            notes = await self.connection.call("notes.list", document_id=document.id)
            comments = (
                await self.connection.call("comments.list", document_id=document.id)
                if document.is_draft
                else []
            )
        except Disconnected:
            return
        pending = {i["fields"]["note_id"] for i in self.outbox.items if i["kind"] == "note"}
        for note_id in [
            k for k, n in self.notes.items() if n["document_id"] == document.id and k not in pending
        ]:
            del self.notes[note_id]
        for note in notes:
            if note["id"] not in pending:
                self.notes[note["id"]] = note
        waiting = [c for c in self.comments.get(document.id, []) if c.get("pending")]
        self.comments[document.id] = list(comments) + waiting
        self._save()
        self.notes_changed.emit(document.id)
        self.comments_changed.emit(document.id)

    async def put_note(
        self, document_id: str, page: int, x: float, y: float, text: str, note_id: str | None = None
    ) -> dict[str, Any]:
        current = self.notes.get(note_id) if note_id else None
        # No "kind" field: it is the default (a pinned note), and Client.call takes `kind` as
        # the request type, so a field of that name cannot pass through it yet.
        fields: dict[str, Any] = {
            "note_id": note_id or new_id("n"),
            "document_id": document_id,
            "page": page,
            "rect": {"x": x, "y": y, "w": 0.0, "h": 0.0},
            "text": text,
            "base_version": current["version"] if current else None,
        }
        try:
            note = await self.connection.call("note.put", **fields)
        except Disconnected:
            self.outbox.add_note(fields)
            note = {
                "id": fields["note_id"],
                "document_id": document_id,
                "page": page,
                "kind": "note",
                "rect": fields["rect"],
                "text": text,
                "version": current["version"] if current else 0,
                "updated_at": "",
                "pending": True,
            }
        self.notes[note["id"]] = note
        self._save()
        self.notes_changed.emit(document_id)
        return note

    async def add_comment(self, document_id: str, text: str, page: int | None) -> None:
        try:
            comment = await self.connection.call(
                "comment.add",
                document_id=document_id,
                text=text,
                page=page,
                client_id=new_id("c"),
            )
        except Disconnected:
            item = self.outbox.add_comment(document_id, text, page)
            comment = {
                "id": f"cmt_{item['client_id']}",
                "document_id": document_id,
                "text": text,
                "page": page,
                "author_name": "",
                "pending": True,
            }
        self._remember_comment(comment)

    def _remember_comment(self, comment: dict[str, Any]) -> None:
        found = self.comments.setdefault(comment["document_id"], [])
        found[:] = [c for c in found if c["id"] != comment["id"]] + [comment]
        self._save()
        self.comments_changed.emit(comment["document_id"])

    def _sent(self, kind: str, reply: dict[str, Any]) -> None:
        if kind == "comment":
            self._remember_comment(reply)
        else:
            self.notes[reply["id"]] = reply
            self._save()
            self.notes_changed.emit(reply["document_id"])

    # -- conflicts ------------------------------------------------------------------------

    def conflicts_for(self, document_id: str) -> list[dict[str, Any]]:
        return [c for c in self.conflicts if c["document_id"] == document_id]

    def _conflict(
        self, mine: dict[str, Any], theirs: dict[str, Any] | None, copy: dict[str, Any]
    ) -> None:
        self.conflicts.append(
            {
                "id": copy["id"],
                "document_id": copy["document_id"],
                "page": copy["page"],
                "note_id": mine["note_id"],
                "mine": mine["text"],
                "theirs": theirs["text"] if theirs else None,
                "theirs_version": theirs["version"] if theirs else None,
                "copy_version": copy["version"],
            }
        )
        self._save()
        self.conflicts_changed.emit(copy["document_id"])

    async def resolve(self, conflict_id: str, keep: str) -> None:
        """`keep` is "mine", "theirs" or "both"; needs the connection (raises Disconnected)."""
        if keep not in ("mine", "theirs", "both"):
            raise ValueError(f"keep must be mine, theirs or both, not {keep!r}")
        found = next((c for c in self.conflicts if c["id"] == conflict_id), None)
        if found is None:
            raise LookupError(f"no note conflict {conflict_id}")
        if keep == "mine" and found["theirs"] is not None:
            original = self.notes.get(found["note_id"])
            rect = original["rect"] if original else {"x": 0.0, "y": 0.0, "w": 0.0, "h": 0.0}
            note = await self.connection.call(
                "note.put",
                note_id=found["note_id"],
                document_id=found["document_id"],
                page=found["page"],
                rect=rect,
                text=found["mine"],
                base_version=found["theirs_version"],
            )
            self.notes[note["id"]] = note
        if keep != "both" and not (keep == "mine" and found["theirs"] is None):
            # The copy held the text written here; it goes once that text has its place.
            await self.connection.call(
                "note.delete", note_id=found["id"], base_version=found["copy_version"]
            )
            self.notes.pop(found["id"], None)
        self.conflicts = [c for c in self.conflicts if c["id"] != conflict_id]
        self._save()
        self.notes_changed.emit(found["document_id"])
        self.conflicts_changed.emit(found["document_id"])

    def _note_event(self, note: p.NoteView) -> None:
        self.notes[note.id] = note.model_dump(mode="json")
        self._save()
        self.notes_changed.emit(note.document_id)

    def _note_deleted(self, note_id: str) -> None:
        note = self.notes.pop(note_id, None)
        if note is not None:
            self._save()
            self.notes_changed.emit(note["document_id"])

    def _comment_event(self, event: p.CommentAdded) -> None:
        self._remember_comment(event.comment.model_dump(mode="json"))
