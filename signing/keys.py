"""Signing keys: a PKCS#12 file or a PKCS#11 token (the USB tokens of the government CA)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

import pkcs11
from asn1crypto import x509
from cryptography.hazmat.primitives.serialization import pkcs12
from pkcs11 import Attribute, ObjectClass
from pkcs11 import exceptions as p11_errors
from pyhanko.config.pkcs11 import TokenCriteria
from pyhanko.keys.internal import (
    translate_pyca_cryptography_cert_to_asn1,
    translate_pyca_cryptography_key_to_asn1,
)
from pyhanko.sign.general import SigningError as HankoSigningError
from pyhanko.sign.pkcs11 import PKCS11Signer, open_pkcs11_session
from pyhanko.sign.signers import Signer, SimpleSigner
from pyhanko_certvalidator.registry import SimpleCertificateStore

from signing.errors import KeyAccessError, TokenNotFoundError, WrongPinError


def cert_sha256(cert: x509.Certificate) -> str:
    """Lower-case hex SHA-256 of the DER certificate: how the suite names a signer."""
    return hashlib.sha256(cert.dump()).hexdigest()


class SigningKey:
    """An opened key: a pyHanko signer plus its certificate. Close it when done."""

    def __init__(self, signer: Signer, session: pkcs11.Session | None = None) -> None:
        self.signer = signer
        self._session = session

    @property
    def certificate(self) -> x509.Certificate:
        cert = self.signer.signing_cert
        assert cert is not None
        return cert

    @property
    def chain(self) -> list[x509.Certificate]:
        """Other certificates that came with the key (intermediates, maybe the root)."""
        own = self.certificate.dump()
        return [c for c in self.signer.cert_registry if c.dump() != own]

    def close(self) -> None:
        if self._session is not None:
            self._session.close()
            self._session = None

    def __enter__(self) -> SigningKey:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def load_pkcs12(path: Path | str, password: str | bytes | None) -> SigningKey:
    """Open a PKCS#12 (.p12/.pfx) file; a wrong password raises `WrongPinError`."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise KeyAccessError(
            f"Cannot read the key file {path}: {exc.strerror}",
            f"Không đọc được tệp khóa {path}: {exc.strerror}",
        ) from exc
    return load_pkcs12_data(data, password)


def load_pkcs12_data(data: bytes, password: str | bytes | None) -> SigningKey:
    secret = password.encode() if isinstance(password, str) else password
    try:
        key, cert, others = pkcs12.load_key_and_certificates(data, secret)
    except ValueError as exc:
        # cryptography cannot tell a wrong password from damaged data; the former is the
        # overwhelmingly common case.
        raise WrongPinError(
            "Wrong password for the key file (or the file is damaged)",
            "Sai mật khẩu của tệp khóa (hoặc tệp bị hỏng)",
        ) from exc
    if key is None or cert is None:
        raise KeyAccessError(
            "The key file holds no private key with its certificate",
            "Tệp khóa không chứa khóa bí mật kèm chứng thư số",
        )
    store = SimpleCertificateStore()
    store.register_multiple(translate_pyca_cryptography_cert_to_asn1(c) for c in others)
    signer = SimpleSigner(
        signing_key=translate_pyca_cryptography_key_to_asn1(key),
        signing_cert=translate_pyca_cryptography_cert_to_asn1(cert),
        cert_registry=store,
    )
    return SigningKey(signer)


@dataclass(frozen=True)
class TokenInfo:
    slot: int
    label: str
    manufacturer: str
    model: str
    serial: str


@dataclass(frozen=True)
class TokenCertificate:
    label: str
    id_hex: str
    subject: str
    sha256: str


def _lib(module: str) -> Any:  # pkcs11.lib is a function-like class mypy cannot type
    if not Path(module).is_file():
        raise KeyAccessError(
            f"PKCS#11 module {module} not found", f"Không tìm thấy thư viện PKCS#11 {module}"
        )
    try:
        return pkcs11.lib(module)
    except (p11_errors.PKCS11Error, OSError, RuntimeError) as exc:
        raise KeyAccessError(
            f"Cannot load PKCS#11 module {module}: {exc}",
            f"Không nạp được thư viện PKCS#11 {module}: {exc}",
        ) from exc


def list_tokens(module: str) -> list[TokenInfo]:
    """Tokens present in the slots of a PKCS#11 module."""
    tokens = []
    for index, slot in enumerate(_lib(module).get_slots(token_present=True)):
        token = slot.get_token()
        tokens.append(
            TokenInfo(
                slot=index,
                label=token.label,
                manufacturer=token.manufacturer_id,
                model=token.model,
                serial=token.serial.decode(errors="replace")
                if isinstance(token.serial, bytes)
                else str(token.serial),
            )
        )
    return tokens


def _find_token(module: str, token_label: str) -> pkcs11.Token:
    try:
        return _lib(module).get_token(token_label=token_label)
    except (p11_errors.NoSuchToken, p11_errors.TokenNotPresent) as exc:
        raise TokenNotFoundError(
            f"No token labelled {token_label!r} is plugged in",
            f"Không thấy thiết bị ký số (token) có nhãn {token_label!r}",
        ) from exc


def list_certificates(
    module: str, token_label: str, pin: str | None = None
) -> list[TokenCertificate]:
    """Certificates on a token (most tokens show them without the PIN)."""
    token = _find_token(module, token_label)
    try:
        session = token.open(user_pin=pin) if pin is not None else token.open()
    except p11_errors.PinIncorrect as exc:
        raise _wrong_pin() from exc
    with session:
        found = []
        for obj in session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE}):
            der = bytes(obj[Attribute.VALUE])
            cert = x509.Certificate.load(der)
            found.append(
                TokenCertificate(
                    label=str(obj[Attribute.LABEL]),
                    id_hex=bytes(obj[Attribute.ID]).hex(),
                    subject=cert.subject.human_friendly,
                    sha256=hashlib.sha256(der).hexdigest(),
                )
            )
    return found


def _wrong_pin() -> WrongPinError:
    return WrongPinError("Wrong PIN for the token", "Sai mã PIN của thiết bị ký số (token)")


def open_pkcs11(
    module: str,
    token_label: str,
    pin: str,
    key_label: str,
    cert_label: str | None = None,
    other_cert_labels: Iterable[str] | None = None,
) -> SigningKey:
    """Log in to a token and find the key; a wrong PIN raises `WrongPinError`.

    Keep the returned key open to sign several documents with one PIN entry.
    """
    _find_token(module, token_label)
    try:
        session = open_pkcs11_session(
            module, token_criteria=TokenCriteria(label=token_label), user_pin=pin
        )
    except p11_errors.PinIncorrect as exc:
        raise _wrong_pin() from exc
    except p11_errors.PinLocked as exc:
        raise WrongPinError(
            "The token's PIN is locked", "Mã PIN của thiết bị ký số đã bị khóa"
        ) from exc
    except (p11_errors.PKCS11Error, HankoSigningError) as exc:
        raise KeyAccessError(
            f"Cannot open the token: {exc}", f"Không mở được thiết bị ký số: {exc}"
        ) from exc
    signer = PKCS11Signer(
        session,
        cert_label=cert_label or key_label,
        key_label=key_label,
        other_certs_to_pull=None if other_cert_labels is None else tuple(other_cert_labels),
    )
    try:
        # Load key and certificate now so a wrong label fails here, not halfway through signing.
        _ = signer.signing_cert
    except (p11_errors.PKCS11Error, HankoSigningError) as exc:
        session.close()
        raise TokenNotFoundError(
            f"No key/certificate labelled {key_label!r} on token {token_label!r}",
            f"Không thấy khóa/chứng thư có nhãn {key_label!r} trên thiết bị {token_label!r}",
        ) from exc
    return SigningKey(signer, session)
