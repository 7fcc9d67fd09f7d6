"""Check the signer's certificate before signing (Decree 68/2024 Art. 29, Circular 15/2025)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from asn1crypto import x509
from pyhanko.keys import load_certs_from_pemder
from pyhanko_certvalidator import CertificateValidator, ValidationContext
from pyhanko_certvalidator import errors as cv_errors

from signing.aio import run_sync
from signing.errors import CertificateProblem, CertificateRefused, KeyAccessError
from signing.keys import cert_sha256

# Either of these key usages makes a certificate fit for signing documents.
SIGNING_KEY_USAGES = frozenset({"digital_signature", "non_repudiation"})


@dataclass(frozen=True)
class TrustSettings:
    """The trust roots and how hard to look for revocation information."""

    roots: tuple[x509.Certificate, ...]
    intermediates: tuple[x509.Certificate, ...] = ()
    # Fetch OCSP responses and CRLs over the network where the certificate points to them.
    fetch_revocation: bool = True
    # Refuse when no revocation information could be obtained (else: check where reachable).
    require_revocation: bool = False

    @classmethod
    def from_files(
        cls, roots: Iterable[Path | str], intermediates: Iterable[Path | str] = (), **kwargs: bool
    ) -> TrustSettings:
        try:
            root_certs = tuple(load_certs_from_pemder([str(p) for p in roots]))
            inter_certs = tuple(load_certs_from_pemder([str(p) for p in intermediates]))
        except OSError as exc:
            raise KeyAccessError(
                f"Cannot read trust certificates: {exc}", f"Không đọc được chứng thư gốc: {exc}"
            ) from exc
        return cls(roots=root_certs, intermediates=inter_certs, **kwargs)

    def validation_context(
        self,
        *,
        moment: dt.datetime | None = None,
        other_certs: Sequence[x509.Certificate] = (),
        fetch: bool | None = None,
    ) -> ValidationContext:
        return ValidationContext(
            trust_roots=list(self.roots),
            other_certs=[*self.intermediates, *other_certs],
            moment=moment,
            allow_fetching=self.fetch_revocation if fetch is None else fetch,
            revocation_mode="hard-fail" if self.require_revocation else "soft-fail",
        )


@dataclass(frozen=True)
class CertificateStatus:
    subject: str
    sha256: str
    not_after: dt.datetime
    chain: tuple[str, ...]


def _date(moment: dt.datetime) -> str:
    return moment.date().isoformat()


def _check_period(cert: x509.Certificate, moment: dt.datetime) -> None:
    validity = cert["tbs_certificate"]["validity"]
    not_before = validity["not_before"].native
    not_after = validity["not_after"].native
    if moment > not_after:
        raise CertificateRefused(
            CertificateProblem.EXPIRED,
            f"The certificate expired on {_date(not_after)}",
            f"Chứng thư số đã hết hạn từ ngày {_date(not_after)}",
        )
    if moment < not_before:
        raise CertificateRefused(
            CertificateProblem.NOT_YET_VALID,
            f"The certificate is valid only from {_date(not_before)}",
            f"Chứng thư số chỉ có hiệu lực từ ngày {_date(not_before)}",
        )


def _check_key_usage(cert: x509.Certificate) -> None:
    usage = cert.key_usage_value
    present = set(usage.native) if usage is not None else set()
    if not present & SIGNING_KEY_USAGES:
        raise CertificateRefused(
            CertificateProblem.KEY_USAGE,
            "The certificate is not meant for signing (no digital signature or "
            "non-repudiation key usage)",
            "Chứng thư số không dùng để ký (thiếu mục đích chữ ký số / chống chối bỏ)",
        )


async def async_check_certificate(
    cert: x509.Certificate,
    trust: TrustSettings,
    *,
    other_certs: Sequence[x509.Certificate] = (),
    moment: dt.datetime | None = None,
) -> CertificateStatus:
    """Refuse (raise `CertificateRefused`) an expired, unfit, untrusted or revoked certificate."""
    when = moment or dt.datetime.now(dt.UTC)
    _check_period(cert, when)
    _check_key_usage(cert)
    context = trust.validation_context(moment=moment, other_certs=other_certs)
    validator = CertificateValidator(
        cert, intermediate_certs=list(other_certs), validation_context=context
    )
    try:
        path = await validator.async_validate_path()
    except cv_errors.RevokedError as exc:
        raise CertificateRefused(
            CertificateProblem.REVOKED,
            f"The certificate has been revoked: {exc}",
            "Chứng thư số đã bị thu hồi",
        ) from exc
    except cv_errors.InsufficientRevinfoError as exc:
        raise CertificateRefused(
            CertificateProblem.REVOCATION_UNKNOWN,
            f"The revocation status of the certificate could not be checked: {exc}",
            "Không kiểm tra được tình trạng thu hồi của chứng thư số",
        ) from exc
    except cv_errors.ExpiredError as exc:
        raise CertificateRefused(
            CertificateProblem.EXPIRED,
            f"A certificate in the chain has expired: {exc}",
            "Một chứng thư trong chuỗi chứng thực đã hết hạn",
        ) from exc
    except (cv_errors.PathBuildingError, cv_errors.PathValidationError) as exc:
        raise CertificateRefused(
            CertificateProblem.UNTRUSTED,
            f"The certificate does not chain to a trusted root: {exc}",
            "Chứng thư số không thuộc chuỗi tin cậy của tổ chức cung cấp dịch vụ chứng thực",
        ) from exc
    finally:
        await context.aclose()
    return CertificateStatus(
        subject=cert.subject.human_friendly,
        sha256=cert_sha256(cert),
        not_after=cert["tbs_certificate"]["validity"]["not_after"].native,
        chain=tuple(c.subject.human_friendly for c in path),
    )


def check_certificate(
    cert: x509.Certificate,
    trust: TrustSettings,
    *,
    other_certs: Sequence[x509.Certificate] = (),
    moment: dt.datetime | None = None,
) -> CertificateStatus:
    """Blocking form of `async_check_certificate` (not from inside a running event loop)."""
    return run_sync(async_check_certificate(cert, trust, other_certs=other_certs, moment=moment))
