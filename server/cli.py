"""`python main.py server --data DIR --host H --port P [--cert F --key F] [--plain]`."""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
from pathlib import Path

from server import config as settings
from server.app import serve_forever


def parser() -> argparse.ArgumentParser:
    parse = argparse.ArgumentParser(prog="main.py server", description=__doc__)
    parse.add_argument("--data", type=Path, default=Path("data"), help="data folder")
    parse.add_argument("--host", default=None, help="address to listen on (127.0.0.1)")
    parse.add_argument("--port", type=int, default=None, help="port (8765; 0 picks one)")
    parse.add_argument("--cert", type=Path, help="TLS certificate (PEM) replacing the self-signed")
    parse.add_argument("--key", type=Path, help="its private key (PEM)")
    parse.add_argument(
        "--plain",
        action="store_true",
        help="plain ws:// without TLS; refused unless the host is loopback",
    )
    return parse


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    try:
        config = settings.load(
            args.data,
            host=args.host,
            port=args.port,
            tls_cert=args.cert,
            tls_key=args.key,
            plain=args.plain or None,
        )
    except ValueError as exc:
        print(f"error: {exc}")
        return 2

    async def run() -> None:
        task = asyncio.current_task()
        assert task is not None
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, task.cancel)
        await serve_forever(config)

    try:
        asyncio.run(run())
    except (KeyboardInterrupt, asyncio.CancelledError):
        pass
    return 0
