"""Tampering is reported, and the server refuses revisions that are not one clean signature."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

import pytest
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from signing_testdocs import minutes_pdf

from signing.errors import RevisionProblem, RevisionRefused
from signing.keys import cert_sha256, load_pkcs12
from signing.revision import ExpectedSigner, check_revision
from signing.sign import SignOptions, sign_pdf
from signing.validate import validate_pdf

if TYPE_CHECKING:
    from conftest import LoopbackPki


def _sign(pki: LoopbackPki, pdf: bytes, field: str, label: str) -> bytes:
    with load_pkcs12(pki.p12(label), f"pw-{label}") as key:
        return sign_pdf(pdf, key, SignOptions(field_name=field))


def _append_page_change(pdf: bytes) -> bytes:
    """An incremental update that paints a box over page 1: a change to the signed content."""
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    stream = generic.StreamObject(stream_data=b"q 0 0 1 rg 100 600 300 80 re f Q")
    writer.add_stream_to_page(0, writer.add_object(stream))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def first_signed(test_pki: LoopbackPki, request_pdf: bytes) -> bytes:
    return _sign(test_pki, request_pdf, "secretary", "vice1")


def test_byte_flip_is_reported(first_signed: bytes, test_pki: LoopbackPki) -> None:
    assert validate_pdf(first_signed, [test_pki.root]).all_valid
    position = first_signed.index(b"/Producer (") + len(b"/Producer (")
    flipped = bytearray(first_signed)
    flipped[position] ^= 0x01
    report = validate_pdf(bytes(flipped), [test_pki.root])
    (sig,) = report.signatures
    assert not sig.intact and not sig.ok and not report.all_valid
    assert "ĐÃ BỊ THAY ĐỔI" in report.summary_vi()


def test_appended_page_change_is_reported(first_signed: bytes, test_pki: LoopbackPki) -> None:
    tampered = _append_page_change(first_signed)
    report = validate_pdf(tampered, [test_pki.root])
    (sig,) = report.signatures
    assert sig.intact and sig.valid  # the signed bytes themselves are untouched...
    assert sig.tampered and not report.all_valid  # ...but what follows them is not allowed
    assert "CHANGED" in report.summary_en()


def test_revision_accepted_only_for_expected_field_and_signer(
    request_pdf: bytes, first_signed: bytes, test_pki: LoopbackPki
) -> None:
    fingerprint = cert_sha256(test_pki.cert("vice1"))
    roots = [test_pki.root]
    report = check_revision(
        request_pdf,
        first_signed,
        field_name="secretary",
        signer=ExpectedSigner(sha256=fingerprint),
        trust_roots=roots,
    )
    assert report.ok
    with pytest.raises(RevisionRefused) as wrong_field:
        check_revision(
            request_pdf,
            first_signed,
            field_name="chair",
            signer=ExpectedSigner(sha256=fingerprint),
            trust_roots=roots,
        )
    assert wrong_field.value.problem == RevisionProblem.WRONG_FIELD
    with pytest.raises(RevisionRefused) as wrong_signer:
        check_revision(
            request_pdf,
            first_signed,
            field_name="secretary",
            signer=ExpectedSigner(subject="Nguyễn Văn An"),
            trust_roots=roots,
        )
    assert wrong_signer.value.problem == RevisionProblem.WRONG_SIGNER
    assert "không phải người được giao ký" in wrong_signer.value.message_vi


def test_revision_with_changed_content_is_refused(
    request_pdf: bytes, first_signed: bytes, test_pki: LoopbackPki
) -> None:
    signer = ExpectedSigner(sha256=cert_sha256(test_pki.cert("vice1")))
    roots = [test_pki.root]
    # A page change appended after the signature.
    with pytest.raises(RevisionRefused) as after:
        check_revision(
            request_pdf,
            _append_page_change(first_signed),
            field_name="secretary",
            signer=signer,
            trust_roots=roots,
        )
    assert after.value.problem == RevisionProblem.CHANGED_CONTENT
    # A page change slipped in before signing.
    sneaky = _sign(test_pki, _append_page_change(request_pdf), "secretary", "vice1")
    with pytest.raises(RevisionRefused) as before:
        check_revision(
            request_pdf, sneaky, field_name="secretary", signer=signer, trust_roots=roots
        )
    assert before.value.problem == RevisionProblem.CHANGED_CONTENT


def test_upload_that_is_not_an_extension_is_refused(
    request_pdf: bytes, first_signed: bytes, test_pki: LoopbackPki
) -> None:
    signer = ExpectedSigner(sha256=cert_sha256(test_pki.cert("vice1")))
    cases = (
        (minutes_pdf(pages=1), RevisionProblem.NOT_AN_EXTENSION),
        (request_pdf, RevisionProblem.NOT_AN_EXTENSION),
        (first_signed[:-30], RevisionProblem.NOT_A_PDF),
    )
    for upload, problem in cases:
        with pytest.raises(RevisionRefused) as info:
            check_revision(
                request_pdf,
                upload,
                field_name="secretary",
                signer=signer,
                trust_roots=[test_pki.root],
            )
        assert info.value.problem == problem


def test_untrusted_signer_is_refused(request_pdf: bytes, first_signed: bytes) -> None:
    from signing import pki

    other_root = pki.create_ca("Other CA", "Elsewhere").certificate
    from asn1crypto import x509
    from cryptography.hazmat.primitives.serialization import Encoding

    root = x509.Certificate.load(other_root.public_bytes(Encoding.DER))
    with pytest.raises(RevisionRefused) as info:
        check_revision(
            request_pdf,
            first_signed,
            field_name="secretary",
            signer=ExpectedSigner(subject="Trần Thị Bình"),
            trust_roots=[root],
        )
    assert info.value.problem == RevisionProblem.UNTRUSTED_SIGNER
