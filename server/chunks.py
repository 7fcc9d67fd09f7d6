"""Receiving a file in chunks, shared by document uploads and signed revisions.

The rules: chunks come in order; a chunk sent again after a lost acknowledgement is
acknowledged again without being written twice; each chunk is on disk and its new length
committed before the acknowledgement, so an upload resumes exactly where the last
acknowledgement left it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection as Db

from meetings.errors import BadRequest, Conflict, TooLarge
from server.state import AppState


def check_size(app: AppState, size: int) -> None:
    limit = app.config.limits.max_upload_bytes
    if size > limit:
        raise TooLarge(
            f"The file is larger than the limit of {limit} bytes.",
            f"Tệp vượt quá giới hạn {limit // 2**20} MB.",
            details={"limit": limit},
        )


async def receive(
    app: AppState,
    upload: dict[str, Any],
    offset: int,
    payload: bytes,
    save_received: Callable[[Db, str, int], None],
) -> int:
    """Write one chunk of `upload` (a row with id, size, received); returns the new length."""
    received: int = upload["received"]
    end = offset + len(payload)
    if end <= received:
        return received  # a chunk sent again after a lost acknowledgement
    if offset != received:
        raise Conflict(
            f"Expected the chunk at offset {received}.",
            f"Cần gửi phần dữ liệu bắt đầu từ vị trí {received}.",
            details={"received": received},
        )
    if end > upload["size"] or not payload:
        raise BadRequest(
            "The chunk goes past the announced size.", "Dữ liệu vượt quá kích thước đã khai báo."
        )
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, app.blobs.write_part, upload["id"], offset, payload)
    await app.store.write(lambda db: save_received(db, upload["id"], end))
    return end
