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


def close_fonts(pdf: FPDF) -> None:
    """Close the font files fpdf2 opened.

    fpdf2 opens each TrueType file lazily and keeps it open for as long as the document
    object lives; closing them avoids a ResourceWarning when it is collected later.
    """
    for font in pdf.fonts.values():
        ttfont = getattr(font, "ttfont", None)
        if ttfont is not None:
            ttfont.close()


def output_and_close(pdf: FPDF) -> bytes:
    """The finished PDF's bytes, with the font files closed."""
    try:
        return bytes(pdf.output())
    finally:
        close_fonts(pdf)
