"""The command line: a deployment PKI, signing into a new field, verifying."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from signing_testdocs import minutes_pdf

from signing.cli import EXIT_ERROR, EXIT_INVALID, EXIT_OK, main
from signing.fields import list_signature_fields

if TYPE_CHECKING:
    from conftest import LoopbackPki


def test_pki_sign_verify_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ca_dir = tmp_path / "ca"
    assert (
        main(
            [
                "pki",
                "init-ca",
                "--dir",
                str(ca_dir),
                "--name",
                "CA Thủ Dầu Một",
                "--organisation",
                "UBND thành phố Thủ Dầu Một",
                "--password",
                "ca-pw",
                "--key-type",
                "ec",
            ]
        )
        == EXIT_OK
    )
    person = tmp_path / "an.p12"
    assert (
        main(
            [
                "pki",
                "issue-person",
                "--dir",
                str(ca_dir),
                "--ca-password",
                "ca-pw",
                "--name",
                "Nguyễn Văn An",
                "--organisation",
                "UBND thành phố Thủ Dầu Một",
                "--title",
                "Chủ tịch",
                "--out",
                str(person),
                "--password",
                "an-pw",
            ]
        )
        == EXIT_OK
    )
    org = tmp_path / "org.p12"
    assert (
        main(
            [
                "pki",
                "issue-org",
                "--dir",
                str(ca_dir),
                "--ca-password",
                "ca-pw",
                "--name",
                "Ủy ban nhân dân thành phố Thủ Dầu Một",
                "--out",
                str(org),
                "--password",
                "org-pw",
            ]
        )
        == EXIT_OK
    )
    source = tmp_path / "minutes.pdf"
    source.write_bytes(minutes_pdf())
    root = ca_dir / "ca.crt.pem"
    signed = tmp_path / "signed.pdf"
    assert (
        main(
            [
                "sign",
                str(source),
                "-o",
                str(signed),
                "--field",
                "chair",
                "--page",
                "3",
                "--box",
                "320,560,540,690",
                "--p12",
                str(person),
                "--password",
                "an-pw",
                "--trust",
                str(root),
                "--no-revocation-fetch",
                "--title",
                "Chủ tịch",
                "--name",
                "Nguyễn Văn An",
            ]
        )
        == EXIT_OK
    )
    sealed = tmp_path / "sealed.pdf"
    assert (
        main(
            [
                "sign",
                str(signed),
                "-o",
                str(sealed),
                "--field",
                "seal",
                "--page",
                "3",
                "--box",
                "292,530,394,676",
                "--p12",
                str(org),
                "--password",
                "org-pw",
                "--seal",
                "--organisation",
                "Ủy ban nhân dân thành phố Thủ Dầu Một",
            ]
        )
        == EXIT_OK
    )
    assert [f.signed for f in list_signature_fields(sealed.read_bytes())] == [True, True]
    capsys.readouterr()
    assert main(["verify", str(sealed), "--trust", str(root)]) == EXIT_OK
    out = capsys.readouterr().out
    assert "HỢP LỆ" in out and "Nguyễn Văn An" in out and "VALID" in out

    # Untrusted against another root, and broken by a byte flip: non-zero exit status.
    other = tmp_path / "other"
    main(
        [
            "pki",
            "init-ca",
            "--dir",
            str(other),
            "--name",
            "X",
            "--organisation",
            "X",
            "--password",
            "x",
        ]
    )
    assert main(["verify", str(sealed), "--trust", str(other / "ca.crt.pem")]) == EXIT_INVALID
    data = bytearray(sealed.read_bytes())
    position = data.index(b"/Producer (") + len(b"/Producer (")
    data[position] ^= 0x01
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(bytes(data))
    assert main(["verify", str(broken), "--trust", str(root)]) == EXIT_INVALID


def test_wrong_password_and_refused_certificate_write_nothing(
    tmp_path: Path, test_pki: LoopbackPki, request_pdf: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "request.pdf"
    source.write_bytes(request_pdf)
    root = tmp_path / "root.pem"
    root.write_bytes(test_pki.root.dump())
    out = tmp_path / "out.pdf"
    assert (
        main(
            [
                "sign",
                str(source),
                "-o",
                str(out),
                "--field",
                "chair",
                "--p12",
                str(test_pki.p12("chair")),
                "--password",
                "wrong",
            ]
        )
        == EXIT_ERROR
    )
    assert "Sai mật khẩu" in capsys.readouterr().err
    assert (
        main(
            [
                "sign",
                str(source),
                "-o",
                str(out),
                "--field",
                "chair",
                "--p12",
                str(test_pki.p12("revoked")),
                "--password",
                "pw-revoked",
                "--trust",
                str(root),
            ]
        )
        == EXIT_ERROR
    )
    assert "thu hồi" in capsys.readouterr().err
    assert not out.exists()
    assert sorted(tmp_path.iterdir()) == sorted([source, root])
