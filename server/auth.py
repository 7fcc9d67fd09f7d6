"""Passwords (argon2id), session tokens and login throttling."""

from __future__ import annotations

import hashlib
import secrets
from collections import deque
from dataclasses import dataclass, field

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from server.config import AuthSettings


class Passwords:
    def __init__(self, settings: AuthSettings) -> None:
        self._hasher = PasswordHasher(
            time_cost=settings.argon2_time_cost,
            memory_cost=settings.argon2_memory_kib,
            parallelism=settings.argon2_parallelism,
        )
        # Verifying against this when the name is unknown keeps both answers equally slow.
        self._dummy = self._hasher.hash(secrets.token_hex(16))

    def hash(self, password: str) -> str:
        return self._hasher.hash(password)

    def verify(self, stored: str | None, password: str) -> bool:
        try:
            return self._hasher.verify(stored or self._dummy, password) and stored is not None
        except (VerificationError, InvalidHashError):
            return False


def new_token() -> tuple[str, str]:
    """A session token for the client and the hash the store keeps of it."""
    token = secrets.token_urlsafe(32)
    return token, token_hash(token)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass
class Throttle:
    """Counts failed logins per key (a user name, an address) within a sliding window.

    The first `free_failures` cost nothing; each one after that doubles the wait before the
    next attempt is considered, up to `max_lockout`. Pure: the caller passes the clock.
    """

    free_failures: int
    window: float
    max_lockout: float
    _failures: dict[str, deque[float]] = field(default_factory=dict)

    def _recent(self, key: str, now: float) -> deque[float]:
        times = self._failures.setdefault(key, deque())
        while times and now - times[0] > self.window:
            times.popleft()
        return times

    def retry_after(self, key: str, now: float) -> float:
        """Seconds until `key` may try again; 0 when it may try now."""
        times = self._recent(key, now)
        excess = len(times) - self.free_failures
        if excess < 0:
            return 0.0
        wait = min(2.0**excess, self.max_lockout)
        return max(0.0, times[-1] + wait - now)

    def failed(self, key: str, now: float) -> None:
        times = self._recent(key, now)
        times.append(now)
        if len(times) > self.free_failures + 32:
            times.popleft()
        if len(self._failures) > 100_000:  # bound memory under a spray of names
            self._failures.pop(next(iter(self._failures)))

    def succeeded(self, key: str) -> None:
        self._failures.pop(key, None)
