"""The one family of errors the domain raises; each carries a wire code and both languages."""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    """Error codes as they appear on the wire (see docs/protocol.md)."""

    BAD_REQUEST = "bad_request"
    UNKNOWN_TYPE = "unknown_type"
    UNAUTHENTICATED = "unauthenticated"
    FORBIDDEN = "forbidden"
    NOT_FOUND = "not_found"
    CONFLICT = "conflict"
    INVALID_STATE = "invalid_state"
    TOO_LARGE = "too_large"
    RATE_LIMITED = "rate_limited"
    INVALID_DOCUMENT = "invalid_document"
    CHECKSUM_MISMATCH = "checksum_mismatch"
    INTERNAL = "internal"


class DomainError(Exception):
    """A refused command. `message` is English, `message_vi` Vietnamese; `details` is data."""

    code: ErrorCode = ErrorCode.BAD_REQUEST

    def __init__(
        self, message: str, message_vi: str, *, details: dict[str, object] | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.message_vi = message_vi
        self.details = details or {}


class BadRequest(DomainError):
    code = ErrorCode.BAD_REQUEST


class Forbidden(DomainError):
    code = ErrorCode.FORBIDDEN


class NotFound(DomainError):
    code = ErrorCode.NOT_FOUND


class Conflict(DomainError):
    code = ErrorCode.CONFLICT


class InvalidState(DomainError):
    code = ErrorCode.INVALID_STATE


class TooLarge(DomainError):
    code = ErrorCode.TOO_LARGE


class InvalidDocument(DomainError):
    code = ErrorCode.INVALID_DOCUMENT


class ChecksumMismatch(DomainError):
    code = ErrorCode.CHECKSUM_MISMATCH


class Unauthenticated(DomainError):
    code = ErrorCode.UNAUTHENTICATED


class RateLimited(DomainError):
    code = ErrorCode.RATE_LIMITED
