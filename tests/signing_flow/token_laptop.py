"""The signer's laptop with a USB token (SoftHSM2), as a child process of the tests.

token_laptop.py setup MODULE TOKEN PIN CERT.pem INTERM.pem
token_laptop.py sign MODULE TOKEN PIN KEY FIELD TSA_URL IN.pdf OUT.pdf
"""

from __future__ import annotations

import sys
from pathlib import Path

import pkcs11
from asn1crypto import pem, x509

from signing.appearance import PersonAppearance
from signing.demo_images import demo_signature_png
from signing.keys import open_pkcs11
from signing.sign import SignOptions, sign_pdf


def _cert(path: str) -> x509.Certificate:
    _, _, der = pem.unarmor(Path(path).read_bytes())
    return x509.Certificate.load(der)


def setup(module: str, token_label: str, pin: str, cert_path: str, interm_path: str) -> None:
    """softhsm2-util imports keys only; the certificates go in through PKCS#11 itself."""
    lib = pkcs11.lib(module)
    with lib.get_token(token_label=token_label).open(rw=True, user_pin=pin) as session:
        for label, cert, key_id in (
            ("token-user", _cert(cert_path), b"\x01"),
            ("interm", _cert(interm_path), b"\x02"),
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


def sign(
    module: str,
    token_label: str,
    pin: str,
    key_label: str,
    field: str,
    tsa_url: str,
    source: str,
    target: str,
) -> None:
    with open_pkcs11(module, token_label, pin, key_label) as key:
        options = SignOptions(
            field_name=field,
            appearance=PersonAppearance("Phó Chủ tịch", "Võ Văn Phúc", demo_signature_png("Phúc")),
            tsa_url=tsa_url,
        )
        Path(target).write_bytes(sign_pdf(Path(source).read_bytes(), key, options))


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    if command == "setup":
        setup(*args)
    elif command == "sign":
        sign(*args)
    else:
        raise SystemExit(f"unknown command {command}")
