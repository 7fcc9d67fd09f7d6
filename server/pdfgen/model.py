"""An administrative document as plain data: header, body blocks, recipients, signatures.

The fields follow the parts Decree 30/2020/NĐ-CP (Appendix I) names for a state document, and
the Party's variant of them. Every dataclass is frozen and checks itself on creation, so a
document that exists can be rendered.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from server.pdfgen.errors import DocumentError


class HeaderVariant(StrEnum):
    """Which header the document carries: the state's national title or the Party's."""

    STATE = "state"
    PARTY = "party"


class DocumentKind(StrEnum):
    """Kinds of administrative documents (Decree 30, Art. 7); the value is the printed name.

    A conclusion notice (thông báo kết luận) is a THONG_BAO whose summary starts with
    "Kết luận ...". A CONG_VAN has no kind line; its summary is printed as "V/v ..." under
    the number.
    """

    NGHI_QUYET = "Nghị quyết"
    QUYET_DINH = "Quyết định"
    CHI_THI = "Chỉ thị"
    THONG_BAO = "Thông báo"
    CHUONG_TRINH = "Chương trình"
    KE_HOACH = "Kế hoạch"
    DE_AN = "Đề án"
    BAO_CAO = "Báo cáo"
    BIEN_BAN = "Biên bản"
    TO_TRINH = "Tờ trình"
    GIAY_MOI = "Giấy mời"
    CONG_VAN = "Công văn"

    @property
    def abbreviation(self) -> str:
        """The letters this kind puts in a number and symbol (Decree 30, Appendix III)."""
        return _ABBREVIATIONS[self]


_ABBREVIATIONS: dict[DocumentKind, str] = {
    DocumentKind.NGHI_QUYET: "NQ",
    DocumentKind.QUYET_DINH: "QĐ",
    DocumentKind.CHI_THI: "CT",
    DocumentKind.THONG_BAO: "TB",
    DocumentKind.CHUONG_TRINH: "CTr",
    DocumentKind.KE_HOACH: "KH",
    DocumentKind.DE_AN: "ĐA",
    DocumentKind.BAO_CAO: "BC",
    DocumentKind.BIEN_BAN: "BB",
    DocumentKind.TO_TRINH: "TTr",
    DocumentKind.GIAY_MOI: "GM",
    DocumentKind.CONG_VAN: "",
}


class Align(StrEnum):
    """Horizontal alignment of a paragraph or a table column."""

    JUSTIFY = "J"
    LEFT = "L"
    CENTER = "C"
    RIGHT = "R"


class NumberStyle(StrEnum):
    """How a numbered list labels its items."""

    ARABIC = "1."
    ARABIC_PAREN = "1)"
    LETTER = "a)"
    ROMAN = "I."


def _need_text(value: str, what: str, what_vi: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise DocumentError(f"{what} must be non-empty text", f"{what_vi} không được để trống")


@dataclass(frozen=True)
class Span:
    """A run of text in one style inside a paragraph."""

    text: str
    bold: bool = False
    italic: bool = False

    def __post_init__(self) -> None:
        if not isinstance(self.text, str):
            raise DocumentError("Span text must be a string", "Nội dung đoạn chữ phải là chuỗi")


def bold(text: str) -> Span:
    return Span(text, bold=True)


def italic(text: str) -> Span:
    return Span(text, italic=True)


@dataclass(frozen=True)
class Paragraph:
    """Body text: justified with a first-line indent unless told otherwise."""

    spans: tuple[Span, ...]
    align: Align = Align.JUSTIFY
    first_line_indent: bool = True

    def __post_init__(self) -> None:
        if not self.spans or not "".join(s.text for s in self.spans).strip():
            raise DocumentError("A paragraph needs some text", "Đoạn văn phải có nội dung")
        if not all(isinstance(s, Span) for s in self.spans):
            raise DocumentError("Paragraph parts must be spans", "Thành phần đoạn văn không hợp lệ")

    @classmethod
    def of(
        cls, *parts: str | Span, align: Align = Align.JUSTIFY, first_line_indent: bool = True
    ) -> Paragraph:
        """Build from plain strings (regular style) and spans."""
        spans = tuple(p if isinstance(p, Span) else Span(p) for p in parts)
        return cls(spans, align, first_line_indent)

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)


@dataclass(frozen=True)
class Heading:
    """A section heading; the text carries its own numbering ("I.", "1.", "a)").

    Level 1 and 2 are bold, level 3 bold italic, level 4 italic.
    """

    text: str
    level: int = 1
    align: Align = Align.JUSTIFY

    def __post_init__(self) -> None:
        _need_text(self.text, "Heading", "Đề mục")
        if self.level not in (1, 2, 3, 4):
            raise DocumentError(
                f"Heading level must be 1 to 4, not {self.level}",
                f"Cấp đề mục phải từ 1 đến 4, không phải {self.level}",
            )


def _as_paragraphs(items: tuple[str | Paragraph, ...], what_vi: str) -> tuple[Paragraph, ...]:
    if not items:
        raise DocumentError("A list needs at least one item", f"{what_vi} phải có ít nhất một mục")
    out = []
    for item in items:
        if isinstance(item, str):
            out.append(Paragraph.of(item))
        elif isinstance(item, Paragraph):
            out.append(item)
        else:
            raise DocumentError(
                "List items must be text or paragraphs", "Mục danh sách không hợp lệ"
            )
    return tuple(out)


@dataclass(frozen=True)
class NumberedList:
    """Items labelled 1., 2. ... (or a), b), đ) ... or I., II. ...), each a paragraph."""

    items: tuple[Paragraph, ...]
    style: NumberStyle = NumberStyle.ARABIC
    start: int = 1

    def __init__(
        self,
        items: tuple[str | Paragraph, ...] | list[str | Paragraph],
        style: NumberStyle = NumberStyle.ARABIC,
        start: int = 1,
    ) -> None:
        object.__setattr__(self, "items", _as_paragraphs(tuple(items), "Danh sách đánh số"))
        object.__setattr__(self, "style", NumberStyle(style))
        object.__setattr__(self, "start", start)
        if start < 1:
            raise DocumentError("Numbering starts at 1 or more", "Số thứ tự bắt đầu từ 1 trở lên")


@dataclass(frozen=True)
class BulletList:
    """Items each starting with a dash (the usual mark in Vietnamese administrative text)."""

    items: tuple[Paragraph, ...]
    marker: str = "-"

    def __init__(
        self, items: tuple[str | Paragraph, ...] | list[str | Paragraph], marker: str = "-"
    ) -> None:
        object.__setattr__(self, "items", _as_paragraphs(tuple(items), "Danh sách"))
        object.__setattr__(self, "marker", marker)
        _need_text(marker, "Bullet marker", "Ký hiệu đầu dòng")


@dataclass(frozen=True)
class Column:
    """A table column: its heading, its relative width and how its cells align."""

    title: str
    width: float = 1.0
    align: Align = Align.LEFT

    def __post_init__(self) -> None:
        if not isinstance(self.title, str):
            raise DocumentError("Column title must be text", "Tiêu đề cột phải là chuỗi")
        if not self.width > 0:
            raise DocumentError("Column width must be positive", "Độ rộng cột phải lớn hơn 0")
        if self.align is Align.JUSTIFY:
            raise DocumentError("Table cells cannot be justified", "Ô bảng không căn đều hai bên")


@dataclass(frozen=True)
class Table:
    """A simple grid: heading row repeated on each page, text rows, bold total rows at the end.

    `caption` is printed bold above the table, `unit` (e.g. "Đơn vị tính: tỷ đồng") italic on
    the right above it. Attendance lists and vote counts in minutes are tables too.
    """

    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str = ""
    unit: str = ""
    total_rows: int = 0
    font_size: float = 12.0

    def __post_init__(self) -> None:
        if not self.columns:
            raise DocumentError("A table needs columns", "Bảng phải có ít nhất một cột")
        if not self.rows:
            raise DocumentError("A table needs rows", "Bảng phải có ít nhất một dòng")
        for index, row in enumerate(self.rows):
            if len(row) != len(self.columns) or not all(isinstance(c, str) for c in row):
                raise DocumentError(
                    f"Row {index + 1} must have {len(self.columns)} text cells",
                    f"Dòng {index + 1} phải có {len(self.columns)} ô chữ",
                )
        if not 0 <= self.total_rows <= len(self.rows):
            raise DocumentError("Too many total rows", "Số dòng tổng cộng không hợp lệ")
        if not 9 <= self.font_size <= 14:
            raise DocumentError("Table type is 9 to 14 pt", "Cỡ chữ trong bảng từ 9 đến 14")


@dataclass(frozen=True)
class PageBreak:
    """Continue on a new page."""


Block = Heading | Paragraph | NumberedList | BulletList | Table | PageBreak


@dataclass(frozen=True)
class IssuingBody:
    """The issuer at the top left: an optional parent line and the body's own name.

    `name` may hold line breaks ("ỦY BAN NHÂN DÂN\\nPHƯỜNG PHÚ CƯỜNG"); both are printed
    upper-case.
    """

    name: str
    parent: str = ""

    def __post_init__(self) -> None:
        _need_text(self.name, "Issuing body name", "Tên cơ quan ban hành")


@dataclass(frozen=True)
class SignatureBlock:
    """Who signs: authority form (TM., KT., Q., TL., TUQ., T/M ...), title, full name.

    `seal` says whether the organisation's seal goes over this signature (the secretary of a
    meeting signs minutes without one).
    """

    title: str
    signer: str
    authority: str = ""
    seal: bool = True

    def __post_init__(self) -> None:
        _need_text(self.title, "Signer's title", "Chức vụ người ký")
        _need_text(self.signer, "Signer's name", "Họ tên người ký")


@dataclass(frozen=True)
class AdministrativeDocument:
    """One administrative document, ready to render.

    `number` is None for a document not yet numbered (the clerk numbers it on issue; the
    line then shows a blank before the symbol). `symbol` is what follows the number:
    "BC-UBND" (state: "Số: 125/BC-UBND") or "BC/TU" (Party: "Số 125-BC/TU").
    `addressees` are printed as "Kính gửi: ..." under the summary.
    """

    issuer: IssuingBody
    kind: DocumentKind
    symbol: str
    place: str
    date: dt.date
    summary: str
    body: tuple[Block, ...]
    signatures: tuple[SignatureBlock, ...]
    recipients: tuple[str, ...] = ()
    number: int | None = None
    variant: HeaderVariant = HeaderVariant.STATE
    draft: bool = False
    addressees: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        if not isinstance(self.issuer, IssuingBody):
            raise DocumentError("Issuer must be an IssuingBody", "Cơ quan ban hành không hợp lệ")
        DocumentKind(self.kind)
        HeaderVariant(self.variant)
        _need_text(self.symbol, "Symbol", "Ký hiệu văn bản")
        if any(c.isspace() for c in self.symbol):
            raise DocumentError(
                f"Symbol {self.symbol!r} must not contain spaces",
                f"Ký hiệu {self.symbol!r} không được có dấu cách",
            )
        _need_text(self.place, "Place", "Địa danh")
        if not isinstance(self.date, dt.date):
            raise DocumentError("Date must be a date", "Ngày ban hành không hợp lệ")
        _need_text(self.summary, "Summary", "Trích yếu")
        if self.number is not None and (isinstance(self.number, bool) or self.number < 1):
            raise DocumentError(
                f"Number must be 1 or more, not {self.number}",
                f"Số văn bản phải từ 1 trở lên, không phải {self.number}",
            )
        if not self.body:
            raise DocumentError("The body is empty", "Nội dung văn bản trống")
        for block in self.body:
            if not isinstance(
                block, Heading | Paragraph | NumberedList | BulletList | Table | PageBreak
            ):
                raise DocumentError(
                    f"Unknown body block {type(block).__name__}",
                    f"Thành phần nội dung không hợp lệ: {type(block).__name__}",
                )
        if not 1 <= len(self.signatures) <= 4:
            raise DocumentError("A document has 1 to 4 signatures", "Văn bản có từ 1 đến 4 chữ ký")
        for recipient in self.recipients:
            _need_text(recipient, "Recipient", "Nơi nhận")
        for addressee in self.addressees:
            _need_text(addressee, "Addressee", "Kính gửi")

    @property
    def title(self) -> str:
        """The document's name as a list shows it: kind and summary."""
        if self.kind is DocumentKind.CONG_VAN:
            return f"Công văn V/v {self.summary}"
        return f"{self.kind.value} {self.summary}"
