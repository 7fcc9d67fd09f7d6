"""Real PDFs for the client tests, written with fpdf2 and the bundled Vietnamese font."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

FONT = Path(__file__).resolve().parents[2] / "resources" / "fonts" / "NotoSans-Regular.ttf"


def write_pdf(path: Path, pages: list[str], title: str = "Tài liệu") -> Path:
    pdf = FPDF(format="A4")
    pdf.add_font("Noto", fname=str(FONT))
    pdf.set_font("Noto", size=14)
    for number, text in enumerate(pages, start=1):
        pdf.add_page()
        pdf.cell(0, 10, f"{title} — trang {number}")
        pdf.ln(14)
        pdf.multi_cell(0, 8, text)
    pdf.output(str(path))
    return path


def numbered_pdf(path: Path, count: int, special: dict[int, str] | None = None) -> Path:
    special = special or {}
    pages = [
        special.get(n, f"Nội dung trang {n}: báo cáo tình hình kinh tế - xã hội.")
        for n in range(1, count + 1)
    ]
    return write_pdf(path, pages)
