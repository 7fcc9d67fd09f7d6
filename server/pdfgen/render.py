"""Render an AdministrativeDocument to A4 PDF bytes in the layout of Decree 30/2020 Appendix I.

The header (issuer, national title or Party title, number, place and date), the kind and
summary, the body blocks, then the closing: "Nơi nhận" on the left and the signature blocks
on the right, kept on one page. The renderer notes where each signature image and seal go.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import cast

from fpdf import FPDF, FontFace
from fpdf.enums import XPos, YPos

from server.pdfgen import layout as L
from server.pdfgen.errors import DocumentError
from server.pdfgen.fonts import FAMILY, add_serif, close_fonts
from server.pdfgen.model import (
    AdministrativeDocument,
    Align,
    Block,
    BulletList,
    DocumentKind,
    HeaderVariant,
    Heading,
    NumberedList,
    NumberStyle,
    PageBreak,
    Paragraph,
    SignatureBlock,
    Span,
    Table,
)
from server.pdfgen.rendered import PageBox, RenderedDocument
from server.pdfgen.vn_format import number_line, place_date_line

VIETNAM_TZ = dt.timezone(dt.timedelta(hours=7))
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
PARTY_TITLE = "ĐẢNG CỘNG SẢN VIỆT NAM"
# Vietnamese lists skip f, j, w, z and letter đ follows d (Decree 30 uses a), b), ... đ)).
_LETTERS = "abcdđeghiklmnopqrstuvxy"
_HEADING_STYLE = {1: "B", 2: "B", 3: "BI", 4: "I"}


def nfc(text: str) -> str:
    """Precomposed letters: one glyph per Vietnamese letter, so extracted text matches."""
    return unicodedata.normalize("NFC", text)


def _roman(n: int) -> str:
    out = ""
    for value, letters in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        count, n = divmod(n, value)
        out += letters * count
    return out


def list_label(style: NumberStyle, n: int) -> str:
    """The label of item `n` (1-based) in a numbered list."""
    if style is NumberStyle.ARABIC:
        return f"{n}."
    if style is NumberStyle.ARABIC_PAREN:
        return f"{n})"
    if style is NumberStyle.ROMAN:
        return f"{_roman(n)}."
    if n > len(_LETTERS):
        raise DocumentError(
            f"A lettered list has at most {len(_LETTERS)} items",
            f"Danh sách đánh chữ có tối đa {len(_LETTERS)} mục",
        )
    return f"{_LETTERS[n - 1]})"


class _Pdf(FPDF):
    """fpdf2 with the decree's page numbers: from page 2, centred in the top margin."""

    def header(self) -> None:
        if self.page_no() < 2:
            return
        self.set_font(FAMILY, "", L.PAGE_NUMBER_PT)
        self.set_xy(L.MARGIN_LEFT, L.PAGE_NUMBER_Y - L.line_height(L.PAGE_NUMBER_PT) / 2)
        self.cell(L.CONTENT_W, L.line_height(L.PAGE_NUMBER_PT), str(self.page_no()), align="C")
        self.set_xy(L.MARGIN_LEFT, L.MARGIN_TOP)


def _style(span: Span) -> str:
    return ("B" if span.bold else "") + ("I" if span.italic else "")


class _Renderer:
    def __init__(self, doc: AdministrativeDocument) -> None:
        self.doc = doc
        pdf = _Pdf(orientation="P", unit="mm", format="A4")
        add_serif(pdf)
        pdf.set_margins(L.MARGIN_LEFT, L.MARGIN_TOP, L.MARGIN_RIGHT)
        pdf.set_auto_page_break(True, margin=L.MARGIN_BOTTOM)
        pdf.c_margin = 0  # text starts exactly at the margin and the indent
        pdf.alias_nb_pages(None)  # type: ignore[arg-type]  # "{nb}" in a text stays as typed
        # Same input, same bytes: the creation date comes from the document, not the clock.
        pdf.set_creation_date(dt.datetime.combine(doc.date, dt.time(8, 0), tzinfo=VIETNAM_TZ))
        pdf.set_title(nfc(doc.title))
        pdf.set_author(nfc(" ".join(doc.issuer.name.split())))
        pdf.set_creator("eCabinet")
        pdf.set_lang("vi-VN")
        self.pdf = pdf
        self.signature_boxes: list[PageBox] = []
        self.seal_boxes: list[PageBox | None] = []

    # -- small drawing helpers -------------------------------------------------------------

    def _lines(self, text: str, size: float, style: str, width: float) -> list[str]:
        self.pdf.set_font(FAMILY, style, size)
        lines = self.pdf.multi_cell(
            width, L.line_height(size), nfc(text), align="L", dry_run=True, output="LINES"
        )
        return cast(list[str], lines)

    def _text_height(self, text: str, size: float, style: str, width: float) -> float:
        return len(self._lines(text, size, style, width)) * L.line_height(size)

    def _centred(self, x: float, y: float, w: float, text: str, size: float, style: str) -> float:
        """Centred, wrapped text in a column; returns the y below it and the widest line."""
        pdf = self.pdf
        pdf.set_font(FAMILY, style, size)
        pdf.set_xy(x, y)
        pdf.multi_cell(
            w, L.line_height(size), nfc(text), align="C", new_x=XPos.LEFT, new_y=YPos.NEXT
        )
        return pdf.get_y()

    def _widest(self, text: str, size: float, style: str, width: float) -> float:
        lines = self._lines(text, size, style, width)
        self.pdf.set_font(FAMILY, style, size)
        return max(self.pdf.get_string_width(line) for line in lines)

    def _rule(self, centre_x: float, y: float, length: float) -> None:
        self.pdf.set_line_width(0.3)
        self.pdf.line(centre_x - length / 2, y, centre_x + length / 2, y)

    # -- page 1 header -----------------------------------------------------------------------

    def _header(self) -> None:
        doc, pdf = self.doc, self.pdf
        left_x, left_w = L.MARGIN_LEFT, L.LEFT_COL_W
        right_x, right_w = L.RIGHT_COL_X, L.RIGHT_COL_W
        left_mid, right_mid = left_x + left_w / 2, right_x + right_w / 2
        top = L.MARGIN_TOP
        party = doc.variant is HeaderVariant.PARTY

        if doc.draft:
            pdf.set_font(FAMILY, "B", L.DRAFT_PT)
            label = "DỰ THẢO"
            w = pdf.get_string_width(label) + 4
            pdf.set_xy(L.PAGE_W - L.MARGIN_RIGHT - w, top - 11)
            pdf.cell(w, L.line_height(L.DRAFT_PT), label, border=1, align="C")

        # Left: parent body, issuing body (bold), then a short rule (state) or "*" (Party).
        y = top
        if doc.issuer.parent:
            y = self._centred(left_x, y, left_w, doc.issuer.parent.upper(), L.ISSUER_PT, "")
        name = doc.issuer.name.upper()
        y = self._centred(left_x, y, left_w, name, L.ISSUER_PT, "B")
        if party:
            y = self._centred(left_x, y, left_w, "*", L.ISSUER_PT, "")
        else:
            # Decree 30: a solid line of 1/3 to 1/2 the name's length, centred under it.
            self._rule(left_mid, y + 1.0, 0.4 * self._widest(name, L.ISSUER_PT, "B", left_w))
            y += 2.5
        left_bottom = y

        # Right: national title and motto with a rule as long as the motto, or the Party title.
        y = top
        if party:
            y = self._centred(right_x, y, right_w, PARTY_TITLE, L.PARTY_TITLE_PT, "B")
            pdf.set_font(FAMILY, "B", L.PARTY_TITLE_PT)
            self._rule(right_mid, y + 0.3, pdf.get_string_width(PARTY_TITLE))
        else:
            y = self._centred(right_x, y, right_w, NATIONAL_TITLE, L.NATIONAL_TITLE_PT, "B")
            y = self._centred(right_x, y, right_w, MOTTO, L.MOTTO_PT, "B")
            pdf.set_font(FAMILY, "B", L.MOTTO_PT)
            self._rule(right_mid, y + 0.3, pdf.get_string_width(MOTTO))
        right_bottom = y + 2.5

        # The number and the place/date share one line under both columns.
        y = max(left_bottom, right_bottom) + 1.5
        left_end = self._centred(left_x, y, left_w, number_line(doc), L.NUMBER_PT, "")
        if doc.kind is DocumentKind.CONG_VAN:
            left_end = self._centred(
                left_x, left_end + 1, left_w, f"V/v {doc.summary}", L.ISSUER_PT, ""
            )
        right_end = self._centred(
            right_x, y, right_w, place_date_line(doc.place, doc.date), L.PLACE_DATE_PT, "I"
        )
        pdf.set_xy(L.MARGIN_LEFT, max(left_end, right_end) + 7)

    def _title(self) -> None:
        doc, pdf = self.doc, self.pdf
        mid = L.MARGIN_LEFT + L.CONTENT_W / 2
        if doc.kind is not DocumentKind.CONG_VAN:
            y = self._centred(
                L.MARGIN_LEFT, pdf.get_y(), L.CONTENT_W, doc.kind.value.upper(), L.KIND_PT, "B"
            )
            width = L.CONTENT_W * 0.85
            y = self._centred(mid - width / 2, y, width, doc.summary, L.SUMMARY_PT, "B")
            self._rule(mid, y + 1.2, self._widest(doc.summary, L.SUMMARY_PT, "B", width) / 3)
            pdf.set_xy(L.MARGIN_LEFT, y + 6)
        if doc.addressees:
            self._addressees()

    def _addressees(self) -> None:
        pdf, names = self.pdf, self.doc.addressees
        lh = L.line_height(L.BODY_PT)
        pdf.set_font(FAMILY, "", L.BODY_PT)
        if len(names) == 1:
            pdf.set_x(L.MARGIN_LEFT)
            pdf.multi_cell(
                L.CONTENT_W,
                lh,
                nfc(f"Kính gửi: {names[0]}"),
                align="C",
                new_x=XPos.LMARGIN,
                new_y=YPos.NEXT,
            )
        else:
            label = "Kính gửi:"
            x = L.MARGIN_LEFT + 28
            pdf.set_xy(x, pdf.get_y())
            pdf.cell(pdf.get_string_width(label) + 2, lh, label)
            item_x = pdf.get_x()
            for i, name in enumerate(names):
                end = "." if i == len(names) - 1 else ";"
                pdf.set_x(item_x)
                pdf.multi_cell(
                    L.PAGE_W - L.MARGIN_RIGHT - item_x,
                    lh,
                    nfc(f"- {name.rstrip(';.')}{end}"),
                    align="L",
                    new_x=XPos.LMARGIN,
                    new_y=YPos.NEXT,
                )
        pdf.set_y(pdf.get_y() + 4)

    # -- body --------------------------------------------------------------------------------

    def _remaining(self) -> float:
        return self.pdf.page_break_trigger - self.pdf.get_y()

    def _paragraph(self, spans: tuple[Span, ...], align: Align, indent: bool) -> None:
        pdf = self.pdf
        pdf.set_font(FAMILY, "", L.BODY_PT)
        with pdf.text_columns(
            text_align=align.value,
            line_height=L.LINE_FACTOR,
            l_margin=L.MARGIN_LEFT,
            r_margin=L.MARGIN_RIGHT,
        ) as columns:
            with columns.paragraph(
                first_line_indent=L.FIRST_LINE_INDENT if indent else 0,
                bottom_margin=L.PARAGRAPH_GAP,
            ) as para:
                for span in spans:
                    pdf.set_font(FAMILY, _style(span), L.BODY_PT)
                    para.write(nfc(span.text))
        pdf.set_font(FAMILY, "", L.BODY_PT)
        pdf.set_x(L.MARGIN_LEFT)

    def _heading(self, heading: Heading, following_headings: int = 0) -> None:
        # Keep a heading, and any headings right after it, with two lines of what follows.
        if self._remaining() < (4 + 1.5 * following_headings) * L.line_height(L.BODY_PT):
            self.pdf.add_page()
        style = _HEADING_STYLE[heading.level]
        span = Span(heading.text, bold="B" in style, italic="I" in style)
        self._paragraph((span,), heading.align, heading.align is Align.JUSTIFY)

    def _table(self, table: Table) -> None:
        pdf = self.pdf
        size = table.font_size
        lh = L.line_height(size)
        # Caption, unit and the first rows belong together.
        if self._remaining() < 4 * lh + (8 if table.caption else 0) + (6 if table.unit else 0):
            pdf.add_page()
        if table.caption:
            mid = L.MARGIN_LEFT + L.CONTENT_W / 2
            y = self._centred(
                mid - L.CONTENT_W * 0.45,
                pdf.get_y(),
                L.CONTENT_W * 0.9,
                table.caption,
                L.BODY_PT,
                "B",
            )
            pdf.set_xy(L.MARGIN_LEFT, y + 1)
        if table.unit:
            pdf.set_font(FAMILY, "I", size)
            pdf.set_x(L.MARGIN_LEFT)
            pdf.cell(
                L.CONTENT_W, lh, nfc(table.unit), align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT
            )
        pdf.set_font(FAMILY, "", size)
        pdf.c_margin = 1.2
        bold = FontFace(emphasis="BOLD")
        with pdf.table(
            width=L.CONTENT_W,
            col_widths=tuple(c.width for c in table.columns),
            text_align=tuple(c.align.value for c in table.columns),
            line_height=lh,
            headings_style=bold,
            repeat_headings=1,
            padding=(0.8, 0),
            v_align="M",
            first_row_as_headings=True,
            align="LEFT",
        ) as grid:
            heading = grid.row()
            for column in table.columns:
                heading.cell(nfc(column.title), align="C")
            total_from = len(table.rows) - table.total_rows
            for index, cells in enumerate(table.rows):
                row = grid.row(style=bold if index >= total_from else None)
                for cell in cells:
                    row.cell(nfc(cell))
        pdf.c_margin = 0
        pdf.set_font(FAMILY, "", L.BODY_PT)
        pdf.set_xy(L.MARGIN_LEFT, pdf.get_y() + L.PARAGRAPH_GAP + 1)

    def _block(self, block: Block, following_headings: int = 0) -> None:
        if isinstance(block, Paragraph):
            self._paragraph(block.spans, block.align, block.first_line_indent)
        elif isinstance(block, Heading):
            self._heading(block, following_headings)
        elif isinstance(block, NumberedList):
            for i, item in enumerate(block.items):
                label = Span(list_label(block.style, block.start + i) + " ")
                self._paragraph((label, *item.spans), item.align, item.first_line_indent)
        elif isinstance(block, BulletList):
            for item in block.items:
                self._paragraph(
                    (Span(block.marker + " "), *item.spans), item.align, item.first_line_indent
                )
        elif isinstance(block, Table):
            self._table(block)
        elif isinstance(block, PageBreak):
            self.pdf.add_page()

    def _body(self) -> None:
        body = self.doc.body
        for index, block in enumerate(body[:-1]):
            following = 0
            while isinstance(body[index + 1 + following], Heading):
                following += 1
                if index + 1 + following == len(body):
                    break
            self._block(block, following)
        last = body[-1]
        if isinstance(last, Paragraph | Heading | NumberedList | BulletList):
            self._keep_with_closing(last)
        self._block(last)

    def _keep_with_closing(self, last: Block) -> None:
        """Start a new page for the last block when the closing would not follow it, so the
        signatures never stand alone on a page (when the block and the closing fit one)."""
        pdf = self.pdf
        start_page, start_y = pdf.page, pdf.get_y()
        with pdf.offset_rendering():
            self._block(last)
            end_page, end_y = pdf.page, pdf.get_y()
        if end_page != start_page:
            return
        needed = end_y - start_y + L.CLOSING_GAP + self._closing_height()
        if needed > self._remaining() and needed <= pdf.page_break_trigger - L.MARGIN_TOP:
            pdf.add_page()

    # -- closing: recipients and signatures --------------------------------------------------

    def _signature_rows(self) -> list[list[tuple[SignatureBlock, bool]]]:
        """Rows of (block, on_the_right): one signature sits on the right; two or more fill
        rows of two, the first of each pair on the left (minutes: secretary left, chair
        right)."""
        blocks = self.doc.signatures
        if len(blocks) == 1:
            return [[(blocks[0], True)]]
        rows = []
        for i in range(0, len(blocks), 2):
            pair = blocks[i : i + 2]
            if len(pair) == 2:
                rows.append([(pair[0], False), (pair[1], True)])
            else:
                rows.append([(pair[0], True)])
        return rows

    @staticmethod
    def _column(on_the_right: bool) -> tuple[float, float]:
        if on_the_right:
            return L.RIGHT_COL_X, L.RIGHT_COL_W
        return L.MARGIN_LEFT, L.LEFT_COL_W

    def _row_height(self, row: list[tuple[SignatureBlock, bool]]) -> float:
        head = max(self._signature_head_height(b, self._column(r)[1]) for b, r in row)
        name = max(
            self._text_height(b.signer, L.SIGNATURE_PT, "B", self._column(r)[1]) for b, r in row
        )
        return head + L.SIGNATURE_SPACE + name

    def _recipients_height(self) -> float:
        if not self.doc.recipients:
            return 0.0
        h = L.line_height(L.RECIPIENTS_LABEL_PT)
        for line in self._recipient_lines():
            h += len(self._lines(line, L.RECIPIENTS_PT, "", L.LEFT_COL_W)) * L.line_height(
                L.RECIPIENTS_PT
            )
        return h

    def _recipient_lines(self) -> list[str]:
        names = self.doc.recipients
        return [
            nfc(f"- {name.rstrip(';.')}{'.' if i == len(names) - 1 else ';'}")
            for i, name in enumerate(names)
        ]

    def _closing_height(self) -> float:
        rows = self._signature_rows()
        heights = [self._row_height(row) for row in rows]
        if len(self.doc.signatures) == 1:
            return max(heights[0], self._recipients_height())
        rec = self._recipients_height()
        return (
            sum(heights)
            + L.SIGNATURE_ROW_GAP * (len(rows) - 1)
            + (L.SIGNATURE_ROW_GAP + rec if rec else 0)
        )

    def _closing(self) -> None:
        pdf = self.pdf
        total = self._closing_height()
        if total > pdf.page_break_trigger - L.MARGIN_TOP:
            raise DocumentError(
                "The signature blocks do not fit on one page", "Phần chữ ký không vừa một trang"
            )
        if L.CLOSING_GAP + total > self._remaining():
            pdf.add_page()
        else:
            pdf.set_y(pdf.get_y() + L.CLOSING_GAP)
        # Nothing below may trigger an automatic page break: the closing is laid out by hand.
        pdf.set_auto_page_break(False)
        top = y = pdf.get_y()
        for row in self._signature_rows():
            bottom = y
            space_top = y + max(self._signature_head_height(b, self._column(r)[1]) for b, r in row)
            for block, right in row:
                bottom = max(bottom, self._signature(block, right, y, space_top))
            y = bottom + L.SIGNATURE_ROW_GAP
        if self.doc.recipients:
            # Beside a single signature; below the rows when there are several.
            self._recipients(top if len(self.doc.signatures) == 1 else y)
        pdf.set_auto_page_break(True, margin=L.MARGIN_BOTTOM)

    def _signature_head_height(self, block: SignatureBlock, width: float) -> float:
        h = self._text_height(block.title.upper(), L.SIGNATURE_PT, "B", width)
        if block.authority:
            h += self._text_height(block.authority.upper(), L.SIGNATURE_PT, "B", width)
        return h

    def _signature(
        self, block: SignatureBlock, on_the_right: bool, top: float, space_top: float
    ) -> float:
        """Draw one block: authority and title from `top`, the blank signature space from
        `space_top` (shared by a row so that names line up), then the name."""
        x, w = self._column(on_the_right)
        y = top
        if block.authority:
            y = self._centred(x, y, w, block.authority.upper(), L.SIGNATURE_PT, "B")
        self._centred(x, y, w, block.title.upper(), L.SIGNATURE_PT, "B")
        box_w = min(L.SIGNATURE_BOX_W, w - 4)
        box_left = x + (w - box_w) / 2
        box_top, box_h = space_top + 1.5, L.SIGNATURE_SPACE - 3
        page = self.pdf.page - 1
        self.signature_boxes.append(
            PageBox.from_mm(page, L.PAGE_H, box_left, box_top, box_w, box_h)
        )
        if block.seal:
            # Decree 30: the seal covers about the left third of the signature image.
            seal_left = box_left + box_w / 3 - L.SEAL_SIZE
            seal_top = box_top + box_h / 2 - L.SEAL_SIZE / 2
            self.seal_boxes.append(
                PageBox.from_mm(page, L.PAGE_H, seal_left, seal_top, L.SEAL_SIZE, L.SEAL_SIZE)
            )
        else:
            self.seal_boxes.append(None)
        return self._centred(x, space_top + L.SIGNATURE_SPACE, w, block.signer, L.SIGNATURE_PT, "B")

    def _recipients(self, top: float) -> None:
        pdf = self.pdf
        pdf.set_font(FAMILY, "BI", L.RECIPIENTS_LABEL_PT)
        pdf.set_xy(L.MARGIN_LEFT, top)
        pdf.cell(
            L.LEFT_COL_W,
            L.line_height(L.RECIPIENTS_LABEL_PT),
            "Nơi nhận:",
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
        pdf.set_font(FAMILY, "", L.RECIPIENTS_PT)
        for line in self._recipient_lines():
            pdf.set_x(L.MARGIN_LEFT)
            pdf.multi_cell(
                L.LEFT_COL_W,
                L.line_height(L.RECIPIENTS_PT),
                line,
                align="L",
                new_x=XPos.LMARGIN,
                new_y=YPos.NEXT,
            )

    # -- all of it ---------------------------------------------------------------------------

    def render(self) -> RenderedDocument:
        pdf = self.pdf
        pdf.add_page()
        self._header()
        self._title()
        self._body()
        self._closing()
        data = bytes(pdf.output())
        return RenderedDocument(
            pdf=data,
            pages=pdf.pages_count,
            signature_boxes=tuple(self.signature_boxes),
            seal_boxes=tuple(self.seal_boxes),
        )


def render(doc: AdministrativeDocument) -> RenderedDocument:
    """Render `doc` to PDF bytes, with the boxes where signatures and seals belong."""
    if not isinstance(doc, AdministrativeDocument):
        raise DocumentError(
            "render() takes an AdministrativeDocument", "render() cần một AdministrativeDocument"
        )
    renderer = _Renderer(doc)
    try:
        return renderer.render()
    finally:
        close_fonts(renderer.pdf)  # also when the layout fails half-way
