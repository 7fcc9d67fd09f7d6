"""The PDF and certificate work of the signing workflow, on pyHanko, pypdf and asn1crypto:
placing and adding signature fields, validating, checking a signer's certificate, and the
acceptance check of a signed revision.

The handlers import this module on the first signing request (`server.handlers.signing.pdf`),
on the event loop's thread: imported at start it cost every server start half a second, and
an import inside a worker thread would run the collector there (ecabinet/core/gui_gc.py says
why that matters in a process that also runs Qt)."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from asn1crypto import pem, x509
from pypdf import PdfReader

from meetings import protocol_signing as ps
from meetings.errors import BadRequest, InvalidDocument
from meetings.signing_flow import FieldBox, SignatureRefused, Signer, SignerRole
from server.signing_trust import SigningTrust
from signing.appearance import seal_box_for
from signing.certcheck import CertificateStatus, TrustSettings, check_certificate
from signing.errors import CertificateRefused, RevisionRefused, SigningError
from signing.fields import FieldSpec, add_signature_fields
from signing.keys import cert_sha256
from signing.revision import ExpectedSigner, check_revision
from signing.validate import SignatureReport, validate_pdf

# Default places when the sender gives no box: a grid at the bottom of the last page.
DEFAULT_BOX_W, DEFAULT_BOX_H, DEFAULT_MARGIN = 200.0, 100.0, 60.0


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    try:
        reader = PdfReader(io.BytesIO(pdf))
        return [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages]
    except Exception as exc:
        raise InvalidDocument("The document is not a readable PDF.", "Không đọc được PDF.") from exc


def place_fields(specs: list[ps.SignerSpec], sizes: list[tuple[float, float]]) -> list[Signer]:
    """Signers with their boxes: given ones checked against the page, missing ones placed in a
    two-column grid at the bottom of the last page, a seal over the left third of the
    previous signer's image."""
    signers: list[Signer] = []
    slot = 0
    for spec in specs:
        if spec.box is not None:
            box = FieldBox(spec.box.page, spec.box.x1, spec.box.y1, spec.box.x2, spec.box.y2)
        elif spec.role is SignerRole.SEAL and signers:
            prev = signers[-1].box
            x1, y1, x2, y2 = seal_box_for((prev.x1, prev.y1, prev.x2, prev.y2))
            box = FieldBox(prev.page, max(x1, 0), max(y1, 0), x2, y2)
        else:
            width, _ = sizes[-1]
            column, row = slot % 2, slot // 2
            x1 = DEFAULT_MARGIN if column == 0 else width - DEFAULT_MARGIN - DEFAULT_BOX_W
            y1 = DEFAULT_MARGIN + row * (DEFAULT_BOX_H + 10)
            box = FieldBox(len(sizes), x1, y1, x1 + DEFAULT_BOX_W, y1 + DEFAULT_BOX_H)
            slot += 1
        if box.page > len(sizes):
            raise BadRequest(
                f"Page {box.page} is outside 1-{len(sizes)}.",
                f"Trang {box.page} nằm ngoài 1-{len(sizes)}.",
            )
        width, height = sizes[box.page - 1]
        if box.x2 > width + 1 or box.y2 > height + 1:
            raise BadRequest(
                f"The field {spec.field_name} lies outside its page.",
                f"Ô ký {spec.field_name} nằm ngoài trang.",
            )
        signers.append(Signer(spec.person_id, spec.field_name, box, spec.role))
    return signers


def with_fields(pdf: bytes, signers: list[Signer]) -> bytes:
    specs = [
        FieldSpec(s.field_name, s.box.page - 1, (s.box.x1, s.box.y1, s.box.x2, s.box.y2))
        for s in signers
    ]
    try:
        return add_signature_fields(pdf, specs)
    except SigningError as exc:
        raise InvalidDocument(exc.message_en, exc.message_vi) from exc


# --- validation ---------------------------------------------------------------------------


def _summary(s: SignatureReport) -> ps.SignatureSummaryView:
    return ps.SignatureSummaryView(
        field_name=s.field_name,
        is_document_timestamp=s.is_document_timestamp,
        signer=s.signer_common_name,
        cert_sha256=s.cert_sha256,
        signing_time=s.signing_time,
        ok=s.ok,
        intact=s.intact,
        trusted=s.trusted,
        revoked=s.revoked,
        tampered=s.tampered,
        level=s.level.value if s.level else None,
        summary_vi=s.summary_vi(),
        summary_en=s.summary_en(),
    )


def validation_view(
    pdf: bytes, trust: SigningTrust, request_id: str, number: int
) -> ps.ValidationView:
    """The signature panel of a revision (CPU work: call it on a worker thread)."""
    report = validate_pdf(
        pdf,
        trust.require_roots(),
        other_certs=trust.intermediates,
        allow_fetching=trust.fetch_revocation,
    )
    return ps.ValidationView(
        request_id=request_id,
        revision=number,
        all_valid=report.all_valid,
        signatures=[_summary(s) for s in report.signatures],
        summary_vi=report.summary_vi(),
        summary_en=report.summary_en(),
    )


# --- signers' certificates ----------------------------------------------------------------


@dataclass(frozen=True)
class CheckedCertificate:
    status: CertificateStatus
    common_name: str
    sha256: str
    pem: str


def parse_pem(text: str) -> x509.Certificate:
    data = text.encode()
    try:
        if pem.detect(data):
            _, _, data = pem.unarmor(data)
        cert = x509.Certificate.load(data)
        _ = cert.subject.human_friendly  # parse now: bad bytes fail here, not later
    except (ValueError, TypeError) as exc:
        raise BadRequest(
            "That is not a PEM certificate.", "Đây không phải chứng thư số dạng PEM."
        ) from exc
    if cert.ca:
        raise BadRequest(
            "A CA certificate is not a signing certificate.",
            "Chứng thư của tổ chức chứng thực (CA) không dùng để ký văn bản.",
            details={"problem": "ca-certificate"},
        )
    return cert


def check_signing_certificate(cert: x509.Certificate, trust: SigningTrust) -> CheckedCertificate:
    """Chain, validity, key usage and (if configured) revocation (worker thread: it may ask
    OCSP and CRL servers)."""
    settings = TrustSettings(
        roots=trust.require_roots(),
        intermediates=trust.intermediates,
        fetch_revocation=trust.fetch_revocation,
    )
    try:
        status = check_certificate(cert, settings)
    except CertificateRefused as exc:
        raise BadRequest(
            exc.message_en, exc.message_vi, details={"problem": exc.problem.value}
        ) from exc
    return CheckedCertificate(
        status=status,
        common_name=str(cert.subject.native.get("common_name", status.subject)),
        sha256=cert_sha256(cert),
        pem=pem.armor("CERTIFICATE", cert.dump()).decode(),
    )


# --- the acceptance check of a signed revision -------------------------------------------


@dataclass(frozen=True)
class RegisteredSigner(ExpectedSigner):
    """The signer as the server knows them: any of the certificates they registered."""

    fingerprints: frozenset[str] = field(default_factory=frozenset)

    def matches(self, cert: x509.Certificate) -> bool:
        return cert_sha256(cert) in self.fingerprints


def accept_revision(
    previous: bytes,
    uploaded: bytes,
    field_name: str,
    fingerprints: tuple[str, ...],
    trust: SigningTrust,
) -> SignatureReport:
    """`uploaded` adds exactly the signer's valid signature in `field_name` to `previous`, or
    SignatureRefused says why (CPU work: call it on a worker thread)."""
    signer = RegisteredSigner(sha256=fingerprints[0], fingerprints=frozenset(fingerprints))
    try:
        return check_revision(
            previous,
            uploaded,
            field_name=field_name,
            signer=signer,
            trust_roots=trust.require_roots(),
            other_certs=trust.intermediates,
            allow_fetching=trust.fetch_revocation,
        )
    except (RevisionRefused, SigningError) as exc:
        problem = exc.problem.value if isinstance(exc, RevisionRefused) else "not-a-pdf"
        raise SignatureRefused(problem, exc.message_en, exc.message_vi) from exc


__all__ = [
    "CheckedCertificate",
    "RegisteredSigner",
    "accept_revision",
    "check_signing_certificate",
    "page_sizes",
    "parse_pem",
    "place_fields",
    "validation_view",
    "with_fields",
]
