"""Server configuration: keyword-only groups, read from the command line and `server.toml`."""

from __future__ import annotations

import ipaddress
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from meetings.protocol import MAX_FRAME


@dataclass(frozen=True, kw_only=True)
class Limits:
    max_upload_bytes: int = 200 * 1024 * 1024
    max_frame_bytes: int = MAX_FRAME
    max_connections: int = 5000
    upload_chunk_bytes: int = 1024 * 1024


@dataclass(frozen=True, kw_only=True)
class AuthSettings:
    session_ttl_seconds: int = 12 * 3600
    # After this many failed logins for one name or one address, wait before trying again;
    # the wait doubles with each further failure, up to `max_lockout_seconds`.
    free_failures: int = 5
    failure_window_seconds: int = 15 * 60
    max_lockout_seconds: int = 15 * 60
    # argon2id cost (RFC 9106's second recommended option by default).
    argon2_time_cost: int = 3
    argon2_memory_kib: int = 64 * 1024
    argon2_parallelism: int = 4


@dataclass(frozen=True, kw_only=True)
class ServerConfig:
    data_dir: Path
    host: str = "127.0.0.1"
    port: int = 8765
    tls_cert: Path | None = None  # a configured certificate replaces the self-signed one
    tls_key: Path | None = None
    plain: bool = False  # ws:// without TLS: only on loopback, only when asked for
    database_url: str | None = None  # default: SQLite file in data_dir
    limits: Limits = field(default_factory=Limits)
    auth: AuthSettings = field(default_factory=AuthSettings)

    def __post_init__(self) -> None:
        if self.plain and not is_loopback(self.host):
            raise ValueError("plain ws:// is only allowed on a loopback address")
        if (self.tls_cert is None) != (self.tls_key is None):
            raise ValueError("a TLS certificate needs its key, and a key its certificate")

    @property
    def db_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'ecabinet.sqlite3'}"


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _group(cls: type[Any], values: dict[str, Any]) -> Any:
    known = {f.name for f in fields(cls)}
    unknown = set(values) - known
    if unknown:
        raise ValueError(f"unknown settings in [{cls.__name__.lower()}]: {sorted(unknown)}")
    return cls(**values)


def load(data_dir: Path, **overrides: Any) -> ServerConfig:
    """Settings from `DATA/server.toml` if present, then the given overrides."""
    settings: dict[str, Any] = {}
    path = data_dir / "server.toml"
    if path.exists():
        settings = tomllib.loads(path.read_text(encoding="utf-8"))
    server = dict(settings.get("server", {}))
    for key in ("tls_cert", "tls_key"):
        if server.get(key):
            server[key] = Path(server[key])
    config = ServerConfig(
        data_dir=data_dir,
        limits=_group(Limits, settings.get("limits", {})),
        auth=_group(AuthSettings, settings.get("auth", {})),
        **server,
    )
    return replace(config, **{k: v for k, v in overrides.items() if v is not None})
