"""Start and stop the server: `async with running(config) as server: ...`."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.http11 import Request, Response

from server import sfu
from server.auth import Passwords, Throttle
from server.blobs import BlobStore
from server.config import ServerConfig
from server.connection import Connection
from server.handlers import live, load_all
from server.hub import Hub
from server.state import AppState
from server.store.db import Store
from server.tls import ensure_self_signed, fingerprint, server_context

log = logging.getLogger("ecabinet.server")
WS_PATH = "/ws"


@dataclass(frozen=True)
class RunningServer:
    state: AppState
    server: Server
    host: str
    port: int
    url: str
    fingerprint: str | None  # None for plain ws://


async def open_state(config: ServerConfig) -> AppState:
    config.data_dir.mkdir(parents=True, exist_ok=True)
    store = await Store.open(config.db_url)
    auth = config.auth
    return AppState(
        config=config,
        store=store,
        blobs=BlobStore(config.data_dir / "blobs", config.data_dir / "uploads"),
        passwords=Passwords(auth),
        throttle=Throttle(
            auth.free_failures, auth.failure_window_seconds, auth.max_lockout_seconds
        ),
        hub=Hub(),
        log=log,
    )


@asynccontextmanager
async def running(config: ServerConfig) -> AsyncIterator[RunningServer]:
    load_all()
    state = await open_state(config)
    # Timed votes and speeches keep running across a restart.
    await live.resume_timers(state)
    ssl_context = None
    print_fp: str | None = None
    if not config.plain:
        cert, key = (
            (config.tls_cert, config.tls_key)
            if config.tls_cert and config.tls_key
            else ensure_self_signed(config.data_dir, config.host)
        )
        ssl_context = server_context(cert, key)
        print_fp = fingerprint(cert.read_bytes())

    async def handler(ws: ServerConnection) -> None:
        await Connection(state, ws).serve()

    def check_path(_ws: ServerConnection, request: Request) -> Response | None:
        if request.path != WS_PATH:
            return _ws.respond(404, "Not found: the eCabinet endpoint is /ws\n")
        if state.hub.count >= config.limits.max_connections:
            return _ws.respond(503, "Too many connections\n")
        return None

    server = await serve(
        handler,
        config.host,
        config.port,
        ssl=ssl_context,
        process_request=check_path,
        max_size=config.limits.max_frame_bytes,
        compression=None,
        max_queue=64,
        ping_interval=20,
        ping_timeout=20,
    )
    port = next(iter(server.sockets)).getsockname()[1]
    scheme = "ws" if config.plain else "wss"
    host = f"[{config.host}]" if ":" in config.host else config.host
    running_server = RunningServer(
        state, server, config.host, port, f"{scheme}://{host}:{port}{WS_PATH}", print_fp
    )
    try:
        yield running_server
    finally:
        live.stop_timers(state)
        await sfu.shutdown(state)  # hang up every video session before the sockets go
        server.close(close_connections=True)
        await server.wait_closed()
        state.hub.close_all()
        await state.store.close()


async def serve_forever(config: ServerConfig) -> None:
    async with running(config) as srv:
        print(f"eCabinet server listening on {srv.url}", flush=True)
        if srv.fingerprint:
            print(f"TLS certificate SHA-256 fingerprint: {srv.fingerprint}", flush=True)
        await asyncio.Future()  # until cancelled (Ctrl-C or SIGTERM)
