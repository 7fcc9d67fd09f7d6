"""Reading back what a generated PDF says, and where, with pypdf."""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass
from typing import cast

from pypdf import PageObject, PdfReader
from pypdf.generic import DictionaryObject


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
    """The text of every page, without the page numbers, so that a paragraph running over a
    page break reads as one."""
    texts = []
    for index, page in enumerate(reader(pdf).pages):
        text = page.extract_text().strip()
        number = str(index + 1)
        if index and text.startswith(number + "\n"):
            text = text[len(number) + 1 :]
        texts.append(text)
    return flat(" ".join(texts))


def runs(pdf: bytes, index: int) -> list[TextRun]:
    found: list[TextRun] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            # fpdf2 draws with an identity CTM; the text matrix holds the position.
            found.append(TextRun(flat(text), tm[4] + cm[4], tm[5] + cm[5]))

    reader(pdf).pages[index].extract_text(visitor_text=visit)
    return found


def resources(page: PageObject, kind: str) -> DictionaryObject:
    """A page's resource dictionary of one kind ("/Font", "/XObject")."""
    res = cast(DictionaryObject, page["/Resources"].get_object())
    return cast(DictionaryObject, res[kind].get_object())
