"""One client connection: read frames, validate them, dispatch, reply; never let one bad
message take down the connection or the server."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel
from websockets.asyncio.server import ServerConnection
from websockets.exceptions import ConnectionClosed

from meetings import protocol as p
from meetings.documents import DocumentMeta
from meetings.errors import DomainError, ErrorCode
from meetings.people import Person
from server.handlers import BINARY, HANDLERS, PUBLIC, BinaryReply
from server.state import AppState


class Connection:
    def __init__(self, app: AppState, ws: ServerConnection) -> None:
        self.app = app
        self.ws = ws
        self.person: Person | None = None
        self.token_hash: str | None = None
        remote = ws.remote_address
        self.remote = str(remote[0]) if remote else "unknown"
        # Documents this connection was allowed to read, so chunks skip the check.
        self.readable_documents: dict[str, DocumentMeta] = {}

    async def serve(self) -> None:
        try:
            async for frame in self.ws:
                await self.on_frame(frame)
        except ConnectionClosed:
            pass
        finally:
            self.app.hub.remove(self)

    async def on_frame(self, frame: str | bytes) -> None:
        request_id: str | None = None
        try:
            payload = b""
            if isinstance(frame, str):
                if len(frame) > p.MAX_TEXT_FRAME:
                    raise p.ProtocolError(
                        ErrorCode.TOO_LARGE, "Text frame too large.", "Khung văn bản quá lớn."
                    )
                request = p.decode_request(frame)
            else:
                request, payload = p.decode_binary_request(frame)
            request_id = request.id
            reply = await self.dispatch(request, payload, isinstance(frame, bytes))
        except p.ProtocolError as exc:
            await self.send_error(
                exc.request_id, exc.code, exc.message, exc.message_vi, exc.details
            )
            return
        except DomainError as exc:
            await self.send_error(request_id, exc.code, exc.message, exc.message_vi, exc.details)
            return
        except ConnectionClosed:
            raise
        except Exception:
            self.app.log.exception("request %s failed", request_id)
            await self.send_error(
                request_id, ErrorCode.INTERNAL, "Internal server error.", "Lỗi máy chủ."
            )
            return
        await self.send_reply(request_id, reply)

    async def dispatch(self, request: Any, payload: bytes, binary: bool) -> Any:
        handler = HANDLERS.get(type(request))
        if handler is None:
            raise p.ProtocolError(
                ErrorCode.UNKNOWN_TYPE, "Not handled.", "Chưa hỗ trợ.", request.id
            )
        if self.person is None and type(request) not in PUBLIC:
            raise p.ProtocolError(
                ErrorCode.UNAUTHENTICATED,
                "Log in first.",
                "Vui lòng đăng nhập trước.",
                request.id,
            )
        if type(request) in BINARY:
            if not binary:
                raise p.ProtocolError(
                    ErrorCode.BAD_REQUEST,
                    f"{request.type} travels in a binary frame.",
                    f"{request.type} phải gửi trong khung nhị phân.",
                    request.id,
                )
            return await handler(self.app, self, request, payload)
        return await handler(self.app, self, request)

    async def send_reply(self, request_id: str | None, reply: Any) -> None:
        assert request_id is not None
        if isinstance(reply, BinaryReply):
            header = p.Result(id=request_id, data=reply.header.model_dump(mode="json"))
            await self.ws.send(p.join_binary(header, reply.payload))
            return
        if isinstance(reply, BaseModel):
            data: Any = reply.model_dump(mode="json")
        elif isinstance(reply, list):
            data = [r.model_dump(mode="json") if isinstance(r, BaseModel) else r for r in reply]
        else:
            data = reply
        await self.ws.send(
            json.dumps({"type": "result", "id": request_id, "data": data}, ensure_ascii=False)
        )

    async def send_error(
        self,
        request_id: str | None,
        code: ErrorCode,
        message: str,
        message_vi: str,
        details: dict[str, Any] | None = None,
    ) -> None:
        error = p.Error(
            id=request_id, code=code, message=message, message_vi=message_vi, details=details or {}
        )
        await self.ws.send(p.encode(error))
