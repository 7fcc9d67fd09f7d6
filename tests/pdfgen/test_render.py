"""The renderer on documents built for the purpose: layout rules, variants, bad input."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from server.pdfgen import (
    AdministrativeDocument,
    Align,
    BulletList,
    Column,
    DocumentError,
    DocumentKind,
    HeaderVariant,
    Heading,
    IssuingBody,
    NumberedList,
    NumberStyle,
    PageBreak,
    Paragraph,
    SignatureBlock,
    Span,
    Table,
    bold,
    italic,
    number_line,
    place_date_line,
    render,
    vn_number,
    vn_percent,
)
from tests.pdfgen.pdf_text import all_text, page_text, reader, runs

MM = 72 / 25.4
CITY = IssuingBody("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ THỦ DẦU MỘT")
CHAIR = SignatureBlock("Chủ tịch", "Lê Minh Khôi", authority="TM. Ủy ban nhân dân")


def make(**changes: object) -> AdministrativeDocument:
    base = AdministrativeDocument(
        issuer=CITY,
        kind=DocumentKind.THONG_BAO,
        number=12,
        symbol="TB-UBND",
        place="Thủ Dầu Một",
        date=dt.date(2026, 10, 8),
        summary="Kết luận của Chủ tịch UBND thành phố tại phiên họp thường kỳ tháng 9 năm 2026",
        body=(Paragraph.of("Ngày 30 tháng 9 năm 2026, Ủy ban nhân dân thành phố họp./."),),
        signatures=(CHAIR,),
        recipients=("Các phòng, ban", "Lưu: VT"),
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def test_place_and_date_take_leading_zeros_as_the_decree_says() -> None:
    assert (
        place_date_line("Thủ Dầu Một", dt.date(2026, 9, 10))
        == "Thủ Dầu Một, ngày 10 tháng 9 năm 2026"
    )
    assert (
        place_date_line("Phú Cường", dt.date(2026, 2, 5)) == "Phú Cường, ngày 05 tháng 02 năm 2026"
    )
    assert (
        place_date_line("Thủ Dầu Một", dt.date(2026, 12, 1))
        == "Thủ Dầu Một, ngày 01 tháng 12 năm 2026"
    )


def test_number_lines() -> None:
    assert number_line(make()) == "Số: 12/TB-UBND"
    assert number_line(make(number=None)).startswith("Số:")
    assert number_line(make(number=None)).endswith(" /TB-UBND")
    party = make(variant=HeaderVariant.PARTY, symbol="TB/TU", number=7)
    assert number_line(party) == "Số 7-TB/TU"


def test_vietnamese_numbers() -> None:
    assert vn_number(1234567.891, 2) == "1.234.567,89"
    assert vn_number(905.3) == "905"
    assert vn_percent(78.36) == "78,4%"


def test_conclusion_notice_renders_on_one_page() -> None:
    rendered = render(make())
    assert rendered.pages == 1
    text = page_text(rendered.pdf, 0)
    assert "THÔNG BÁO" in text
    assert "Kết luận của Chủ tịch UBND thành phố tại phiên họp thường kỳ tháng 9 năm 2026" in text
    assert "Số: 12/TB-UBND" in text
    assert "Thủ Dầu Một, ngày 08 tháng 10 năm 2026" in text
    assert "TM. ỦY BAN NHÂN DÂN" in text and "CHỦ TỊCH" in text
    assert rendered.signature_boxes[0].page == 0


def test_party_variant() -> None:
    doc = make(
        issuer=IssuingBody("THÀNH ỦY THỦ DẦU MỘT", parent="ĐẢNG BỘ TỈNH BÌNH DƯƠNG"),
        variant=HeaderVariant.PARTY,
        kind=DocumentKind.NGHI_QUYET,
        symbol="NQ/TU",
        number=15,
        signatures=(SignatureBlock("Bí thư", "Võ Thành Trung", authority="T/M Ban Thường vụ"),),
    )
    rendered = render(doc)
    first = runs(rendered.pdf, 0)
    texts = [r.text for r in first]
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in texts
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in texts
    assert "Độc lập - Tự do - Hạnh phúc" not in texts
    assert "Số 15-NQ/TU" in texts
    # The Party title on the right, the committee on the left with a star under it.
    title = next(r for r in first if r.text == "ĐẢNG CỘNG SẢN VIỆT NAM")
    committee = next(r for r in first if r.text == "THÀNH ỦY THỦ DẦU MỘT")
    star = next(r for r in first if r.text == "*")
    assert title.x > 105 * MM > committee.x
    assert star.y < committee.y and abs(star.y - committee.y) < 25
    assert "T/M BAN THƯỜNG VỤ" in texts and "BÍ THƯ" in texts


def test_state_header_layout() -> None:
    rendered = render(make())
    first = {r.text: r for r in runs(rendered.pdf, 0)}
    title = first["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    motto = first["Độc lập - Tự do - Hạnh phúc"]
    body = first["ỦY BAN NHÂN DÂN"]
    number = first["Số: 12/TB-UBND"]
    date = first["Thủ Dầu Một, ngày 08 tháng 10 năm 2026"]
    kind = first["THÔNG BÁO"]
    assert title.y == pytest.approx(body.y, abs=0.5)  # both start the page
    assert motto.y < title.y and motto.x > title.x  # centred under it, and shorter
    assert number.y == pytest.approx(date.y, abs=0.5)  # one line under both columns
    assert number.x < 103 * MM <= date.x  # left column, right column
    assert kind.y < number.y - 15
    assert 841.89 - title.y < 25 * MM  # the page starts at the top margin


def test_minutes_with_two_signers_in_one_row_and_attendance_tables() -> None:
    attendance = Table(
        (
            Column("STT", 0.6, Align.CENTER),
            Column("Họ và tên", 2.2),
            Column("Chức vụ", 2.4),
            Column("Có mặt", 1.0, Align.CENTER),
        ),
        tuple(
            (str(i), f"Đại biểu số {i}", "Ủy viên UBND thành phố", "x" if i % 7 else "Vắng")
            for i in range(1, 31)
        ),
        caption="Danh sách đại biểu dự họp",
    )
    votes = Table(
        (
            Column("Nội dung biểu quyết", 3.0),
            Column("Đồng ý", 1.0, Align.RIGHT),
            Column("Không đồng ý", 1.0, Align.RIGHT),
            Column("Không biểu quyết", 1.2, Align.RIGHT),
        ),
        (
            ("Thông qua Kế hoạch chuyển đổi số năm 2027", "27", "1", "2"),
            ("Tổng số đại biểu biểu quyết", "27", "1", "2"),
        ),
        total_rows=1,
    )
    doc = make(
        kind=DocumentKind.BIEN_BAN,
        symbol="BB-UBND",
        summary="Phiên họp thường kỳ tháng 9 năm 2026 của UBND thành phố",
        body=(
            Heading("I. THÀNH PHẦN"),
            attendance,
            Heading("II. KẾT QUẢ BIỂU QUYẾT"),
            votes,
            Paragraph.of("Phiên họp kết thúc lúc 11 giờ 30 phút cùng ngày./."),
        ),
        signatures=(
            SignatureBlock("Thư ký", "Đặng Ngọc Lan", seal=False),
            SignatureBlock("Chủ tọa", "Lê Minh Khôi"),
        ),
    )
    rendered = render(doc)
    assert rendered.pages >= 2
    text = all_text(rendered.pdf)
    assert "Đại biểu số 30" in text and "Vắng" in text
    assert "Thông qua Kế hoạch chuyển đổi số năm 2027 27 1 2" in text
    # The heading row repeats on the page the attendance list continues on.
    pages_with_heading = [
        i for i in range(rendered.pages) if "Họ và tên" in page_text(rendered.pdf, i)
    ]
    assert len(pages_with_heading) >= 2
    secretary, chair = rendered.signature_boxes
    assert secretary.page == chair.page == rendered.pages - 1
    assert secretary.y1 == chair.y1 and secretary.y2 == chair.y2  # names line up
    assert secretary.x2 < 105 * MM < chair.x1  # secretary left, chair right
    assert rendered.seal_boxes[0] is None and rendered.seal_boxes[1] is not None


def test_long_body_flows_over_pages_with_numbers() -> None:
    paragraphs = tuple(
        Paragraph.of(
            f"Đoạn {i}: ",
            bold("Ủy ban nhân dân phường Tương Bình Hiệp"),
            " tiếp tục rà soát, cập nhật hồ sơ và báo cáo kết quả thực hiện nhiệm vụ "
            "được giao theo đúng thời hạn quy định; ",
            italic("không để tồn đọng"),
            ", bảo đảm chất lượng và hiệu quả.",
        )
        for i in range(1, 81)
    )
    rendered = render(make(body=paragraphs))
    assert rendered.pages >= 4
    assert len(reader(rendered.pdf).pages) == rendered.pages
    text = all_text(rendered.pdf)
    for i in (1, 40, 80):
        assert (
            f"Đoạn {i}: Ủy ban nhân dân phường Tương Bình Hiệp tiếp tục rà soát, cập nhật hồ sơ"
        ) in text
    assert "không để tồn đọng, bảo đảm" in text


def test_lists_and_page_breaks() -> None:
    body = (
        NumberedList([f"Mục {i}" for i in range(1, 7)], style=NumberStyle.LETTER),
        NumberedList(["Một", "Hai", "Ba", "Bốn"], style=NumberStyle.ROMAN),
        NumberedList(["Thứ nhất", "Thứ hai"], style=NumberStyle.ARABIC_PAREN, start=3),
        BulletList(["Gạch đầu dòng"]),
        PageBreak(),
        Paragraph.of("Trang sau./."),
    )
    rendered = render(make(body=body))
    assert rendered.pages == 2
    first = page_text(rendered.pdf, 0)
    for label in (
        "a) Mục 1",
        "d) Mục 4",
        "đ) Mục 5",
        "e) Mục 6",
        "I. Một",
        "IV. Bốn",
        "3) Thứ nhất",
        "4) Thứ hai",
        "- Gạch đầu dòng",
    ):
        assert label in first
    assert "Trang sau./." in page_text(rendered.pdf, 1)


def test_text_that_looks_like_markup_is_printed_as_written() -> None:
    odd = "Ý kiến: **không** __gạch__ -- ~~xóa~~ [liên kết](http://127.0.0.1) \\ {nb} 100%"
    rendered = render(make(body=(Paragraph.of(odd),)))
    assert odd in page_text(rendered.pdf, 0)


def test_official_letter_puts_its_summary_under_the_number() -> None:
    doc = make(
        kind=DocumentKind.CONG_VAN,
        symbol="UBND-VP",
        summary="triển khai phòng họp không giấy",
        addressees=("UBND 14 phường", "Các phòng, ban chuyên môn"),
    )
    rendered = render(doc)
    texts = [r.text for r in runs(rendered.pdf, 0)]
    assert "V/v triển khai phòng họp không giấy" in " ".join(texts)
    assert "CÔNG VĂN" not in texts
    text = page_text(rendered.pdf, 0)
    assert "Kính gửi: - UBND 14 phường; - Các phòng, ban chuyên môn." in text


@pytest.mark.parametrize(
    ("build", "fragment"),
    [
        (lambda: SignatureBlock("Chủ tịch", " "), "name"),
        (lambda: SignatureBlock("", "Lê Minh Khôi"), "title"),
        (lambda: Table((Column("A"), Column("B")), (("1",),)), "Row 1"),
        (lambda: Table((Column("A"),), ()), "rows"),
        (lambda: Column("A", width=0), "width"),
        (lambda: Column("A", align=Align.JUSTIFY), "justified"),
        (lambda: Heading("Mục", level=5), "level"),
        (lambda: Paragraph.of("  "), "text"),
        (lambda: NumberedList([]), "item"),
        (lambda: NumberedList(["a"], start=0), "starts"),
        (lambda: IssuingBody(""), "Issuing body"),
        (lambda: make(symbol="BC UBND"), "spaces"),
        (lambda: make(number=0), "Number"),
        (lambda: make(body=()), "body"),
        (lambda: make(signatures=()), "signatures"),
        (lambda: make(signatures=(CHAIR,) * 5), "signatures"),
        (lambda: make(summary=""), "Summary"),
        (lambda: make(recipients=("",)), "Recipient"),
        (lambda: make(date="2026-10-08"), "date"),
        (lambda: render("not a document"), "AdministrativeDocument"),  # type: ignore[arg-type]
        (
            lambda: render(make(body=(NumberedList(["x"] * 30, style=NumberStyle.LETTER),))),
            "lettered",
        ),
    ],
)
def test_bad_input_raises_a_typed_error(build: object, fragment: str) -> None:
    with pytest.raises(DocumentError) as caught:
        build()  # type: ignore[operator]
    assert fragment.lower() in caught.value.message.lower()
    assert caught.value.message_vi


def test_spans_keep_their_text() -> None:
    paragraph = Paragraph.of("Chủ trì: ", Span("ông Lê Minh Khôi", bold=True), ".")
    assert paragraph.text == "Chủ trì: ông Lê Minh Khôi."
    assert paragraph.spans[1].bold and not paragraph.spans[0].bold
