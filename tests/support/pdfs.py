"""PDF files for tests, made on the spot: small Vietnamese ones, large ones, and bad ones."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

from server.pdfgen.fonts import output_and_close

FONTS = Path(__file__).resolve().parents[2] / "resources" / "fonts"


def vietnamese_pdf(pages: int = 3, text: str = "Báo cáo tình hình kinh tế - xã hội") -> bytes:
    pdf = FPDF(format="A4")
    pdf.add_font("NotoSerif", "", str(FONTS / "NotoSerif-Regular.ttf"))
    pdf.set_font("NotoSerif", size=14)
    for number in range(1, pages + 1):
        pdf.add_page()
        pdf.multi_cell(0, 8, f"{text}\nTrang {number}")
    return output_and_close(pdf)


def large_pdf(size: int, pages: int = 5) -> bytes:
    """A valid PDF of about `size` bytes: a few text pages and an attachment of random bytes."""
    reader = PdfReader(io.BytesIO(vietnamese_pdf(pages)))
    writer = PdfWriter(clone_from=reader)
    filler = max(0, size - 40_000)
    writer.add_attachment("phu-luc.bin", os.urandom(filler))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def encrypted_pdf() -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(vietnamese_pdf(1))))
    writer.encrypt("mat-khau")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def zip_named_pdf() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return out.getvalue()


def corrupt_pdf() -> bytes:
    good = vietnamese_pdf(2)
    return good[: len(good) // 3] + b"\x00garbage" * 50
