"""The demo city's agenda documents: they open, say what they should, and put the signature
where the signer's name is."""

from __future__ import annotations

import subprocess
import unicodedata
from pathlib import Path
from typing import cast

import pytest
from PIL import Image

from server.pdfgen import (
    DEMO_PEOPLE,
    WARDS,
    DemoDocument,
    DocumentKind,
    HeaderVariant,
    Paragraph,
    RenderedDocument,
    demo_documents,
    number_line,
    place_date_line,
    render,
)
from tests.pdfgen.pdf_text import all_text, flat, page_text, reader, resources, runs

MM = 72 / 25.4
A4 = (595.28, 841.89)

Rendered = list[tuple[DemoDocument, RenderedDocument]]


def test_three_meetings_with_two_to_four_documents_each() -> None:
    meetings = demo_documents()
    assert len(meetings) == 3
    assert len({m.key for m in meetings}) == 3
    names = [d.file_name for m in meetings for d in m.documents]
    assert len(names) == len(set(names))
    for meeting in meetings:
        assert 2 <= len(meeting.documents) <= 4
        assert meeting.chair in DEMO_PEOPLE
        for doc in meeting.documents:
            assert doc.file_name.endswith(".pdf") and "/" not in doc.file_name
            assert doc.presenter in DEMO_PEOPLE
    variants = {d.document.variant for m in meetings for d in m.documents}
    assert variants == {HeaderVariant.STATE, HeaderVariant.PARTY}


def test_every_document_opens_with_the_page_count_it_reports(rendered_demo: Rendered) -> None:
    counts = []
    for demo, rendered in rendered_demo:
        pdf = reader(rendered.pdf)
        assert len(pdf.pages) == rendered.pages, demo.file_name
        for page in pdf.pages:
            assert [round(float(v), 2) for v in page.mediabox[2:]] == list(A4)
        counts.append(rendered.pages)
    long = [c for c in counts if c >= 12]
    assert len(long) == 1, counts
    assert all(3 <= c <= 8 for c in counts if c < 12), counts


def test_first_page_carries_the_decree_30_header(rendered_demo: Rendered) -> None:
    for demo, rendered in rendered_demo:
        doc = demo.document
        first = page_text(rendered.pdf, 0)
        if doc.variant is HeaderVariant.PARTY:
            assert "ĐẢNG CỘNG SẢN VIỆT NAM" in first
            assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in first
        else:
            assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in first
            assert "Độc lập - Tự do - Hạnh phúc" in first
        for line in doc.issuer.name.split("\n"):
            assert flat(line.upper()) in first
        assert flat(number_line(doc)) in first
        assert flat(place_date_line(doc.place, doc.date)) in first
        assert doc.kind.value.upper() in first
        assert flat(doc.summary) in first
        assert ("DỰ THẢO" in first) == doc.draft


def test_text_keeps_its_diacritics(rendered_demo: Rendered) -> None:
    for demo, rendered in rendered_demo:
        text = all_text(rendered.pdf)
        assert unicodedata.is_normalized("NFC", text)
        # Every paragraph of the body comes back letter for letter.
        for block in demo.document.body:
            if isinstance(block, Paragraph):
                assert flat(block.text) in text, (demo.file_name, block.text[:60])


def test_the_long_report_names_all_fourteen_wards(rendered_demo: Rendered) -> None:
    report = next(r for d, r in rendered_demo if r.pages >= 12)
    text = all_text(report.pdf)
    for ward in WARDS:
        assert f"Phường {ward}" in text, ward
    assert "Bảng 2. Thu ngân sách nhà nước do phường quản lý thu" in text
    assert "Tổng cộng" in text


def test_closing_is_on_the_last_page_with_the_last_paragraph(rendered_demo: Rendered) -> None:
    for demo, rendered in rendered_demo:
        doc = demo.document
        last = page_text(rendered.pdf, rendered.pages - 1)
        assert "Nơi nhận:" in last
        for recipient in doc.recipients:
            assert flat(recipient) in last
        for block in doc.signatures:
            assert flat(block.signer) in last
            assert flat(block.title.upper()) in last
        tail = doc.body[-1]
        if isinstance(tail, Paragraph):
            # The signatures never stand alone on a page.
            assert flat(tail.text) in last, demo.file_name


def test_signature_box_sits_above_the_signers_name(rendered_demo: Rendered) -> None:
    for demo, rendered in rendered_demo:
        doc = demo.document
        assert len(rendered.signature_boxes) == len(doc.signatures)
        for block, box in zip(doc.signatures, rendered.signature_boxes, strict=True):
            assert box.page == rendered.pages - 1
            assert 0 <= box.x1 < box.x2 <= A4[0] and 0 <= box.y1 < box.y2 <= A4[1]
            assert box.width >= 40 * MM and box.height >= 20 * MM
            name = [r for r in runs(rendered.pdf, box.page) if r.text == flat(block.signer)]
            assert len(name) == 1, block.signer
            # The name's baseline is a line below the box, and it starts inside the box's span.
            assert 0 < box.y1 - name[0].y < 25, (box, name[0])
            assert box.x1 <= name[0].x < box.x2


def test_seal_covers_the_left_third_of_the_signature(rendered_demo: Rendered) -> None:
    for demo, rendered in rendered_demo:
        for block, sig, seal in zip(
            demo.document.signatures, rendered.signature_boxes, rendered.seal_boxes, strict=True
        ):
            assert block.seal
            assert seal is not None and seal.page == sig.page
            assert seal.width == pytest.approx(36 * MM, abs=0.05)
            assert seal.height == pytest.approx(36 * MM, abs=0.05)
            assert seal.x2 == pytest.approx(sig.x1 + sig.width / 3, abs=0.05)
            assert (seal.y1 + seal.y2) / 2 == pytest.approx((sig.y1 + sig.y2) / 2, abs=0.05)
            assert 0 <= seal.x1 and seal.y1 >= 0 and seal.y2 <= A4[1]


def test_text_stays_inside_the_margins(rendered_demo: Rendered) -> None:
    left, bottom, top = 30 * MM, 20 * MM, A4[1] - 20 * MM
    for demo, rendered in rendered_demo:
        for index in range(rendered.pages):
            for run in runs(rendered.pdf, index):
                assert run.x >= left - 0.5, (demo.file_name, index, run)
                if run.y > top:
                    # Only the page number (from page 2) and the draft label live up there.
                    assert run.text in (str(index + 1), "DỰ THẢO"), (demo.file_name, run)
                    assert run.text != "1"
                else:
                    assert run.y >= bottom, (demo.file_name, index, run)


def test_pages_from_two_are_numbered_at_the_top(rendered_demo: Rendered) -> None:
    for demo, rendered in rendered_demo:
        for index in range(rendered.pages):
            top_run = max(runs(rendered.pdf, index), key=lambda r: r.y)
            if index == 0:
                assert top_run.text != "1"
            else:
                assert top_run.text == str(index + 1), demo.file_name
                # Centred over the text area: a digit or two left of its middle.
                centre = (30 * MM + (A4[0] - 15 * MM)) / 2
                assert centre - 10 < top_run.x < centre


def test_fonts_are_embedded(rendered_demo: Rendered) -> None:
    for _, rendered in rendered_demo[:2]:
        for page in reader(rendered.pdf).pages:
            for font in resources(page, "/Font").values():
                font = font.get_object()
                descendant = font["/DescendantFonts"][0].get_object()
                assert "/FontFile2" in descendant["/FontDescriptor"]
                assert "NotoSerif" in str(font["/BaseFont"])


def test_same_documents_same_bytes(rendered_demo: Rendered) -> None:
    for demo, rendered in rendered_demo:
        assert render(demo.document).pdf == rendered.pdf, demo.file_name


def test_signature_space_is_blank_on_the_rendered_page(
    rendered_demo: Rendered, tmp_path: Path
) -> None:
    """pdftoppm draws the last page; where the signature image goes, nothing is printed."""
    for demo, rendered in rendered_demo[:4]:
        pdf = tmp_path / demo.file_name
        pdf.write_bytes(rendered.pdf)
        box = rendered.signature_boxes[0]
        out = tmp_path / "page"
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "72",
                "-singlefile",
                "-f",
                str(box.page + 1),
                "-l",
                str(box.page + 1),
                str(pdf),
                str(out),
            ],
            check=True,
            timeout=60,
        )
        image = Image.open(f"{out}.png").convert("L")
        scale = image.height / A4[1]
        crop = image.crop(
            (
                round(box.x1 * scale),
                round((A4[1] - box.y2) * scale),
                round(box.x2 * scale),
                round((A4[1] - box.y1) * scale),
            )
        )
        assert darkest(crop) >= 250, demo.file_name
        # ...and the title just above it is printed (the page is not simply blank).
        above = image.crop(
            (
                round(box.x1 * scale),
                round((A4[1] - box.y2 - 30) * scale),
                round(box.x2 * scale),
                round((A4[1] - box.y2) * scale),
            )
        )
        assert darkest(above) < 100, demo.file_name


def darkest(image: Image.Image) -> int:
    low, _ = cast(tuple[int, int], image.getextrema())
    return low


def test_kinds_in_the_demo_are_varied() -> None:
    kinds = {d.document.kind for m in demo_documents() for d in m.documents}
    assert {
        DocumentKind.BAO_CAO,
        DocumentKind.TO_TRINH,
        DocumentKind.KE_HOACH,
        DocumentKind.NGHI_QUYET,
    } <= kinds
