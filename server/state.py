"""The server's shared state, passed to every handler."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from server.auth import Passwords, Throttle
from server.blobs import BlobStore
from server.config import ServerConfig
from server.hub import Hub
from server.store.db import Store


@dataclass
class AppState:
    config: ServerConfig
    store: Store
    blobs: BlobStore
    passwords: Passwords
    throttle: Throttle
    hub: Hub
    log: logging.Logger
