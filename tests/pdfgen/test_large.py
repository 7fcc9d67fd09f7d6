"""Large PDFs for benches: the page count and size asked for, valid and readable."""

from __future__ import annotations

import pytest

from server.pdfgen import DocumentError, make_large_pdf
from tests.pdfgen.pdf_text import flat, reader, resources


def test_three_hundred_pages_of_text() -> None:
    pdf = make_large_pdf(300)
    pages = reader(pdf).pages
    assert len(pages) == 300
    first = flat(pages[0].extract_text())
    last = flat(pages[299].extract_text())
    assert "HỒ SƠ PHIÊN HỌP - TÀI LIỆU TRANG 1/300" in first
    assert "Phụ lục số liệu phường Phú Cường" in first
    assert "HỒ SƠ PHIÊN HỌP - TÀI LIỆU TRANG 300/300" in last
    assert len(pdf) < 2_000_000  # text only: no padding unless asked


@pytest.mark.parametrize(("pages", "target"), [(50, 10_000_000), (120, 50_000_000)])
def test_padded_to_the_requested_size(pages: int, target: int) -> None:
    pdf = make_large_pdf(pages, target)
    assert abs(len(pdf) - target) / target < 0.02, len(pdf)
    document = reader(pdf)
    assert len(document.pages) == pages
    assert f"TÀI LIỆU TRANG {pages}/{pages}" in flat(document.pages[-1].extract_text())
    # Each page embeds its own picture, so the padding is spread over the file.
    xobjects = resources(document.pages[pages // 2], "/XObject")
    assert len(xobjects) == 1
    picture = next(iter(xobjects.values())).get_object()
    assert picture["/Filter"] == "/DCTDecode"
    assert len(picture.get_data()) > 0.8 * target / pages


def test_same_arguments_same_bytes() -> None:
    a = make_large_pdf(5, 500_000)
    assert a == make_large_pdf(5, 500_000)
    assert a != make_large_pdf(5, 500_000, seed=1)


def test_a_target_below_the_text_size_gives_the_text() -> None:
    pdf = make_large_pdf(20, 1000)
    assert len(reader(pdf).pages) == 20


@pytest.mark.parametrize(
    ("pages", "target"),
    [
        (0, None),
        (-3, None),
        (5001, None),
        (True, None),
        ("10", None),
        (3, -1),
        (3, 1 << 31),
        (3, 2.5),
    ],
)
def test_bad_arguments(pages: object, target: object) -> None:
    with pytest.raises(DocumentError):
        make_large_pdf(pages, target)  # type: ignore[arg-type]
