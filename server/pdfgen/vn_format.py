"""How Vietnamese administrative documents print dates, numbers and symbols."""

from __future__ import annotations

import datetime as dt

from server.pdfgen.model import AdministrativeDocument, HeaderVariant

# Room left for the clerk to write the number by hand or by the issuing system.
_BLANK_NUMBER = " " * 8


def place_date_line(place: str, date: dt.date) -> str:
    """ "Thủ Dầu Một, ngày 05 tháng 02 năm 2026": a day below 10 and the months 1 and 2 take
    a leading zero (Decree 30, Appendix I, section II.5)."""
    day = f"{date.day:02d}" if date.day < 10 else str(date.day)
    month = f"{date.month:02d}" if date.month < 3 else str(date.month)
    return f"{place}, ngày {day} tháng {month} năm {date.year}"


def number_line(doc: AdministrativeDocument) -> str:
    """ "Số: 125/BC-UBND" for the state, "Số 125-BC/TU" for the Party."""
    number = _BLANK_NUMBER if doc.number is None else str(doc.number)
    if doc.variant is HeaderVariant.PARTY:
        return f"Số {number}-{doc.symbol}"
    return f"Số: {number}/{doc.symbol}"


def vn_number(value: float, decimals: int = 0) -> str:
    """1234567.891 -> "1.234.567,89": dots group thousands, a comma marks decimals."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def vn_percent(value: float, decimals: int = 1) -> str:
    return f"{vn_number(value, decimals)}%"
