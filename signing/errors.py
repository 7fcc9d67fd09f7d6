"""Every exception the signing package raises, each with a Vietnamese and an English message."""

from __future__ import annotations

import enum


class SigningError(Exception):
    """Base class: carries the message in Vietnamese (shown first) and in English."""

    def __init__(self, message_en: str, message_vi: str) -> None:
        super().__init__(message_en)
        self.message_en = message_en
        self.message_vi = message_vi


class PdfInputError(SigningError):
    """The bytes are not a PDF that can be read or updated."""


class FieldError(SigningError):
    """A signature field is missing, already signed, duplicated or badly placed."""


class KeyAccessError(SigningError):
    """A key file or token could not be opened."""


class WrongPinError(KeyAccessError):
    """The PIN of a token or the password of a PKCS#12 file is wrong."""


class TokenNotFoundError(KeyAccessError):
    """No token with the requested label, or no key/certificate with the requested label."""


class CertificateProblem(enum.StrEnum):
    EXPIRED = "expired"
    NOT_YET_VALID = "not-yet-valid"
    KEY_USAGE = "key-usage"
    UNTRUSTED = "untrusted"
    REVOKED = "revoked"
    REVOCATION_UNKNOWN = "revocation-unknown"


class CertificateRefused(SigningError):
    """The signer's certificate may not be used to sign; `problem` says why."""

    def __init__(self, problem: CertificateProblem, message_en: str, message_vi: str) -> None:
        super().__init__(message_en, message_vi)
        self.problem = problem


class SignatureCreationError(SigningError):
    """pyHanko could not produce the signature (timestamp authority down, token error...)."""


class RevisionProblem(enum.StrEnum):
    NOT_AN_EXTENSION = "not-an-extension"
    NO_NEW_SIGNATURE = "no-new-signature"
    TOO_MANY_SIGNATURES = "too-many-signatures"
    WRONG_FIELD = "wrong-field"
    WRONG_SIGNER = "wrong-signer"
    BROKEN_SIGNATURE = "broken-signature"
    UNTRUSTED_SIGNER = "untrusted-signer"
    CHANGED_CONTENT = "changed-content"
    NOT_A_PDF = "not-a-pdf"


class RevisionRefused(SigningError):
    """The server refuses an uploaded revision; `problem` says why."""

    def __init__(self, problem: RevisionProblem, message_en: str, message_vi: str) -> None:
        super().__init__(message_en, message_vi)
        self.problem = problem


class PkiError(SigningError):
    """The small deployment PKI could not load or issue a certificate."""
