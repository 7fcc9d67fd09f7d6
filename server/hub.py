"""Who is connected, and pushing events to the clients that may see them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from websockets.asyncio.server import broadcast

from meetings import protocol as p
from meetings.documents import DocumentMeta
from meetings.meeting import Meeting
from meetings.people import Person
from meetings.permissions import Action, Directory, allowed, can_read_document
from server import views

if TYPE_CHECKING:
    from server.connection import Connection


class Hub:
    def __init__(self) -> None:
        self._by_person: dict[str, set[Connection]] = defaultdict(set)

    def add(self, conn: Connection) -> None:
        assert conn.person is not None
        self._by_person[conn.person.id].add(conn)

    def remove(self, conn: Connection) -> None:
        if conn.person is None:
            return
        conns = self._by_person.get(conn.person.id)
        if conns is not None:
            conns.discard(conn)
            if not conns:
                del self._by_person[conn.person.id]

    def connections_of(self, person_id: str) -> set[Connection]:
        return set(self._by_person.get(person_id, ()))

    @property
    def count(self) -> int:
        return sum(len(c) for c in self._by_person.values())

    def people(self) -> list[Person]:
        return list(self._each_person())

    def _each_person(self) -> Iterable[Person]:
        for conns in self._by_person.values():
            for conn in conns:
                if conn.person is not None:
                    yield conn.person
                    break

    def allowed_connections(
        self, action: Action, meeting: Meeting, directory: Directory
    ) -> list[Connection]:
        """The connections of everyone connected whom the table allows `action` on `meeting`."""
        return [
            c
            for person in self._each_person()
            if allowed(person, action, meeting, directory)
            for c in self.connections_of(person.id)
        ]

    def send(self, conns: Iterable[Connection], message: p.Model) -> None:
        text = p.encode(message)
        broadcast([c.ws for c in conns], text)

    def send_to_person(
        self, person_id: str, message: p.Model, *, except_conn: Connection | None = None
    ) -> None:
        self.send((c for c in self.connections_of(person_id) if c is not except_conn), message)

    def meeting_changed(
        self,
        meeting: Meeting,
        documents: list[DocumentMeta],
        directory: Directory,
        reason: str,
        before: Meeting | None = None,
    ) -> None:
        """Send the new meeting to everyone connected who may see it, each with the documents
        they may read; tell those who could see it before and no longer can."""
        groups: dict[tuple[str, ...], list[Connection]] = defaultdict(list)
        removed: list[Connection] = []
        for person in self.people():
            conns = self._by_person[person.id]
            if allowed(person, Action.MEETING_VIEW, meeting, directory):
                readable = tuple(
                    d.id for d in documents if can_read_document(person, d, meeting, directory)
                )
                groups[readable].extend(conns)
            elif before is not None and allowed(person, Action.MEETING_VIEW, before, directory):
                removed.extend(conns)
        for readable, members in groups.items():
            docs = [d for d in documents if d.id in set(readable)]
            message = p.MeetingUpdated(reason=reason, meeting=views.detail(meeting, docs))
            self.send(members, message)
        if removed:
            self.send(removed, p.MeetingRemoved(meeting_id=meeting.id))

    def document_added(
        self, document: DocumentMeta, meeting: Meeting, directory: Directory
    ) -> None:
        conns = [
            conn
            for person in self.people()
            if can_read_document(person, document, meeting, directory)
            for conn in self._by_person[person.id]
        ]
        self.send(
            conns, p.DocumentAdded(document=views.document(document), replaces=document.previous_id)
        )

    def close_all(self) -> list[Connection]:
        everyone = [c for conns in self._by_person.values() for c in conns]
        self._by_person.clear()
        return everyone
