"""Keys from PKCS#12 files and from a SoftHSM2 token; certificates refused before signing."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from asn1crypto import x509
from cryptography.hazmat.primitives.serialization import Encoding

from signing import pki
from signing.certcheck import TrustSettings, check_certificate
from signing.errors import CertificateProblem, CertificateRefused, TokenNotFoundError, WrongPinError
from signing.keys import (
    cert_sha256,
    list_certificates,
    list_tokens,
    load_pkcs12,
    load_pkcs12_data,
    open_pkcs11,
)
from signing.sign import PadesLevel, SignOptions, sign_batch, sign_pdf
from signing.validate import validate_pdf

if TYPE_CHECKING:
    from conftest import LoopbackPki, Token


def test_pkcs12_wrong_password(test_pki: LoopbackPki) -> None:
    with pytest.raises(WrongPinError) as info:
        load_pkcs12(test_pki.p12("chair"), "not-the-password")
    assert "Sai mật khẩu" in info.value.message_vi


def test_token_listing(softhsm_token: Token, test_pki: LoopbackPki) -> None:
    assert softhsm_token.label in [t.label for t in list_tokens(softhsm_token.module)]
    certs = list_certificates(softhsm_token.module, softhsm_token.label)
    assert cert_sha256(test_pki.cert("token-user")) in [c.sha256 for c in certs]
    assert any("Võ Văn Phúc" in c.subject for c in certs)


def test_token_wrong_pin_and_unknown_labels(softhsm_token: Token) -> None:
    with pytest.raises(WrongPinError):
        open_pkcs11(softhsm_token.module, softhsm_token.label, "000000", softhsm_token.key_label)
    with pytest.raises(TokenNotFoundError):
        open_pkcs11(softhsm_token.module, "no-such-token", softhsm_token.pin, "x")
    with pytest.raises(TokenNotFoundError):
        open_pkcs11(softhsm_token.module, softhsm_token.label, softhsm_token.pin, "no-such-key")


def test_sign_with_token_and_timestamp(
    softhsm_token: Token, test_pki: LoopbackPki, request_pdf: bytes
) -> None:
    with open_pkcs11(
        softhsm_token.module, softhsm_token.label, softhsm_token.pin, softhsm_token.key_label
    ) as key:
        assert cert_sha256(key.certificate) == cert_sha256(test_pki.cert("token-user"))
        options = SignOptions("chair", tsa_url=test_pki.tsa_url, trust=test_pki.trust())
        signed = sign_pdf(request_pdf, key, options)
        # One PIN entry, several documents.
        batch = sign_batch([(request_pdf, options), (signed, SignOptions("vice"))], key)
    report = validate_pdf(signed, [test_pki.root])
    (sig,) = report.signatures
    assert sig.ok and sig.level == PadesLevel.B_T and sig.signer_common_name == "Võ Văn Phúc"
    assert all(validate_pdf(doc, [test_pki.root]).all_valid for doc in batch)
    assert len(validate_pdf(batch[1], [test_pki.root]).signatures) == 2


@pytest.mark.parametrize(
    ("label", "problem", "words"),
    [
        ("expired", CertificateProblem.EXPIRED, "hết hạn"),
        ("revoked", CertificateProblem.REVOKED, "thu hồi"),
    ],
)
def test_expired_and_revoked_refused_before_signing(
    test_pki: LoopbackPki, request_pdf: bytes, label: str, problem: CertificateProblem, words: str
) -> None:
    with load_pkcs12(test_pki.p12(label), f"pw-{label}") as key:
        with pytest.raises(CertificateRefused) as info:
            sign_pdf(request_pdf, key, SignOptions("chair", trust=test_pki.trust()))
    assert info.value.problem == problem
    assert words in info.value.message_vi


def test_good_certificate_passes_with_ocsp(test_pki: LoopbackPki) -> None:
    status = check_certificate(test_pki.cert("chair"), test_pki.trust(require_revocation=True))
    assert "Nguyễn Văn An" in status.subject
    assert any("eCabinet Test Signing CA" in name for name in status.chain)


def test_untrusted_certificate_refused(test_pki: LoopbackPki, request_pdf: bytes) -> None:
    ca = pki.create_ca("Elsewhere CA", "Elsewhere")
    p12 = pki.issue_person(ca, "Người Lạ", organisation="Elsewhere", password="pw")
    with load_pkcs12_data(p12, "pw") as key:
        with pytest.raises(CertificateRefused) as info:
            sign_pdf(request_pdf, key, SignOptions("chair", trust=test_pki.trust()))
    assert info.value.problem == CertificateProblem.UNTRUSTED
    # The same certificate is fine against its own root.
    own_root = x509.Certificate.load(ca.certificate.public_bytes(Encoding.DER))
    with load_pkcs12_data(p12, "pw") as key:
        trust = TrustSettings(roots=(own_root,), fetch_revocation=False)
        assert check_certificate(key.certificate, trust).sha256 == cert_sha256(key.certificate)
