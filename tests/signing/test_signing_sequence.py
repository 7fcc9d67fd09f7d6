"""Three people sign in sequence, then the clerk applies the organisation's seal."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PIL import Image
from signing_testdocs import REQUEST_FIELDS

from signing.appearance import PersonAppearance, SealAppearance
from signing.demo_images import demo_seal_png, demo_signature_png
from signing.keys import cert_sha256, load_pkcs12
from signing.revision import ExpectedSigner, check_revision
from signing.sign import PadesLevel, SignOptions, sign_pdf
from signing.validate import validate_pdf

if TYPE_CHECKING:
    from conftest import LoopbackPki

ORG = "Ủy ban nhân dân thành phố Thủ Dầu Một"
PEOPLE = (
    ("secretary", "vice1", "Thư ký", "Trần Thị Bình"),
    ("vice", "vice2", "Phó Chủ tịch", "Lê Văn Cường"),
    ("chair", "chair", "Chủ tịch", "Nguyễn Văn An"),
)


@dataclass(frozen=True)
class Sequence:
    revisions: tuple[bytes, ...]  # the request, then after each signature
    fingerprints: tuple[str, ...]


@pytest.fixture(scope="module")
def signed_sequence(test_pki: LoopbackPki, request_pdf: bytes) -> Sequence:
    trust = test_pki.trust()
    revisions = [request_pdf]
    fingerprints = []
    for field, label, title, name in PEOPLE:
        with load_pkcs12(test_pki.p12(label), f"pw-{label}") as key:
            options = SignOptions(
                field_name=field,
                appearance=PersonAppearance(title, name, demo_signature_png(name)),
                tsa_url=test_pki.tsa_url,
                trust=trust,
            )
            revisions.append(sign_pdf(revisions[-1], key, options))
            fingerprints.append(cert_sha256(key.certificate))
    with load_pkcs12(test_pki.p12("org"), "pw-org") as key:
        options = SignOptions(
            field_name="seal",
            appearance=SealAppearance(ORG, demo_seal_png(ORG, "Tỉnh Bình Dương")),
            tsa_url=test_pki.tsa_url,
            trust=trust,
            seal=True,
        )
        revisions.append(sign_pdf(revisions[-1], key, options))
        fingerprints.append(cert_sha256(key.certificate))
    return Sequence(tuple(revisions), tuple(fingerprints))


def test_every_signature_valid_under_our_validator(
    signed_sequence: Sequence, test_pki: LoopbackPki
) -> None:
    final = signed_sequence.revisions[-1]
    report = validate_pdf(final, [test_pki.root], allow_fetching=True)
    signatures = [s for s in report.signatures if not s.is_document_timestamp]
    assert [s.field_name for s in signatures] == ["secretary", "vice", "chair", "seal"]
    assert report.all_valid, report.summary_en()
    assert [s.level for s in signatures[:3]] == [PadesLevel.B_T] * 3
    assert signatures[3].level == PadesLevel.B_LTA
    assert any(s.is_document_timestamp for s in report.signatures)
    assert [s.cert_sha256 for s in signatures] == list(signed_sequence.fingerprints)
    assert "Nguyễn Văn An" in report.summary_vi() and "HỢP LỆ" in report.summary_vi()
    assert all(s.timestamp_ok for s in signatures)


def test_earlier_signatures_stay_valid_after_each_step(
    signed_sequence: Sequence, test_pki: LoopbackPki
) -> None:
    for count, revision in enumerate(signed_sequence.revisions[1:], start=1):
        report = validate_pdf(revision, [test_pki.root])
        people = [s for s in report.signatures if not s.is_document_timestamp]
        assert len(people) == count
        assert report.all_valid, report.summary_en()


def test_poppler_pdfsig_agrees(signed_sequence: Sequence, tmp_path: Path) -> None:
    path = tmp_path / "signed.pdf"
    path.write_bytes(signed_sequence.revisions[-1])
    out = subprocess.run(
        ["pdfsig", str(path)], capture_output=True, text=True, timeout=60, check=False
    ).stdout
    blocks = re.split(r"^Signature #\d+:", out, flags=re.MULTILINE)[1:]
    cades = [b for b in blocks if "ETSI.CAdES.detached" in b]
    assert len(cades) == 4
    assert all("Signature is Valid." in b for b in cades), out
    assert all("Not total document signed" in b for b in cades[:3]), out


def test_server_accepts_each_step(signed_sequence: Sequence, test_pki: LoopbackPki) -> None:
    revisions = signed_sequence.revisions
    fields = [p[0] for p in PEOPLE] + ["seal"]
    for index, field in enumerate(fields):
        report = check_revision(
            revisions[index],
            revisions[index + 1],
            field_name=field,
            signer=ExpectedSigner(sha256=signed_sequence.fingerprints[index]),
            trust_roots=[test_pki.root],
        )
        assert report.field_name == field and report.ok


def test_rendered_page_shows_blue_signature_under_red_seal(
    signed_sequence: Sequence, tmp_path: Path
) -> None:
    path = tmp_path / "signed.pdf"
    path.write_bytes(signed_sequence.revisions[-1])
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "100",
            "-f",
            "3",
            "-l",
            "3",
            "-singlefile",
            str(path),
            str(tmp_path / "page"),
        ],
        check=True,
        timeout=60,
    )
    page = Image.open(tmp_path / "page.png").convert("RGB")
    scale = 100 / 72

    def count(box: tuple[float, float, float, float], wanted: str) -> int:
        x1, y1, x2, y2 = box
        height = page.height
        region = page.crop(
            (int(x1 * scale), int(height - y2 * scale), int(x2 * scale), int(height - y1 * scale))
        )
        hits = 0
        raw = region.tobytes()
        for offset in range(0, len(raw), 3):
            r, g, b = raw[offset], raw[offset + 1], raw[offset + 2]
            if wanted == "blue" and b > 110 and r < 90 and g < 110:
                hits += 1
            if wanted == "red" and r > 150 and g < 90 and b < 90:
                hits += 1
        return hits

    boxes = {spec.name: spec.box for spec in REQUEST_FIELDS}
    chair_x1, chair_y1, chair_x2, chair_y2 = boxes["chair"]
    right_part = (chair_x1 + (chair_x2 - chair_x1) / 2, chair_y1, chair_x2, chair_y2)
    assert count(right_part, "blue") > 200
    assert count(right_part, "red") == 0
    assert count(boxes["seal"], "red") > 500
