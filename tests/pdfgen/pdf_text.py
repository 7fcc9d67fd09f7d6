"""Reading back what a generated PDF says, and where, with pypdf."""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass

from pypdf import PdfReader


@dataclass(frozen=True)
class TextRun:
    """A run of text as pypdf reports it, with its baseline origin in PDF points."""

    text: str
    x: float
    y: float


def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def flat(text: str) -> str:
    """NFC text with every run of whitespace as one space: justified lines come out of pypdf
    with wider gaps and line breaks fall anywhere, but the letters must be exact."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def page_text(pdf: bytes, index: int) -> str:
    return flat(reader(pdf).pages[index].extract_text())


def all_text(pdf: bytes) -> str:
    return flat(" ".join(page.extract_text() for page in reader(pdf).pages))


def runs(pdf: bytes, index: int) -> list[TextRun]:
    found: list[TextRun] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            # fpdf2 draws with an identity CTM; the text matrix holds the position.
            found.append(TextRun(flat(text), tm[4] + cm[4], tm[5] + cm[5]))

    reader(pdf).pages[index].extract_text(visitor_text=visit)
    return found
