"""`sign`, `verify` and `pki` on the command line, for clerks and scripts.

The suite's entry point calls `main(argv)` with the arguments after the program name.
Exit status: 0 success, 1 a signature is not valid, 2 the command could not be carried out.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from signing import pki
from signing.appearance import PersonAppearance, SealAppearance
from signing.certcheck import TrustSettings
from signing.demo_images import demo_seal_png, demo_signature_png
from signing.errors import SigningError
from signing.fields import FieldSpec
from signing.keys import SigningKey, load_pkcs12, open_pkcs11
from signing.sign import SignOptions, sign_pdf
from signing.validate import validate_pdf

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_ERROR = 2


def _secret(value: str | None, env: str | None, prompt: str) -> str:
    """A password/PIN from the option, an environment variable, or a prompt."""
    if value is not None:
        return value
    if env and env in os.environ:
        return os.environ[env]
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    raise SigningError(
        "No password/PIN given (use the option, the environment variable or a terminal)",
        "Chưa nhập mật khẩu/mã PIN (dùng tùy chọn, biến môi trường hoặc nhập từ bàn phím)",
    )


def _box(text: str) -> tuple[float, float, float, float]:
    try:
        x1, y1, x2, y2 = (float(v) for v in text.split(","))
    except ValueError as exc:
        raise argparse.ArgumentTypeError("box must be x1,y1,x2,y2 in PDF points") from exc
    return (x1, y1, x2, y2)


def _write_atomically(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".part")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="main.py", description="eCabinet digital signatures")
    sub = parser.add_subparsers(dest="command", required=True)

    sign = sub.add_parser("sign", help="sign a PDF (PAdES, incremental update)")
    sign.add_argument("file", type=Path)
    sign.add_argument("-o", "--output", type=Path, required=True)
    sign.add_argument("--field", required=True, help="signature field name")
    sign.add_argument("--page", type=int, help="create the field on this page (1-based)")
    sign.add_argument("--box", type=_box, help="new field's box x1,y1,x2,y2 (points)")
    key = sign.add_mutually_exclusive_group(required=True)
    key.add_argument("--p12", type=Path, help="PKCS#12 key file")
    key.add_argument("--pkcs11", metavar="MODULE", help="PKCS#11 module of the token")
    sign.add_argument("--password", help="PKCS#12 password (else $ECABINET_P12_PASSWORD)")
    sign.add_argument("--token", help="token label")
    sign.add_argument("--key", help="key (and certificate) label on the token")
    sign.add_argument("--pin", help="token PIN (else $ECABINET_PIN or a prompt)")
    sign.add_argument("--tsa", help="RFC 3161 timestamp authority URL (B-T)")
    sign.add_argument("--trust", type=Path, action="append", default=[], help="trust root")
    sign.add_argument("--no-revocation-fetch", action="store_true")
    sign.add_argument("--seal", action="store_true", help="organisation seal signature")
    sign.add_argument("--title", help="job title shown above the signature image")
    sign.add_argument("--name", help="full name shown under the signature image")
    sign.add_argument("--signature-image", type=Path, help="blue transparent PNG")
    sign.add_argument("--organisation", help="organisation name shown with the seal")
    sign.add_argument("--seal-image", type=Path, help="red transparent PNG of the seal")
    sign.add_argument("--reason")
    sign.add_argument("--location")

    verify = sub.add_parser("verify", help="validate every signature of a PDF")
    verify.add_argument("file", type=Path)
    verify.add_argument("--trust", type=Path, action="append", default=[], required=True)
    verify.add_argument("--fetch", action="store_true", help="fetch OCSP/CRL over the network")
    verify.add_argument("--lang", choices=["vi", "en", "both"], default="both")

    pki_cmd = sub.add_parser("pki", help="a small CA for deployments without the government CA")
    pki_sub = pki_cmd.add_subparsers(dest="pki_command", required=True)
    init = pki_sub.add_parser("init-ca")
    init.add_argument("--dir", type=Path, required=True)
    init.add_argument("--name", required=True)
    init.add_argument("--organisation", required=True)
    init.add_argument("--password", help="CA key password (else $ECABINET_CA_PASSWORD)")
    init.add_argument("--key-type", choices=["rsa", "ec"], default="rsa")
    init.add_argument("--days", type=int, default=3650)
    for name in ("issue-person", "issue-org"):
        issue = pki_sub.add_parser(name)
        issue.add_argument("--dir", type=Path, required=True)
        issue.add_argument("--ca-password", help="else $ECABINET_CA_PASSWORD")
        issue.add_argument("--name", required=True)
        issue.add_argument("--out", type=Path, required=True)
        issue.add_argument("--password", help="PKCS#12 password (else $ECABINET_P12_PASSWORD)")
        issue.add_argument("--key-type", choices=["rsa", "ec"], default="rsa")
        issue.add_argument("--days", type=int, default=730)
        if name == "issue-person":
            issue.add_argument("--organisation", required=True)
            issue.add_argument("--title")
            issue.add_argument("--email")
        else:
            issue.add_argument("--parent", help="parent organisation")
    return parser


def _open_key(args: argparse.Namespace) -> SigningKey:
    if args.p12 is not None:
        password = _secret(args.password, "ECABINET_P12_PASSWORD", "Mật khẩu tệp khóa: ")
        return load_pkcs12(args.p12, password)
    if not args.token or not args.key:
        raise SigningError("--pkcs11 needs --token and --key", "--pkcs11 cần kèm --token và --key")
    pin = _secret(args.pin, "ECABINET_PIN", "Mã PIN: ")
    return open_pkcs11(args.pkcs11, args.token, pin, key_label=args.key)


def _appearance(args: argparse.Namespace) -> PersonAppearance | SealAppearance | None:
    if args.seal and args.organisation:
        image = args.seal_image.read_bytes() if args.seal_image else None
        return SealAppearance(args.organisation, image or demo_seal_png(args.organisation))
    if args.title and args.name:
        image = args.signature_image.read_bytes() if args.signature_image else None
        return PersonAppearance(args.title, args.name, image or demo_signature_png(args.name))
    return None


def _sign(args: argparse.Namespace) -> int:
    new_field = None
    if args.page is not None or args.box is not None:
        if args.page is None or args.box is None:
            raise SigningError("--page and --box go together", "--page và --box phải đi cùng nhau")
        new_field = FieldSpec(args.field, args.page - 1, args.box)
    trust = (
        TrustSettings.from_files(args.trust, fetch_revocation=not args.no_revocation_fetch)
        if args.trust
        else None
    )
    pdf = args.file.read_bytes()
    options = SignOptions(
        field_name=args.field,
        appearance=_appearance(args),
        tsa_url=args.tsa,
        trust=trust,
        seal=args.seal,
        reason=args.reason,
        location=args.location,
        new_field=new_field,
    )
    with _open_key(args) as key:
        signed = sign_pdf(pdf, key, options)
    _write_atomically(args.output, signed)
    print(f"Đã ký / signed: {args.output}")
    return EXIT_OK


def _verify(args: argparse.Namespace) -> int:
    trust = TrustSettings.from_files(args.trust)
    report = validate_pdf(args.file.read_bytes(), trust.roots, allow_fetching=args.fetch)
    if args.lang in ("vi", "both"):
        print(report.summary_vi())
    if args.lang in ("en", "both"):
        print(report.summary_en())
    for sig in report.signatures:
        for problem in sig.problems:
            print(f"  [{sig.field_name}] {problem}")
    return EXIT_OK if report.all_valid else EXIT_INVALID


def _pki(args: argparse.Namespace) -> int:
    if args.pki_command == "init-ca":
        password = _secret(args.password, "ECABINET_CA_PASSWORD", "Mật khẩu khóa CA: ")
        ca = pki.create_ca(
            args.name, args.organisation, key_type=args.key_type, valid_days=args.days
        )
        ca.save(args.dir, password)
        print(f"CA: {args.dir / pki.CA_CERT_FILE}")
        return EXIT_OK
    ca_password = _secret(args.ca_password, "ECABINET_CA_PASSWORD", "Mật khẩu khóa CA: ")
    ca = pki.CertificateAuthority.load(args.dir, ca_password)
    password = _secret(args.password, "ECABINET_P12_PASSWORD", "Mật khẩu tệp khóa: ")
    if args.pki_command == "issue-person":
        data = pki.issue_person(
            ca,
            args.name,
            organisation=args.organisation,
            title=args.title,
            email=args.email,
            password=password,
            key_type=args.key_type,
            valid_days=args.days,
        )
    else:
        data = pki.issue_organisation(
            ca,
            args.name,
            parent=args.parent,
            password=password,
            key_type=args.key_type,
            valid_days=args.days,
        )
    _write_atomically(args.out, data)
    args.out.chmod(0o600)
    print(f"PKCS#12: {args.out}")
    return EXIT_OK


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "sign":
            return _sign(args)
        if args.command == "verify":
            return _verify(args)
        return _pki(args)
    except SigningError as exc:
        print(f"Lỗi: {exc.message_vi}\nError: {exc.message_en}", file=sys.stderr)
        return EXIT_ERROR
    except OSError as exc:
        print(f"Lỗi tệp / file error: {exc}", file=sys.stderr)
        return EXIT_ERROR
