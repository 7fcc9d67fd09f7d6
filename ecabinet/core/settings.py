"""Every setting of the desktop client, typed, over one QSettings file with a version.

Tests give it a temporary file; the application uses the per-user configuration folder.
A changed layout bumps VERSION and adds a step to `_migrate`.
"""

from __future__ import annotations

import base64
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

VERSION = 1
LANGUAGES = ("vi", "en")
DEFAULT_SERVER = "wss://127.0.0.1:8765/ws"
FONT_SIZES = range(9, 25)


def _key_for(text: str) -> str:
    # QSettings treats '/' as a group separator; URLs and user names must stay one key.
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def default_config_file() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppConfigLocation)
    return Path(folder or Path.home() / ".config" / "ecabinet") / "ecabinet.ini"


def default_cache_dir() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(folder or Path.home() / ".local" / "share" / "ecabinet") / "cache"


class Settings:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_config_file()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._q = QSettings(str(self.path), QSettings.Format.IniFormat)
        self._migrate()

    def _migrate(self) -> None:
        found = int(str(self._q.value("meta/version", 0)))
        if found > VERSION:
            raise ValueError(f"settings file {self.path} is from a newer version ({found})")
        # Version 0 is an empty file: nothing to carry over yet.
        self._q.setValue("meta/version", VERSION)

    @property
    def version(self) -> int:
        return int(str(self._q.value("meta/version")))

    def _str(self, key: str, default: str) -> str:
        value = self._q.value(key, default)
        return str(value) if value is not None else default

    # -- appearance -----------------------------------------------------------------------

    @property
    def language(self) -> str:
        value = self._str("ui/language", "vi")
        return value if value in LANGUAGES else "vi"

    @language.setter
    def language(self, value: str) -> None:
        if value not in LANGUAGES:
            raise ValueError(f"language must be one of {LANGUAGES}, not {value!r}")
        self._q.setValue("ui/language", value)

    @property
    def font_size(self) -> int:
        try:
            size = int(self._str("ui/font_size", "11"))
        except ValueError:
            return 11
        return size if size in FONT_SIZES else 11

    @font_size.setter
    def font_size(self, value: int) -> None:
        if value not in FONT_SIZES:
            raise ValueError(f"font size must be {FONT_SIZES.start}-{FONT_SIZES.stop - 1} pt")
        self._q.setValue("ui/font_size", value)

    # -- connection -----------------------------------------------------------------------

    @property
    def server_url(self) -> str:
        return self._str("net/server_url", DEFAULT_SERVER)

    @server_url.setter
    def server_url(self, value: str) -> None:
        if not value.startswith(("wss://", "ws://")):
            raise ValueError("the server address starts with wss:// (or ws:// on loopback)")
        self._q.setValue("net/server_url", value)

    @property
    def last_username(self) -> str:
        return self._str("net/last_username", "")

    @last_username.setter
    def last_username(self, value: str) -> None:
        self._q.setValue("net/last_username", value)

    def pinned_fingerprint(self, url: str) -> str | None:
        value = self._q.value(f"pins/{_key_for(url)}")
        return str(value) if value else None

    def pin_fingerprint(self, url: str, fingerprint: str) -> None:
        self._q.setValue(f"pins/{_key_for(url)}", fingerprint)

    # -- offline cache --------------------------------------------------------------------

    @property
    def cache_dir(self) -> Path:
        return Path(self._str("cache/dir", str(default_cache_dir())))

    @cache_dir.setter
    def cache_dir(self, value: Path) -> None:
        self._q.setValue("cache/dir", str(value))

    @property
    def cache_limit_mb(self) -> int:
        try:
            return max(50, int(self._str("cache/limit_mb", "2048")))
        except ValueError:
            return 2048

    @cache_limit_mb.setter
    def cache_limit_mb(self, value: int) -> None:
        if value < 50:
            raise ValueError("the cache needs at least 50 MB")
        self._q.setValue("cache/limit_mb", value)

    def wrapped_key(self, url: str, username: str) -> str | None:
        """The user's cache key, encrypted with a key derived from their password."""
        value = self._q.value(f"keys/{_key_for(url + ' ' + username)}")
        return str(value) if value else None

    def set_wrapped_key(self, url: str, username: str, blob: str) -> None:
        self._q.setValue(f"keys/{_key_for(url + ' ' + username)}", blob)

    # -- everything -----------------------------------------------------------------------

    def forget_laptop(self) -> None:
        """Drop pins, keys and names; the cache folder itself is wiped by its owner."""
        for group in ("pins", "keys", "net"):
            self._q.remove(group)
        self.sync()

    def sync(self) -> None:
        self._q.sync()
