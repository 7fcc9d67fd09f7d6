"""Large, valid, many-page Vietnamese PDFs for benches and tests (a 300-page dossier, a 50 MB
upload), made in a few seconds.

Each page has extractable Vietnamese text. To reach a size, each page also carries a small
picture (a "scanned attachment") whose JPEG data is followed by comment segments filled with
seeded random bytes: the picture stays valid, the bytes do not compress, and the file size
comes out within a fraction of a percent of the target.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import struct

from fpdf import FPDF
from fpdf.enums import XPos, YPos
from PIL import Image, ImageDraw

from server.pdfgen import layout as L
from server.pdfgen.demo_people import WARDS
from server.pdfgen.errors import DocumentError
from server.pdfgen.fonts import FAMILY, FONT_DIR, output_and_close

MAX_PAGES = 5000
MAX_BYTES = 1 << 30
_COM_PAYLOAD = 65533  # the most a JPEG comment segment holds
_SENTENCES = (
    "Hồ sơ trình phiên họp gồm báo cáo, tờ trình, dự thảo nghị quyết và các phụ lục số liệu "
    "kèm theo, được gửi đến đại biểu trước ngày họp theo quy chế làm việc.",
    "Đại biểu nghiên cứu tài liệu, ghi chú và góp ý trực tiếp trên máy tính; các ý kiến được "
    "tổng hợp gửi cơ quan soạn thảo để tiếp thu, giải trình.",
    "Số liệu thu ngân sách, giải ngân vốn đầu tư công và giải quyết thủ tục hành chính được "
    "cập nhật đến ngày 30 tháng 9 năm 2026.",
    "Tài liệu có độ mật được quản lý riêng, chỉ người được phân quyền mới được xem và không "
    "được in, sao chụp khi chưa có ý kiến của người chủ trì.",
    "Biên bản và thông báo kết luận sau cuộc họp được ký số bởi người có thẩm quyền và đóng "
    "dấu số của cơ quan trước khi phát hành.",
)


def _base_picture() -> bytes:
    """A small grey 'scan' drawn once; pages reuse its pixels with their own padding."""
    image = Image.new("L", (480, 300), 235)
    draw = ImageDraw.Draw(image)
    for i in range(0, 300, 12):
        draw.line((30, i + 6, 450, i + 6), fill=150 + (i * 7) % 60, width=3)
    draw.rectangle((10, 10, 470, 290), outline=60, width=4)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()


def _padded(picture: bytes, padding: int, rng: random.Random, page: int) -> bytes:
    """`picture` with about `padding` random bytes in comment segments after its SOI marker;
    each page's bytes differ, so every page embeds its own image."""
    tag = f"page {page}".encode()
    parts = [picture[:2], b"\xff\xfe" + struct.pack(">H", len(tag) + 2) + tag]
    remaining = max(0, padding)
    while remaining > 0:
        size = min(_COM_PAYLOAD, remaining)
        parts.append(b"\xff\xfe" + struct.pack(">H", size + 2) + rng.randbytes(size))
        remaining -= size + 4
    parts.append(picture[2:])
    return b"".join(parts)


def _build(pages: int, padding: int | None, seed: int) -> bytes:
    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.add_font(FAMILY, "", str(FONT_DIR / "NotoSerif-Regular.ttf"))
    pdf.add_font(FAMILY, "B", str(FONT_DIR / "NotoSerif-Bold.ttf"))
    pdf.set_margins(L.MARGIN_LEFT, L.MARGIN_TOP, L.MARGIN_RIGHT)
    pdf.set_auto_page_break(False)
    pdf.alias_nb_pages(None)  # type: ignore[arg-type]
    pdf.set_creation_date(dt.datetime(2026, 9, 25, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=7))))
    pdf.set_title("Hồ sơ tài liệu phiên họp")
    pdf.set_lang("vi-VN")
    rng = random.Random(seed)
    picture = _base_picture() if padding is not None else b""
    lh = L.line_height(L.BODY_PT)
    for page in range(1, pages + 1):
        pdf.add_page()
        ward = WARDS[(page - 1) % len(WARDS)]
        pdf.set_font(FAMILY, "B", L.BODY_PT)
        pdf.cell(
            L.CONTENT_W,
            lh,
            f"HỒ SƠ PHIÊN HỌP - TÀI LIỆU TRANG {page}/{pages}",
            align="C",
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
        pdf.cell(
            L.CONTENT_W,
            lh,
            f"Phụ lục số liệu phường {ward}",
            align="C",
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
        pdf.ln(3)
        pdf.set_font(FAMILY, "", L.BODY_PT)
        for k in range(3):
            sentence = _SENTENCES[(page + k) % len(_SENTENCES)]
            pdf.multi_cell(
                L.CONTENT_W,
                lh,
                f"Phường {ward}: {sentence}",
                align="J",
                new_x=XPos.LMARGIN,
                new_y=YPos.NEXT,
            )
            pdf.ln(2)
        if padding is not None:
            data = _padded(picture, padding, rng, page)
            pdf.image(io.BytesIO(data), x=L.MARGIN_LEFT + 20, y=150, w=125, h=78)
    return output_and_close(pdf)


def make_large_pdf(pages: int, target_bytes: int | None = None, *, seed: int = 0) -> bytes:
    """A valid A4 PDF of `pages` pages with Vietnamese text on each; with `target_bytes`,
    padded to about that size (never less than the text alone needs). Same arguments, same
    bytes."""
    if isinstance(pages, bool) or not isinstance(pages, int) or not 1 <= pages <= MAX_PAGES:
        raise DocumentError(
            f"pages must be 1 to {MAX_PAGES}, not {pages!r}",
            f"Số trang phải từ 1 đến {MAX_PAGES}, không phải {pages!r}",
        )
    if target_bytes is None:
        return _build(pages, None, seed)
    if (
        isinstance(target_bytes, bool)
        or not isinstance(target_bytes, int)
        or not 0 <= target_bytes <= MAX_BYTES
    ):
        raise DocumentError(
            f"target_bytes must be 0 to {MAX_BYTES}, not {target_bytes!r}",
            f"Kích thước phải từ 0 đến {MAX_BYTES} byte",
        )
    # Two small builds tell the fixed cost (fonts, catalogue) and the cost of one page with
    # an unpadded picture; the rest of the target is spread over the pages as padding.
    one, two = len(_build(1, 0, seed)), len(_build(2, 0, seed))
    per_page = two - one
    fixed = one - per_page
    padding = (target_bytes - fixed) // pages - per_page
    return _build(pages, max(0, padding), seed)
