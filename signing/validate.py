"""Validate every signature of a PDF: integrity, trust, timestamp, revocation, later changes.

The report speaks Vietnamese (Circular 15/2025: signer, time, integrity, trust) and English.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from asn1crypto import x509
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.sign.diff_analysis import ModificationLevel, SuspiciousModification
from pyhanko.sign.validation import (
    DocumentSecurityStore,
    EmbeddedPdfSignature,
    SignatureCoverageLevel,
    async_validate_pdf_signature,
    async_validate_pdf_timestamp,
)
from pyhanko.sign.validation.status import ModificationInfo, SignatureStatus
from pyhanko_certvalidator import ValidationContext

from signing.aio import run_sync
from signing.appearance import vietnam_time
from signing.errors import PdfInputError
from signing.fields import open_reader
from signing.keys import cert_sha256
from signing.sign import PadesLevel


@dataclass(frozen=True)
class SignatureReport:
    field_name: str
    is_document_timestamp: bool
    signer: str
    signer_common_name: str
    cert_sha256: str
    # The time the signer's computer claimed, and the time a timestamp authority vouched for.
    claimed_time: dt.datetime | None
    timestamp_time: dt.datetime | None
    intact: bool
    valid: bool
    trusted: bool
    revoked: bool
    timestamp_ok: bool | None
    covers_whole_file: bool
    modification: str
    tampered: bool
    level: PadesLevel | None
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return (
            self.intact
            and self.valid
            and self.trusted
            and not self.revoked
            and not self.tampered
            and self.timestamp_ok is not False
        )

    @property
    def signing_time(self) -> dt.datetime | None:
        return self.timestamp_time or self.claimed_time

    def _when(self) -> str:
        return vietnam_time(self.signing_time) if self.signing_time else "?"

    def summary_vi(self) -> str:
        kind = "Dấu thời gian văn bản" if self.is_document_timestamp else "Chữ ký số"
        integrity = (
            "văn bản KHÔNG bị thay đổi sau khi ký"
            if self.intact and self.valid and not self.tampered
            else "văn bản ĐÃ BỊ THAY ĐỔI sau khi ký (chữ ký không còn giá trị)"
        )
        if self.revoked:
            trust = "chứng thư số ĐÃ BỊ THU HỒI"
        elif self.trusted:
            trust = "chứng thư số hợp lệ, thuộc chuỗi tin cậy"
        else:
            trust = "chứng thư số KHÔNG thuộc chuỗi tin cậy"
        verdict = "HỢP LỆ" if self.ok else "KHÔNG HỢP LỆ"
        stamp = ""
        if self.timestamp_time is not None:
            stamp = "; có dấu thời gian" + ("" if self.timestamp_ok else " (không hợp lệ)")
        return (
            f"{kind} ô {self.field_name}: {verdict}. Người ký: {self.signer_common_name}; "
            f"thời gian ký: {self._when()}{stamp}; tính toàn vẹn: {integrity}; "
            f"tin cậy: {trust}."
        )

    def summary_en(self) -> str:
        kind = "Document timestamp" if self.is_document_timestamp else "Signature"
        integrity = (
            "document unchanged since signing"
            if self.intact and self.valid and not self.tampered
            else "document CHANGED after signing (signature no longer holds)"
        )
        if self.revoked:
            trust = "certificate REVOKED"
        elif self.trusted:
            trust = "certificate valid and trusted"
        else:
            trust = "certificate NOT trusted"
        verdict = "VALID" if self.ok else "NOT VALID"
        stamp = ""
        if self.timestamp_time is not None:
            stamp = "; timestamped" + ("" if self.timestamp_ok else " (timestamp invalid)")
        return (
            f"{kind} in field {self.field_name}: {verdict}. Signer: {self.signer_common_name}; "
            f"signed at: {self._when()}{stamp}; integrity: {integrity}; trust: {trust}."
        )


@dataclass(frozen=True)
class ValidationReport:
    signatures: tuple[SignatureReport, ...]

    @property
    def all_valid(self) -> bool:
        return bool(self.signatures) and all(s.ok for s in self.signatures)

    def summary_vi(self) -> str:
        if not self.signatures:
            return "Văn bản không có chữ ký số."
        return "\n".join(s.summary_vi() for s in self.signatures)

    def summary_en(self) -> str:
        if not self.signatures:
            return "The document has no digital signature."
        return "\n".join(s.summary_en() for s in self.signatures)


def _common_name(cert: x509.Certificate) -> str:
    native = cert.subject.native
    return str(native.get("common_name", cert.subject.human_friendly))


def _modification(status: ModificationInfo) -> tuple[str, bool]:
    if isinstance(status.diff_result, SuspiciousModification):
        return "suspicious", True
    level = status.modification_level
    if level is None:
        return "unknown", False
    tampered = level == ModificationLevel.OTHER or status.docmdp_ok is False
    return level.name.lower(), tampered


def _level(
    sig: EmbeddedPdfSignature,
    has_ts: bool,
    later_doc_ts: bool,
    dss: DocumentSecurityStore | None,
) -> PadesLevel:
    # B-LT needs this signer's validation data in the document security store.
    dss = dss if dss is not None and _in_dss(sig, dss) else None
    if not has_ts:
        return PadesLevel.B_B
    if dss is not None and later_doc_ts:
        return PadesLevel.B_LTA
    if dss is not None:
        return PadesLevel.B_LT
    return PadesLevel.B_T


def _in_dss(sig: EmbeddedPdfSignature, dss: DocumentSecurityStore) -> bool:
    own = sig.signer_cert.dump()
    return any(cert.dump() == own for cert in dss.load_certs())


def _problems(status: SignatureStatus, tampered: bool, covers: bool) -> tuple[str, ...]:
    problems = []
    if not status.intact:
        problems.append("digest mismatch: signed bytes were altered")
    if not status.valid:
        problems.append("cryptographic signature does not verify")
    if status.revoked:
        problems.append("signer certificate revoked")
    elif not status.trusted:
        problems.append(f"signer certificate not trusted ({status.trust_problem_indic})")
    if tampered:
        problems.append("document modified after signing in a way that is not allowed")
    if not covers:
        problems.append("signature does not cover its whole revision")
    return tuple(problems)


async def async_validate_pdf(
    pdf: bytes,
    trust_roots: Sequence[x509.Certificate],
    *,
    other_certs: Sequence[x509.Certificate] = (),
    allow_fetching: bool = False,
) -> ValidationReport:
    """Validate all signatures and document timestamps of `pdf` against `trust_roots`."""
    reader = open_reader(pdf)
    try:
        embedded = list(reader.embedded_signatures)
    except (PdfError, ValueError, KeyError) as exc:
        raise PdfInputError(
            f"The signatures cannot be read: {exc}", f"Không đọc được chữ ký số: {exc}"
        ) from exc
    kwargs: dict[str, Any] = {
        "trust_roots": list(trust_roots),
        "other_certs": list(other_certs),
        "allow_fetching": allow_fetching,
        "revocation_mode": "soft-fail",
    }
    try:
        dss: DocumentSecurityStore | None = DocumentSecurityStore.read_dss(reader)
    except (KeyError, PdfError, ValueError, TypeError):
        dss = None
    plain = ValidationContext(**kwargs)
    # The DSS holds revocation data for some signers only; a mismatched OCSP response there
    # would count against the others, so only their own signatures use it.
    archived = dss.as_validation_context(kwargs) if dss is not None else None
    reports = []
    try:
        for index, sig in enumerate(embedded):
            use_dss = archived is not None and dss is not None and _in_dss(sig, dss)
            context = archived if use_dss and archived is not None else plain
            reports.append(await validate_embedded(sig, embedded[index + 1 :], context, dss))
    finally:
        await plain.aclose()
        if archived is not None:
            await archived.aclose()
    return ValidationReport(tuple(reports))


async def validate_embedded(
    sig: EmbeddedPdfSignature,
    later: list[EmbeddedPdfSignature],
    context: ValidationContext,
    dss: DocumentSecurityStore | None,
) -> SignatureReport:
    is_doc_ts = sig.sig_object_type == "/DocTimeStamp"
    timestamp_time: dt.datetime | None = None
    timestamp_ok: bool | None = None
    claimed: dt.datetime | None = None
    if is_doc_ts:
        ts_status = await async_validate_pdf_timestamp(sig, validation_context=context)
        status: SignatureStatus = ts_status
        mod: ModificationInfo = ts_status
        timestamp_time = ts_status.timestamp
        timestamp_ok = ts_status.valid and ts_status.intact and ts_status.trusted
    else:
        sig_status = await async_validate_pdf_signature(
            sig, signer_validation_context=context, ts_validation_context=context
        )
        status = mod = sig_status
        claimed = sig_status.signer_reported_dt
        if sig_status.timestamp_validity is not None:
            tsv = sig_status.timestamp_validity
            timestamp_time = tsv.timestamp
            timestamp_ok = tsv.valid and tsv.intact and tsv.trusted
    modification, tampered = _modification(mod)
    covers = mod.coverage in (
        SignatureCoverageLevel.ENTIRE_FILE,
        SignatureCoverageLevel.ENTIRE_REVISION,
    )
    cert = status.signing_cert
    later_doc_ts = any(s.sig_object_type == "/DocTimeStamp" for s in later)
    return SignatureReport(
        field_name=str(sig.field_name),
        is_document_timestamp=is_doc_ts,
        signer=cert.subject.human_friendly,
        signer_common_name=_common_name(cert),
        cert_sha256=cert_sha256(cert),
        claimed_time=claimed,
        timestamp_time=timestamp_time,
        intact=status.intact,
        valid=status.valid,
        trusted=status.trusted,
        revoked=status.revoked,
        timestamp_ok=timestamp_ok,
        covers_whole_file=mod.coverage == SignatureCoverageLevel.ENTIRE_FILE,
        modification=modification,
        tampered=tampered or not covers,
        level=None if is_doc_ts else _level(sig, timestamp_time is not None, later_doc_ts, dss),
        problems=_problems(status, tampered, covers),
    )


def validate_pdf(
    pdf: bytes,
    trust_roots: Sequence[x509.Certificate],
    *,
    other_certs: Sequence[x509.Certificate] = (),
    allow_fetching: bool = False,
) -> ValidationReport:
    """Blocking form of `async_validate_pdf` (not from inside a running event loop)."""
    return run_sync(
        async_validate_pdf(pdf, trust_roots, other_certs=other_certs, allow_fetching=allow_fetching)
    )
