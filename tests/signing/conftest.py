"""Real parts for the signing tests: a certomancer PKI served on loopback (OCSP, CRL, TSA)
and a SoftHSM2 token standing in for the signer's USB token."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pkcs11
import pytest
from signing_testdocs import REQUEST_FIELDS, minutes_pdf

from signing.fields import add_signature_fields
from tests.support.pki import SOFTHSM_MODULE, LoopbackPki, init_softhsm_token, serve_pki

HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="session")
def test_pki(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LoopbackPki]:
    with serve_pki(tmp_path_factory.mktemp("pki")) as pki:
        yield pki


@dataclass(frozen=True)
class Token:
    module: str
    label: str
    pin: str
    key_label: str


@pytest.fixture(scope="session")
def softhsm_token(
    tmp_path_factory: pytest.TempPathFactory, test_pki: LoopbackPki
) -> Iterator[Token]:
    if shutil.which("softhsm2-util") is None or not Path(SOFTHSM_MODULE).exists():
        pytest.fail("SoftHSM2 is not installed (Debian package softhsm2)")
    directory = tmp_path_factory.mktemp("softhsm")
    token = Token(SOFTHSM_MODULE, "ecabinet-test", "123456", "token-user")
    conf = init_softhsm_token(
        directory,
        test_pki,
        label=token.label,
        pin=token.pin,
        so_pin="654321",
        key_label=token.key_label,
    )
    previous = os.environ.get("SOFTHSM2_CONF")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    # The certificates go in through PKCS#11 itself.
    lib = pkcs11.lib(SOFTHSM_MODULE)
    with lib.get_token(token_label=token.label).open(rw=True, user_pin=token.pin) as session:
        for label, cert, key_id in (
            (token.key_label, test_pki.cert("token-user"), b"\x01"),
            ("interm", test_pki.interm, b"\x02"),
        ):
            session.create_object(
                {
                    pkcs11.Attribute.CLASS: pkcs11.ObjectClass.CERTIFICATE,
                    pkcs11.Attribute.CERTIFICATE_TYPE: pkcs11.CertificateType.X_509,
                    pkcs11.Attribute.TOKEN: True,
                    pkcs11.Attribute.LABEL: label,
                    pkcs11.Attribute.ID: key_id,
                    pkcs11.Attribute.SUBJECT: cert.subject.dump(),
                    pkcs11.Attribute.VALUE: cert.dump(),
                }
            )
    try:
        yield token
    finally:
        if previous is None:
            os.environ.pop("SOFTHSM2_CONF", None)
        else:
            os.environ["SOFTHSM2_CONF"] = previous


@pytest.fixture(scope="session")
def request_pdf() -> bytes:
    """A three-page minutes document with all fields of the signing request already added."""
    return add_signature_fields(minutes_pdf(), REQUEST_FIELDS)
