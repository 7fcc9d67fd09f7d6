"""Signing on a "laptop" with a PKCS#12 key file of the test PKI (tests/support/pki.py):
a person's signature with a drawn image, or the organisation's seal (PAdES B-LTA)."""

from __future__ import annotations

from signing.appearance import PersonAppearance, SealAppearance
from signing.demo_images import demo_seal_png, demo_signature_png
from signing.keys import load_pkcs12
from signing.sign import SignOptions, async_sign_pdf
from tests.support.pki import LoopbackPki

ORG = "Ủy ban nhân dân thành phố Thủ Dầu Một"


async def sign_p12(
    pki: LoopbackPki, label: str, pdf: bytes, field: str, *, seal: bool = False
) -> bytes:
    with load_pkcs12(pki.p12(label), f"pw-{label}") as key:
        appearance = (
            SealAppearance(ORG, demo_seal_png(ORG, "Tỉnh Bình Dương"))
            if seal
            else PersonAppearance("Lãnh đạo", label, demo_signature_png(label))
        )
        options = SignOptions(
            field_name=field,
            appearance=appearance,
            tsa_url=pki.tsa_url,
            trust=pki.trust() if seal else None,
            seal=seal,
        )
        return await async_sign_pdf(pdf, key, options)
