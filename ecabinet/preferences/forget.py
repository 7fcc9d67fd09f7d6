"""Forget this laptop: the encrypted cache, the pinned certificates, the wrapped keys, names."""

from __future__ import annotations

import shutil
from pathlib import Path

from ecabinet.core.settings import Settings


def forget_laptop(settings: Settings) -> Path:
    """Wipe the cache folder and the pinned data; returns the folder that was wiped."""
    folder = settings.cache_dir
    if folder.exists():
        if not folder.is_dir():
            raise NotADirectoryError(f"the cache location {folder} is not a folder")
        shutil.rmtree(folder)
    settings.forget_laptop()
    return folder
