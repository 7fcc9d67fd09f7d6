"""A document's bytes for the viewer: from the encrypted cache, fetched into it if missing."""

from __future__ import annotations

from ecabinet.net.client import Disconnected
from ecabinet.net.connection import Connection
from ecabinet.offline.fetch import fetch_document
from ecabinet.offline.vault import Vault
from meetings import protocol as p


async def document_bytes(document: p.DocumentView, connection: Connection, vault: Vault) -> bytes:
    if not vault.has_document(document.id):
        if not connection.online:
            raise Disconnected("the document is not on this laptop yet and the server is away")
        await fetch_document(connection.client, vault, document)
    return vault.read_document(document.id)
