"""Where the signer's key is: a PKCS#12 file or a certificate on a USB token (PKCS#11)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from signing.keys import SigningKey, list_certificates, list_tokens, load_pkcs12, open_pkcs11

# The government CA's tokens ship their own PKCS#11 module; SoftHSM2 stands in for tests.
DEFAULT_MODULE = "/usr/lib/softhsm/libsofthsm2.so"


def pkcs11_module() -> str:
    return os.environ.get("ECABINET_PKCS11_MODULE", DEFAULT_MODULE)


@dataclass(frozen=True)
class KeyFile:
    path: Path

    @property
    def needs(self) -> str:
        return "password"

    def open(self, secret: str) -> SigningKey:
        return load_pkcs12(self.path, secret)


@dataclass(frozen=True)
class TokenKey:
    module: str
    token_label: str
    key_label: str

    @property
    def needs(self) -> str:
        return "pin"

    def open(self, secret: str) -> SigningKey:
        return open_pkcs11(self.module, self.token_label, secret, self.key_label)


KeyChoice = KeyFile | TokenKey


@dataclass(frozen=True)
class TokenEntry:
    """A certificate on a plugged-in token, as the key chooser lists it."""

    key: TokenKey
    subject: str


def token_entries(module: str) -> list[TokenEntry]:
    """Every certificate of every plugged-in token (most tokens list them without the PIN)."""
    entries = []
    for token in list_tokens(module):
        if not token.label:
            continue  # an empty slot
        for cert in list_certificates(module, token.label):
            entries.append(TokenEntry(TokenKey(module, token.label, cert.label), cert.subject))
    return entries
