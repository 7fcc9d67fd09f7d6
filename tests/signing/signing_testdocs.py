"""Vietnamese test documents made with fpdf2 and the bundled Noto Serif font."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

from server.pdfgen.fonts import output_and_close
from signing.appearance import seal_box_for
from signing.fields import FieldSpec

FONT_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"
A4_HEIGHT = 841.89

# The signature block on the last page, in PDF points from the bottom-left corner.
CHAIR_BOX = (320.0, 560.0, 540.0, 690.0)
# The request used by the sequence tests: three people, then the organisation's seal.
SECRETARY_BOX = (70.0, 560.0, 260.0, 690.0)
VICE_BOX = (190.0, 400.0, 400.0, 530.0)
REQUEST_FIELDS = (
    FieldSpec("secretary", 2, SECRETARY_BOX),
    FieldSpec("vice", 2, VICE_BOX),
    FieldSpec("chair", 2, CHAIR_BOX),
    FieldSpec("seal", 2, seal_box_for(CHAIR_BOX)),
)
PARAGRAPH = (
    "Ủy ban nhân dân thành phố Thủ Dầu Một tổ chức họp thường kỳ để đánh giá tình hình "
    "kinh tế - xã hội, quốc phòng - an ninh; các phường Phú Cường, Hiệp Thành, Chánh Nghĩa, "
    "Phú Thọ, Phú Hòa, Phú Lợi báo cáo kết quả thực hiện nhiệm vụ. "
)


def _signature_block(pdf: FPDF) -> None:
    """'Nơi nhận' on the left; the authority line above the chair's field on the right."""
    x1, _, x2, y2 = CHAIR_BOX
    pdf.set_font("NotoSerif", "B", 12)
    pdf.set_xy(x1, A4_HEIGHT - y2 - 20)
    pdf.cell(x2 - x1, 16, "TM. ỦY BAN NHÂN DÂN", align="C")
    pdf.set_xy(70, A4_HEIGHT - y2 - 20)
    pdf.set_font("NotoSerif", "B", 10)
    pdf.cell(150, 14, "Nơi nhận:")
    pdf.set_font("NotoSerif", "", 9)
    for row, line in enumerate(["- Thường trực Thành ủy;", "- UBND 14 phường;", "- Lưu: VT."]):
        pdf.set_xy(70, A4_HEIGHT - y2 - 4 + row * 12)
        pdf.cell(150, 12, line)


def minutes_pdf(pages: int = 3, filler_paragraphs: int = 4, title: str = "BIÊN BẢN HỌP") -> bytes:
    """A multi-page meeting record; the last page has room for the signature block."""
    pdf = FPDF(unit="pt", format="A4")
    pdf.set_title(title)
    pdf.set_author("Văn phòng UBND thành phố Thủ Dầu Một")
    pdf.add_font("NotoSerif", "", str(FONT_DIR / "NotoSerif-Regular.ttf"))
    pdf.add_font("NotoSerif", "B", str(FONT_DIR / "NotoSerif-Bold.ttf"))
    pdf.set_margins(70, 56, 56)
    for page in range(1, pages + 1):
        pdf.add_page()
        pdf.set_font("NotoSerif", "B", 12)
        if page == 1:
            pdf.cell(0, 16, "ỦY BAN NHÂN DÂN THÀNH PHỐ THỦ DẦU MỘT", align="C")
            pdf.ln(18)
            pdf.cell(0, 16, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", align="C")
            pdf.ln(16)
            pdf.cell(0, 16, "Độc lập - Tự do - Hạnh phúc", align="C")
            pdf.ln(30)
            pdf.set_font("NotoSerif", "B", 14)
            pdf.cell(0, 18, title, align="C")
            pdf.ln(30)
        pdf.set_font("NotoSerif", "", 12)
        for number in range(filler_paragraphs if page < pages else 1):
            pdf.multi_cell(0, 16, f"{page}.{number + 1}. {PARAGRAPH}")
            pdf.ln(4)
        if page == pages:
            _signature_block(pdf)
        pdf.set_font("NotoSerif", "", 9)
        # The footer sits inside the bottom margin: keep it from starting a new page.
        pdf.set_auto_page_break(False)
        pdf.set_y(-40)
        pdf.cell(0, 10, f"Trang {page}/{pages}", align="C")
        pdf.set_auto_page_break(True, margin=56)
    return output_and_close(pdf)
