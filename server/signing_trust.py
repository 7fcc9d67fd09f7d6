"""What the server trusts for signatures: `[signing]` in `DATA/server.toml`.

    [signing]
    trust_roots = ["/etc/ecabinet/vgca-root.pem"]     # PEM or DER files, relative to DATA
    intermediates = ["/etc/ecabinet/vgca-sub.pem"]    # optional
    tsa_url = "http://tsa.ca.gov.vn"                  # told to clients; optional
    fetch_revocation = false                           # ask OCSP/CRL while checking

Read once per change of the file (its modification time), so an administrator can add a
root without restarting the server.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from meetings.errors import InvalidState

if TYPE_CHECKING:
    from asn1crypto import x509


@dataclass(frozen=True)
class SigningTrust:
    roots: tuple[x509.Certificate, ...]
    intermediates: tuple[x509.Certificate, ...] = ()
    tsa_url: str | None = None
    fetch_revocation: bool = False

    def require_roots(self) -> tuple[x509.Certificate, ...]:
        if not self.roots:
            raise InvalidState(
                "The server has no trusted roots for signatures ([signing] trust_roots).",
                "Máy chủ chưa cấu hình chứng thư gốc tin cậy cho chữ ký số.",
            )
        return self.roots


KNOWN = {"trust_roots", "intermediates", "tsa_url", "fetch_revocation"}


def _certs(data_dir: Path, names: list[str]) -> tuple[x509.Certificate, ...]:
    from pyhanko.keys import load_certs_from_pemder  # with the first signing request, not at start

    paths = [str(p if Path(p).is_absolute() else data_dir / p) for p in names]
    return tuple(load_certs_from_pemder(paths)) if paths else ()


@lru_cache(maxsize=8)
def _load(path: Path, _mtime_ns: int) -> SigningTrust:
    section = tomllib.loads(path.read_text(encoding="utf-8")).get("signing", {})
    unknown = set(section) - KNOWN
    if unknown:
        raise ValueError(f"unknown settings in [signing]: {sorted(unknown)}")
    return SigningTrust(
        roots=_certs(path.parent, list(section.get("trust_roots", []))),
        intermediates=_certs(path.parent, list(section.get("intermediates", []))),
        tsa_url=section.get("tsa_url") or None,
        fetch_revocation=bool(section.get("fetch_revocation", False)),
    )


def load(data_dir: Path) -> SigningTrust:
    """The `[signing]` settings of `data_dir/server.toml` (empty when there are none)."""
    path = data_dir / "server.toml"
    try:
        mtime = path.stat().st_mtime_ns
    except FileNotFoundError:
        return SigningTrust(roots=())
    return _load(path, mtime)
