"""Download a document straight into the encrypted cache, chunk by chunk, resumable.

`Client.download` writes plain bytes to a file; this one never lets them touch the disk.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from ecabinet.net.client import Client
from ecabinet.offline.vault import Vault
from meetings import protocol as p

Progress = Callable[[int, int], None]


async def fetch_document(
    client: Client,
    vault: Vault,
    document: p.DocumentView,
    progress: Progress | None = None,
    window: int = 4,
) -> None:
    async with vault.lock(document.id):
        if not vault.has_document(document.id):
            await _fetch(client, vault, document, progress, window)


async def _fetch(
    client: Client,
    vault: Vault,
    document: p.DocumentView,
    progress: Progress | None,
    window: int,
) -> None:
    writer = vault.writer(document.id)
    offsets = list(range(writer.size, document.size, p.MAX_CHUNK))
    in_flight: list[asyncio.Task[tuple[Any, bytes]]] = []
    try:
        for index in range(len(offsets) + window):
            if index < len(offsets):
                in_flight.append(
                    asyncio.ensure_future(
                        client.call_for_bytes(
                            "document.download",
                            document_id=document.id,
                            offset=offsets[index],
                            length=p.MAX_CHUNK,
                        )
                    )
                )
            if len(in_flight) > window or (index >= len(offsets) and in_flight):
                _header, data = await in_flight.pop(0)
                writer.append(data)
                if progress:
                    progress(writer.size, document.size)
    finally:
        for task in in_flight:
            task.cancel()
        await asyncio.gather(*in_flight, return_exceptions=True)
    writer.finish(document.sha256)
