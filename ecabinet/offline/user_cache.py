"""Open the signed-in person's encrypted cache, creating its key on first sign-in."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from ecabinet.core.settings import Settings
from ecabinet.offline.keys import WrongPassword, new_key, unwrap, wrap
from ecabinet.offline.vault import Vault


def user_folder(cache_dir: Path, url: str, username: str) -> Path:
    return cache_dir / hashlib.sha256(f"{url}\x00{username}".encode()).hexdigest()[:20]


def open_vault(settings: Settings, url: str, username: str, password: str, online: bool) -> Vault:
    """Online, a password that no longer opens the key (changed on the server) starts a new,
    empty cache; offline it is refused, since only the server could vouch for it."""
    folder = user_folder(settings.cache_dir, url, username)
    blob = settings.wrapped_key(url, username)
    if blob is not None:
        try:
            return Vault(folder, unwrap(blob, password))
        except WrongPassword:
            if not online:
                raise
            shutil.rmtree(folder, ignore_errors=True)
    elif not online:
        raise WrongPassword("this laptop has no offline copy for that account")
    key = new_key()
    settings.set_wrapped_key(url, username, wrap(key, password))
    settings.sync()
    return Vault(folder, key)
