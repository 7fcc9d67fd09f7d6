"""The protocol client: one websocket, requests matched to replies, events on a queue.

Plain asyncio (no Qt), so the desktop client, the tests and the benches share it. It pins the
server certificate's SHA-256: the first connection reports it, later ones refuse a change.
"""

from __future__ import annotations

import asyncio
import hashlib
import itertools
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from ecabinet.net.tls import peer_fingerprint, pinning_context
from meetings import protocol as p
from meetings import protocol_call as pc

Progress = Callable[[int, int], None]


class ServerError(Exception):
    """The server answered a request with an error."""

    def __init__(self, error: p.Error) -> None:
        super().__init__(f"{error.code}: {error.message}")
        self.code = error.code
        self.message = error.message
        self.message_vi = error.message_vi
        self.details = error.details


class CertificateChanged(Exception):
    """The server presented another certificate than the one pinned: possibly an attacker."""

    def __init__(self, expected: str, actual: str) -> None:
        super().__init__(f"server certificate changed: pinned {expected}, got {actual}")
        self.expected = expected
        self.actual = actual


class Disconnected(Exception):
    """The connection is gone; live actions need it back."""


class Client:
    def __init__(self, ws: ClientConnection, fingerprint: str | None) -> None:
        self.ws = ws
        self.fingerprint = fingerprint
        self.events: asyncio.Queue[p.Model] = asyncio.Queue()
        self._ids = itertools.count(1)
        self._pending: dict[str, asyncio.Future[Any]] = {}
        self._reader = asyncio.create_task(self._read(), name="ecabinet-client-reader")
        self.closed = asyncio.Event()

    @classmethod
    async def connect(
        cls, url: str, *, pinned: str | None = None, open_timeout: float = 10
    ) -> Client:
        secure = url.startswith("wss://")
        ws = await connect(
            url,
            ssl=pinning_context() if secure else None,
            max_size=p.MAX_FRAME,
            compression=None,
            open_timeout=open_timeout,
            ping_interval=20,
        )
        fingerprint = None
        if secure:
            fingerprint = peer_fingerprint(ws.transport.get_extra_info("ssl_object"))
            if pinned is not None and fingerprint != pinned:
                await ws.close()
                raise CertificateChanged(pinned, fingerprint)
        return cls(ws, fingerprint)

    async def _read(self) -> None:
        try:
            async for frame in self.ws:
                if isinstance(frame, bytes):
                    header, payload = p.split_binary(frame)
                    self._resolve(header.get("id"), (header, payload))
                    continue
                message = p.decode_server(frame)
                if isinstance(message, p.Result | p.Error):
                    self._resolve(message.id, message)
                else:
                    self.events.put_nowait(message)
        except ConnectionClosed:
            pass
        finally:
            for future in self._pending.values():
                if not future.done():
                    future.set_exception(Disconnected("connection closed"))
            self._pending.clear()
            self.closed.set()

    def _resolve(self, request_id: object, value: Any) -> None:
        future = self._pending.pop(str(request_id), None)
        if future is not None and not future.done():
            future.set_result(value)

    def _new_request(self, kind: str, fields: dict[str, Any], /) -> tuple[str, p.Request]:
        request_id = f"r{next(self._ids)}"
        request = p.REQUEST_ADAPTER.validate_python({"type": kind, "id": request_id, **fields})
        return request_id, request

    async def _send_and_wait(self, request_id: str, frame: str | bytes, timeout: float) -> Any:
        if self.closed.is_set():
            raise Disconnected("not connected")
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self._pending[request_id] = future
        try:
            await self.ws.send(frame)
        except ConnectionClosed as exc:
            self._pending.pop(request_id, None)
            raise Disconnected(str(exc)) from None
        try:
            return await asyncio.wait_for(future, timeout)
        finally:
            self._pending.pop(request_id, None)

    async def call(self, kind: str, /, timeout: float = 60, **fields: Any) -> Any:
        """Send a request and return the result's data; raise ServerError on an error."""
        request_id, request = self._new_request(kind, fields)
        text = request.model_dump_json(exclude_unset=True)
        reply = await self._send_and_wait(request_id, text, timeout)
        if isinstance(reply, p.Error):
            raise ServerError(reply)
        assert isinstance(reply, p.Result)
        return reply.data

    async def call_binary(
        self, kind: str, payload: bytes, /, timeout: float = 60, **fields: Any
    ) -> Any:
        request_id, request = self._new_request(kind, fields)
        frame = p.join_binary(json.loads(request.model_dump_json()), payload)
        reply = await self._send_and_wait(request_id, frame, timeout)
        if isinstance(reply, p.Error):
            raise ServerError(reply)
        return reply.data

    async def call_for_bytes(
        self, kind: str, /, timeout: float = 60, **fields: Any
    ) -> tuple[Any, bytes]:
        """A request answered by a binary frame: returns the result's data and the bytes."""
        request_id, request = self._new_request(kind, fields)
        reply = await self._send_and_wait(request_id, request.model_dump_json(), timeout)
        if isinstance(reply, p.Error):
            raise ServerError(reply)
        header, payload = reply
        if header.get("type") == "error":
            raise ServerError(p.Error.model_validate(header))
        return header["data"], payload

    async def login(self, username: str, password: str) -> p.LoginResult:
        return p.LoginResult.model_validate(
            await self.call("auth.login", username=username, password=password)
        )

    async def resume(self, token: str) -> p.LoginResult:
        return p.LoginResult.model_validate(await self.call("auth.resume", token=token))

    async def next_event(self, timeout: float = 10) -> p.Model:
        return await asyncio.wait_for(self.events.get(), timeout)

    async def upload(
        self,
        meeting_id: str,
        path: Path,
        *,
        title: str,
        progress: Progress | None = None,
        **options: Any,
    ) -> p.DocumentView:
        """Upload a file, resuming an unfinished upload of the same bytes where it stopped."""
        size = (await asyncio.to_thread(path.stat)).st_size
        sha256 = await asyncio.to_thread(_sha256_file, path)
        state = p.UploadView.model_validate(
            await self.call(
                "upload.begin",
                meeting_id=meeting_id,
                filename=path.name,
                title=title,
                size=size,
                sha256=sha256,
                **options,
            )
        )
        received = state.received
        while received < size:
            chunk = await asyncio.to_thread(_read_at, path, received, state.chunk_size)
            reply = await self.call_binary(
                "upload.chunk", chunk, upload_id=state.upload_id, offset=received
            )
            received = int(reply["received"])
            if progress:
                progress(received, size)
        return p.DocumentView.model_validate(
            await self.call("upload.finish", upload_id=state.upload_id, timeout=120)
        )

    async def download(
        self,
        document_id: str,
        target: Path,
        *,
        progress: Progress | None = None,
        window: int = 4,
    ) -> Path:
        """Stream a document into `target`, resuming from a partial `target.part`.

        Up to `window` chunk requests are in flight at once, so the link stays busy; the file
        is only renamed into place once every byte arrived and its SHA-256 matches.
        """
        info = p.DocumentView.model_validate(
            await self.call("document.get", document_id=document_id)
        )
        part = target.with_name(target.name + ".part")
        await self._fetch_chunks(
            "document.download", {"document_id": document_id}, info.size, part, progress, window
        )
        if await asyncio.to_thread(_sha256_file, part) != info.sha256:
            await asyncio.to_thread(part.unlink)
            raise ValueError("downloaded bytes do not match the document's SHA-256")
        await asyncio.to_thread(_durable_rename, part, target)
        return target

    async def download_recording(
        self,
        recording: pc.RecordingView,
        target: Path,
        *,
        progress: Progress | None = None,
        window: int = 4,
    ) -> Path:
        """Stream a finished video recording into `target`, resuming from `target.part`.

        The server says the file's size with its first byte (and refuses a recording that is
        still being written), so a listing made earlier cannot cut the file short."""
        part = target.with_name(target.name + ".part")
        fields: dict[str, Any] = {"meeting_id": recording.meeting_id, "recording_id": recording.id}
        header, _ = await self.call_for_bytes(
            "call.download_recording", **fields, offset=0, length=1
        )
        size = int(header["size"])
        await self._fetch_chunks("call.download_recording", fields, size, part, progress, window)
        await asyncio.to_thread(_durable_rename, part, target)
        return target

    async def _fetch_chunks(
        self,
        kind: str,
        fields: dict[str, Any],
        size: int,
        part: Path,
        progress: Progress | None,
        window: int,
    ) -> None:
        """Fill `part` with a file's `size` bytes from chunk requests of `kind`, keeping what
        an earlier try left there. Up to `window` requests are in flight at once, so the link
        stays busy."""
        have = min(await asyncio.to_thread(_size_or_zero, part), size)
        await asyncio.to_thread(_truncate, part, have)
        offsets = list(range(have, size, p.MAX_CHUNK))
        in_flight: list[asyncio.Task[tuple[Any, bytes]]] = []
        try:
            for index in range(len(offsets) + window):
                if index < len(offsets):
                    in_flight.append(
                        asyncio.create_task(
                            self.call_for_bytes(
                                kind, **fields, offset=offsets[index], length=p.MAX_CHUNK
                            )
                        )
                    )
                if len(in_flight) > window or (index >= len(offsets) and in_flight):
                    header, data = await in_flight.pop(0)
                    await asyncio.to_thread(_write_at, part, int(header["offset"]), data)
                    have += len(data)
                    if progress:
                        progress(have, size)
        finally:
            for task in in_flight:
                task.cancel()

    async def close(self) -> None:
        await self.ws.close()
        await self._reader


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(1024 * 1024):
            digest.update(block)
    return digest.hexdigest()


def _read_at(path: Path, offset: int, length: int) -> bytes:
    with open(path, "rb") as handle:
        handle.seek(offset)
        return handle.read(length)


def _size_or_zero(path: Path) -> int:
    return path.stat().st_size if path.exists() else 0


def _truncate(path: Path, size: int) -> None:
    with open(path, "ab") as handle:
        handle.truncate(size)


def _write_at(path: Path, offset: int, data: bytes) -> None:
    # No fsync per chunk: the SHA-256 check at the end catches whatever a crash left behind.
    with open(path, "r+b") as handle:
        handle.seek(offset)
        handle.write(data)


def _durable_rename(source: Path, target: Path) -> None:
    with open(source, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(source, target)
