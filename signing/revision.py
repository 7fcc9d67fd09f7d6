"""The server's acceptance check for an uploaded revision of a document under signature.

A revision is accepted only when it is the previous revision's bytes plus one incremental
update that adds exactly a valid signature of the expected signer in the expected field
(for the organisation's seal, validation data and an archive timestamp may follow it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from asn1crypto import x509
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.sign.diff_analysis import (
    DEFAULT_DIFF_POLICY,
    ModificationLevel,
    SuspiciousModification,
)
from pyhanko.sign.validation import EmbeddedPdfSignature
from pyhanko_certvalidator import ValidationContext

from signing.aio import run_sync
from signing.errors import PdfInputError, RevisionProblem, RevisionRefused
from signing.fields import open_reader
from signing.keys import cert_sha256
from signing.validate import SignatureReport, validate_embedded


@dataclass(frozen=True)
class ExpectedSigner:
    """Who must have signed: the certificate's SHA-256 fingerprint, or its subject."""

    sha256: str | None = None
    subject: str | None = None

    def __post_init__(self) -> None:
        if not (self.sha256 or self.subject):
            raise ValueError("ExpectedSigner needs a fingerprint or a subject")

    def matches(self, cert: x509.Certificate) -> bool:
        if self.sha256:
            wanted = self.sha256.replace(":", "").replace(" ", "").lower()
            return cert_sha256(cert) == wanted
        assert self.subject is not None
        names = {cert.subject.human_friendly, str(cert.subject.native.get("common_name", ""))}
        return self.subject in names


def _refuse(problem: RevisionProblem, en: str, vi: str) -> RevisionRefused:
    return RevisionRefused(problem, en, vi)


def _new_signatures(
    reader_sigs: list[EmbeddedPdfSignature], previous_revisions: int
) -> tuple[list[EmbeddedPdfSignature], list[EmbeddedPdfSignature]]:
    new = [s for s in reader_sigs if s.signed_revision >= previous_revisions]
    signatures = [s for s in new if s.sig_object_type == "/Sig"]
    timestamps = [s for s in new if s.sig_object_type == "/DocTimeStamp"]
    return signatures, timestamps


async def async_check_revision(
    previous: bytes,
    uploaded: bytes,
    *,
    field_name: str,
    signer: ExpectedSigner,
    trust_roots: Sequence[x509.Certificate],
    other_certs: Sequence[x509.Certificate] = (),
    allow_fetching: bool = False,
) -> SignatureReport:
    """Accept `uploaded` (returning its new signature's report) or raise `RevisionRefused`."""
    if len(uploaded) <= len(previous) or not uploaded.startswith(previous):
        raise _refuse(
            RevisionProblem.NOT_AN_EXTENSION,
            "The upload does not extend the current revision of the document",
            "Tệp tải lên không phải là bản kế tiếp của phiên bản hiện tại của văn bản",
        )
    try:
        previous_reader = open_reader(previous)
        reader = open_reader(uploaded)
        previous_revisions = previous_reader.xrefs.total_revisions
        embedded = list(reader.embedded_signatures)
    except (PdfInputError, PdfError, ValueError, KeyError) as exc:
        raise _refuse(
            RevisionProblem.NOT_A_PDF,
            f"The upload is not a readable PDF: {exc}",
            f"Tệp tải lên không phải là PDF đọc được: {exc}",
        ) from exc
    signatures, timestamps = _new_signatures(embedded, previous_revisions)
    if not signatures:
        raise _refuse(
            RevisionProblem.NO_NEW_SIGNATURE,
            "The upload adds no signature",
            "Tệp tải lên không có chữ ký số mới",
        )
    if len(signatures) > 1:
        raise _refuse(
            RevisionProblem.TOO_MANY_SIGNATURES,
            f"The upload adds {len(signatures)} signatures instead of one",
            f"Tệp tải lên thêm {len(signatures)} chữ ký thay vì một",
        )
    signature = signatures[0]
    if signature.signed_revision != previous_revisions:
        raise _refuse(
            RevisionProblem.CHANGED_CONTENT,
            "The upload changes the document before signing it",
            "Tệp tải lên đã sửa văn bản trước khi ký",
        )
    if signature.field_name != field_name:
        raise _refuse(
            RevisionProblem.WRONG_FIELD,
            f"The signature is in field {signature.field_name!r}, expected {field_name!r}",
            f"Chữ ký nằm ở ô {signature.field_name!r}, đúng ra phải ở ô {field_name!r}",
        )
    if not signer.matches(signature.signer_cert):
        who = signature.signer_cert.subject.human_friendly
        raise _refuse(
            RevisionProblem.WRONG_SIGNER,
            f"Signed by {who}, not the expected signer",
            f"Người ký {who} không phải người được giao ký",
        )
    allowed_fields = {field_name, *(str(t.field_name) for t in timestamps)}
    _check_changes(reader, previous_revisions - 1, allowed_fields)
    context = ValidationContext(
        trust_roots=list(trust_roots),
        other_certs=list(other_certs),
        allow_fetching=allow_fetching,
        revocation_mode="soft-fail",
    )
    try:
        later = [s for s in embedded if s.signed_revision > signature.signed_revision]
        report = await validate_embedded(signature, later, context, None)
    finally:
        await context.aclose()
    if not (report.intact and report.valid) or report.tampered:
        raise _refuse(
            RevisionProblem.BROKEN_SIGNATURE,
            f"The new signature is broken: {'; '.join(report.problems)}",
            "Chữ ký số mới không hợp lệ (văn bản bị thay đổi hoặc chữ ký hỏng)",
        )
    if report.revoked or not report.trusted:
        raise _refuse(
            RevisionProblem.UNTRUSTED_SIGNER,
            f"The signer's certificate is not trusted: {'; '.join(report.problems)}",
            "Chứng thư số của người ký không hợp lệ hoặc không thuộc chuỗi tin cậy",
        )
    return report


def _check_changes(reader: object, base_revision: int, allowed_fields: set[str]) -> None:
    """Everything after the previous revision must be form filling of the allowed fields."""
    result = DEFAULT_DIFF_POLICY.review_file(reader, base_revision)  # type: ignore[arg-type]
    if isinstance(result, SuspiciousModification):
        raise _refuse(
            RevisionProblem.CHANGED_CONTENT,
            f"The upload changes the document's content: {result}",
            "Tệp tải lên đã thay đổi nội dung văn bản",
        )
    if result.modification_level > ModificationLevel.FORM_FILLING:
        raise _refuse(
            RevisionProblem.CHANGED_CONTENT,
            "The upload changes the document's content",
            "Tệp tải lên đã thay đổi nội dung văn bản",
        )
    extra = set(result.changed_form_fields) - allowed_fields
    if extra:
        raise _refuse(
            RevisionProblem.WRONG_FIELD,
            f"The upload also changes the fields {', '.join(sorted(extra))}",
            f"Tệp tải lên còn thay đổi các ô {', '.join(sorted(extra))}",
        )


def check_revision(
    previous: bytes,
    uploaded: bytes,
    *,
    field_name: str,
    signer: ExpectedSigner,
    trust_roots: Sequence[x509.Certificate],
    other_certs: Sequence[x509.Certificate] = (),
    allow_fetching: bool = False,
) -> SignatureReport:
    """Blocking form of `async_check_revision` (not from inside a running event loop)."""
    return run_sync(
        async_check_revision(
            previous,
            uploaded,
            field_name=field_name,
            signer=signer,
            trust_roots=trust_roots,
            other_certs=other_certs,
            allow_fetching=allow_fetching,
        )
    )
