"""The bundled serif that stands in for Times New Roman, registered on an fpdf2 document."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

FONT_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"
FAMILY = "NotoSerif"
_STYLES = {"": "Regular", "B": "Bold", "I": "Italic", "BI": "BoldItalic"}


def add_serif(pdf: FPDF) -> None:
    """Register the four Noto Serif faces under FAMILY (embedded as subsets)."""
    for style, face in _STYLES.items():
        pdf.add_font(FAMILY, style, str(FONT_DIR / f"NotoSerif-{face}.ttf"))
