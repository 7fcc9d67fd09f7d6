"""Certificate pinning: the client trusts the fingerprint it saw first, never a changed one."""

from __future__ import annotations

import hashlib
import ssl


def format_fingerprint(der: bytes) -> str:
    digest = hashlib.sha256(der).hexdigest().upper()
    return ":".join(digest[i : i + 2] for i in range(0, len(digest), 2))


def pinning_context() -> ssl.SSLContext:
    """Accept the handshake with any certificate; the caller then checks the pinned fingerprint.

    A self-signed server has no CA to chain to, so trust comes from pinning on first use.
    """
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    return context


def peer_fingerprint(ssl_object: ssl.SSLObject | ssl.SSLSocket) -> str:
    der = ssl_object.getpeercert(binary_form=True)
    if not der:
        raise ssl.SSLError("the server sent no certificate")
    return format_fingerprint(der)
