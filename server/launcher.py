"""Run the server as a child process (for the demo and for tests that kill it)."""

from __future__ import annotations

import re
import subprocess
import sys
import threading
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class ServerProcess:
    process: subprocess.Popen[str]
    url: str
    fingerprint: str
    output: deque[str] = field(default_factory=lambda: deque(maxlen=500))
    drainer: threading.Thread | None = None

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=15)
        if self.drainer is not None:
            self.drainer.join(timeout=5)  # the pipe ends when the process does
        if self.process.stdout is not None:
            self.process.stdout.close()


def _drain(server: ServerProcess) -> None:
    """Keep reading the server's output so that a full pipe never blocks it."""
    assert server.process.stdout is not None
    try:
        for line in server.process.stdout:
            server.output.append(line)
    except ValueError:  # closed by stop()
        pass


def start(data: Path, port: int = 0, host: str = "127.0.0.1") -> ServerProcess:
    """Start `main.py server` and wait for the lines that give its URL and fingerprint."""
    process = subprocess.Popen(
        [
            sys.executable,
            "main.py",
            "server",
            "--data",
            str(data),
            "--host",
            host,
            "--port",
            str(port),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        cwd=ROOT,
    )
    url = fingerprint = ""
    seen: list[str] = []
    assert process.stdout is not None
    for line in process.stdout:  # ends when the server prints both lines, or exits
        seen.append(line)
        if match := re.search(r"listening on (\S+)", line):
            url = match.group(1)
        if match := re.search(r"fingerprint: (\S+)", line):
            fingerprint = match.group(1)
            break
    if not url or not fingerprint:
        process.kill()
        process.wait()
        process.stdout.close()
        raise RuntimeError("the server did not start:\n" + "".join(seen[-20:]))
    server = ServerProcess(process, url, fingerprint)
    server.drainer = threading.Thread(target=_drain, args=(server,), daemon=True)
    server.drainer.start()
    return server
