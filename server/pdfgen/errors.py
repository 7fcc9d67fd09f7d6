"""The one error this package raises for a document it cannot describe or render."""

from __future__ import annotations


class DocumentError(ValueError):
    """A malformed administrative document. `message` is English, `message_vi` Vietnamese."""

    def __init__(self, message: str, message_vi: str) -> None:
        super().__init__(message)
        self.message = message
        self.message_vi = message_vi
