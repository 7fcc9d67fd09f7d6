"""The signing workflow over the protocol client, without Qt: what the laptop does.

Fetch the current revision of a request, sign it where the key is (`signing.sign`), send the
signed revision back (one binary frame when it fits, else chunked and resumable).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from ecabinet.net.client import Client
from meetings import protocol_signing as ps
from meetings.protocol_base import MAX_CHUNK

Progress = Callable[[int, int], None]


async def waiting(client: Client) -> list[ps.SigningRequestView]:
    """The requests whose turn is the caller's ("Chờ tôi ký")."""
    listing = ps.SigningListView.model_validate(await client.call("signing.list"))
    return listing.waiting_for_me


async def get(client: Client, request_id: str) -> ps.SigningRequestView:
    return ps.SigningRequestView.model_validate(
        await client.call("signing.get", request_id=request_id)
    )


async def fetch_revision(
    client: Client, request_id: str, revision: int | None = None, progress: Progress | None = None
) -> tuple[int, bytes]:
    """The bytes of a revision (the current one by default), checked against its SHA-256."""
    parts: list[bytes] = []
    offset, size, number, sha256 = 0, None, revision, ""
    for _ in range(1_000_000):  # bounded: one round per chunk
        fields: dict[str, Any] = {"request_id": request_id, "offset": offset, "length": MAX_CHUNK}
        if number is not None:
            fields["revision"] = number
        header, data = await client.call_for_bytes("signing.download", **fields)
        info = ps.SigningDownloadResult.model_validate(header)
        number, size, sha256 = info.revision, info.size, info.sha256
        parts.append(data)
        offset += len(data)
        if progress:
            progress(offset, size)
        if offset >= size or not data:
            break
    pdf = b"".join(parts)
    if hashlib.sha256(pdf).hexdigest() != sha256:
        raise ValueError("the downloaded revision does not match its SHA-256")
    assert number is not None
    return number, pdf


async def submit(
    client: Client,
    request_id: str,
    base_revision: int,
    signed: bytes,
    *,
    progress: Progress | None = None,
    chunk_threshold: int = MAX_CHUNK,
) -> ps.SigningRequestView:
    """Send the signed revision; the server refuses it (ServerError, code invalid_document,
    details.problem) unless it adds exactly the caller's valid signature in their field."""
    sha256 = hashlib.sha256(signed).hexdigest()
    if len(signed) <= chunk_threshold:
        reply = await client.call_binary(
            "signing.submit",
            signed,
            request_id=request_id,
            base_revision=base_revision,
            sha256=sha256,
            timeout=120,
        )
        if progress:
            progress(len(signed), len(signed))
        return ps.SigningRequestView.model_validate(reply)
    state = ps.SigningUploadView.model_validate(
        await client.call(
            "signing.upload.begin",
            request_id=request_id,
            base_revision=base_revision,
            size=len(signed),
            sha256=sha256,
        )
    )
    received = state.received
    step = min(state.chunk_size, chunk_threshold)
    while received < len(signed):
        reply = await client.call_binary(
            "signing.upload.chunk",
            signed[received : received + step],
            upload_id=state.upload_id,
            offset=received,
        )
        received = int(reply["received"])
        if progress:
            progress(received, len(signed))
    return ps.SigningRequestView.model_validate(
        await client.call("signing.upload.finish", upload_id=state.upload_id, timeout=120)
    )
