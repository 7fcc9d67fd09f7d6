"""Sign-in logic, testable with a fake view: connect, check the certificate, log in, pin."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QCoreApplication

from ecabinet.core.settings import Settings
from ecabinet.net.client import CertificateChanged, ServerError
from ecabinet.net.connection import Connection
from meetings import protocol as p

log = logging.getLogger(__name__)


class LoginView(Protocol):
    def set_busy(self, busy: bool) -> None: ...
    def show_error(self, text: str) -> None: ...
    def show_fingerprint(self, fingerprint: str | None, first_use: bool) -> None: ...
    def show_certificate_changed(self, pinned: str, presented: str) -> None: ...


@dataclass(frozen=True)
class SignedIn:
    url: str
    username: str
    password: str  # kept only long enough to open the offline cache's key
    person: p.PersonView | None  # None when working offline
    online: bool


# Tries to open the offline copy when the server cannot be reached; True when it could.
OfflineFallback = Callable[[str, str, str], bool]


class LoginController:
    def __init__(
        self,
        view: LoginView,
        connection: Connection,
        settings: Settings,
        offline_fallback: OfflineFallback | None = None,
    ) -> None:
        self.view = view
        self.connection = connection
        self.settings = settings
        self.offline_fallback = offline_fallback

    async def sign_in(self, url: str, username: str, password: str) -> SignedIn | None:
        """Returns who signed in, or None after telling the view why not."""
        url = url.strip()
        if not url.startswith(("wss://", "ws://")):
            self.view.show_error(
                QCoreApplication.translate(
                    "LoginController", "The server address starts with wss://"
                )
            )
            return None
        if not username.strip() or not password:
            self.view.show_error(
                QCoreApplication.translate("LoginController", "Enter your user name and password.")
            )
            return None
        pinned = self.settings.pinned_fingerprint(url)
        self.view.set_busy(True)
        try:
            return await self._sign_in(url, username.strip(), password, pinned)
        finally:
            self.view.set_busy(False)

    async def _sign_in(
        self, url: str, username: str, password: str, pinned: str | None
    ) -> SignedIn | None:
        try:
            fingerprint = await self.connection.open(url, pinned)
        except CertificateChanged as exc:
            # Never send the password to a server whose identity changed.
            self.view.show_certificate_changed(exc.expected, exc.actual)
            return None
        except (OSError, TimeoutError) as exc:
            log.info("cannot reach %s: %s", url, exc)
            if self.offline_fallback and self.offline_fallback(url, username, password):
                return SignedIn(url, username, password, None, online=False)
            self.view.show_error(
                QCoreApplication.translate(
                    "LoginController", "Cannot reach the server. Check the address and the network."
                )
            )
            return None
        self.view.show_fingerprint(fingerprint, first_use=pinned is None)
        try:
            person = await self.connection.login(username, password)
        except ServerError as exc:
            language = self.settings.language
            self.view.show_error(exc.message_vi if language == "vi" else exc.message)
            return None
        if fingerprint is not None and pinned is None:
            self.settings.pin_fingerprint(url, fingerprint)
        self.settings.server_url = url
        self.settings.last_username = username
        self.settings.sync()
        return SignedIn(url, username, password, person, online=True)
