"""A small PKI for deployments and demos without the government CA (pyca/cryptography)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from signing.errors import PkiError

KeyType = Literal["rsa", "ec"]
CaKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey
CA_CERT_FILE = "ca.crt.pem"
CA_KEY_FILE = "ca.key.pem"


def _new_key(key_type: KeyType) -> CaKey:
    # Circular 15/2025: RSA >= 2048 bits or ECDSA >= 256 bits.
    if key_type == "rsa":
        return rsa.generate_private_key(public_exponent=65537, key_size=2048)
    if key_type == "ec":
        return ec.generate_private_key(ec.SECP256R1())
    raise PkiError(f"Unknown key type {key_type!r}", f"Loại khóa không hợp lệ {key_type!r}")


def _name(common_name: str, organisation: str | None, unit: str | None = None) -> x509.Name:
    parts = [x509.NameAttribute(NameOID.COUNTRY_NAME, "VN")]
    if organisation:
        parts.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation))
    if unit:
        parts.append(x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, unit))
    parts.append(x509.NameAttribute(NameOID.COMMON_NAME, common_name))
    return x509.Name(parts)


@dataclass(frozen=True)
class CertificateAuthority:
    certificate: x509.Certificate
    private_key: CaKey

    def save(self, directory: Path, password: str) -> None:
        """Write the CA certificate and its password-protected key into `directory`."""
        directory.mkdir(parents=True, exist_ok=True)
        (directory / CA_CERT_FILE).write_bytes(
            self.certificate.public_bytes(serialization.Encoding.PEM)
        )
        key_path = directory / CA_KEY_FILE
        key_path.write_bytes(
            self.private_key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.BestAvailableEncryption(password.encode()),
            )
        )
        key_path.chmod(0o600)

    @classmethod
    def load(cls, directory: Path, password: str) -> CertificateAuthority:
        try:
            cert = x509.load_pem_x509_certificate((directory / CA_CERT_FILE).read_bytes())
            key = serialization.load_pem_private_key(
                (directory / CA_KEY_FILE).read_bytes(), password.encode()
            )
        except OSError as exc:
            raise PkiError(
                f"No CA in {directory}: {exc.strerror}",
                f"Không có CA trong {directory}: {exc.strerror}",
            ) from exc
        except (ValueError, TypeError) as exc:
            raise PkiError("Wrong CA key password", "Sai mật khẩu khóa của CA") from exc
        if not isinstance(key, rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey):
            raise PkiError("Unsupported CA key type", "Loại khóa CA không được hỗ trợ")
        return cls(cert, key)


def _now(now: dt.datetime | None) -> dt.datetime:
    return now or dt.datetime.now(dt.UTC)


def create_ca(
    common_name: str,
    organisation: str,
    *,
    key_type: KeyType = "rsa",
    valid_days: int = 3650,
    now: dt.datetime | None = None,
) -> CertificateAuthority:
    key = _new_key(key_type)
    name = _name(common_name, organisation)
    start = _now(now) - dt.timedelta(minutes=5)
    ski = x509.SubjectKeyIdentifier.from_public_key(key.public_key())
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + dt.timedelta(days=valid_days))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(ski, critical=False)
        .sign(key, hashes.SHA256())
    )
    return CertificateAuthority(cert, key)


def _issue(
    ca: CertificateAuthority,
    subject: x509.Name,
    *,
    key_type: KeyType,
    valid_days: int,
    password: str,
    friendly_name: str,
    email: str | None,
    now: dt.datetime | None,
) -> bytes:
    key = _new_key(key_type)
    start = _now(now) - dt.timedelta(minutes=5)
    end = min(start + dt.timedelta(days=valid_days), ca.certificate.not_valid_after_utc)
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(ca.certificate.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            # Signing documents: digital signature and non-repudiation (content commitment).
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca.private_key.public_key()),
            critical=False,
        )
    )
    if email:
        builder = builder.add_extension(
            x509.SubjectAlternativeName([x509.RFC822Name(email)]), critical=False
        )
    cert = builder.sign(ca.private_key, hashes.SHA256())
    return pkcs12.serialize_key_and_certificates(
        friendly_name.encode(),
        key,
        cert,
        [ca.certificate],
        serialization.BestAvailableEncryption(password.encode()),
    )


def issue_person(
    ca: CertificateAuthority,
    full_name: str,
    *,
    organisation: str,
    title: str | None = None,
    email: str | None = None,
    password: str,
    key_type: KeyType = "rsa",
    valid_days: int = 730,
    now: dt.datetime | None = None,
) -> bytes:
    """A person's signing certificate and key as PKCS#12 bytes (protected by `password`)."""
    subject = _name(full_name, organisation, title)
    return _issue(
        ca,
        subject,
        key_type=key_type,
        valid_days=valid_days,
        password=password,
        friendly_name=full_name,
        email=email,
        now=now,
    )


def issue_organisation(
    ca: CertificateAuthority,
    organisation: str,
    *,
    password: str,
    parent: str | None = None,
    key_type: KeyType = "rsa",
    valid_days: int = 730,
    now: dt.datetime | None = None,
) -> bytes:
    """An organisation's seal certificate and key as PKCS#12 bytes (the clerk signs with it)."""
    subject = _name(organisation, parent or organisation)
    return _issue(
        ca,
        subject,
        key_type=key_type,
        valid_days=valid_days,
        password=password,
        friendly_name=organisation,
        email=None,
        now=now,
    )
