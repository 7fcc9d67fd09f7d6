"""The per-user cache key: random, kept on disk only wrapped by a key derived from the password.

So the cache opens offline with the same password as the server login, and a stolen laptop's
cache is as strong as that password (scrypt, n=2**15). Whoever forgets the laptop drops it.
"""

from __future__ import annotations

import base64
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

SCRYPT_N = 2**15


class WrongPassword(Exception):
    """The password does not open this laptop's cache key."""


def _kek(password: str, salt: bytes) -> bytes:
    return Scrypt(salt=salt, length=32, n=SCRYPT_N, r=8, p=1).derive(password.encode())


def new_key() -> bytes:
    return AESGCM.generate_key(bit_length=256)


def wrap(key: bytes, password: str) -> str:
    salt, nonce = os.urandom(16), os.urandom(12)
    sealed = AESGCM(_kek(password, salt)).encrypt(nonce, key, b"ecabinet-cache-key")
    return ".".join(base64.b64encode(x).decode() for x in (salt, nonce, sealed))


def unwrap(blob: str, password: str) -> bytes:
    try:
        salt, nonce, sealed = (base64.b64decode(x) for x in blob.split("."))
    except ValueError:
        raise WrongPassword("the stored key is damaged") from None
    try:
        return AESGCM(_kek(password, salt)).decrypt(nonce, sealed, b"ecabinet-cache-key")
    except InvalidTag:
        raise WrongPassword("wrong password for this cache") from None
