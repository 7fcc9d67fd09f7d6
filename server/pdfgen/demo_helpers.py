"""Shorthand for writing the demo documents: paragraphs, headings, deterministic figures."""

from __future__ import annotations

import random
from collections.abc import Sequence

from server.pdfgen.model import Align, Column, Heading, Paragraph, Span, Table
from server.pdfgen.vn_format import vn_number, vn_percent


def p(*parts: str | Span) -> Paragraph:
    return Paragraph.of(*parts)


def h1(text: str) -> Heading:
    return Heading(text, 1)


def h2(text: str) -> Heading:
    return Heading(text, 2)


def h3(text: str) -> Heading:
    return Heading(text, 3)


def figures(seed: str) -> random.Random:
    """A generator of figures that gives the same numbers on every run for the same seed."""
    return random.Random(seed)


def num(value: float, decimals: int = 1) -> str:
    return vn_number(value, decimals)


def pct(value: float, decimals: int = 1) -> str:
    return vn_percent(value, decimals)


def col(title: str, width: float = 1.0, align: Align = Align.LEFT) -> Column:
    return Column(title, width, align)


def ncol(title: str, width: float = 1.0) -> Column:
    """A numeric column: right-aligned."""
    return Column(title, width, Align.RIGHT)


STT = Column("STT", 0.62, Align.CENTER)


def table(
    columns: tuple[Column, ...],
    rows: Sequence[tuple[str, ...]],
    caption: str = "",
    unit: str = "",
    total_rows: int = 0,
) -> Table:
    return Table(columns, tuple(rows), caption=caption, unit=unit, total_rows=total_rows)
