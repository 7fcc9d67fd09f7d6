"""The minutes (biên bản) of the demo city's ended meeting, as an administrative document."""

from __future__ import annotations

import datetime as dt

from server.pdfgen import (
    AdministrativeDocument,
    Block,
    BulletList,
    DocumentKind,
    Heading,
    IssuingBody,
    Paragraph,
    SignatureBlock,
)


def ended_meeting_minutes(
    day: dt.date, title: str, chair: str, secretary: str, items: list[tuple[str, str]]
) -> AdministrativeDocument:
    """Minutes of a People's Committee meeting: attendance, what was presented, conclusions."""
    body: list[Block] = [
        Paragraph.of(
            f"Vào lúc 08 giờ 00 phút ngày {day.day:02d} tháng {day.month:02d} năm {day.year}, "
            "tại Hội trường A, Trung tâm Hành chính thành phố, Ủy ban nhân dân thành phố Thủ Dầu "
            f"Một tổ chức {title[0].lower() + title[1:]}."
        ),
        Heading("I. THÀNH PHẦN THAM DỰ", level=1),
        BulletList(
            (
                f"Chủ trì: đồng chí {chair}, Chủ tịch Ủy ban nhân dân thành phố.",
                "Các Phó Chủ tịch Ủy ban nhân dân thành phố; Trưởng các phòng chuyên môn.",
                "Chủ tịch Ủy ban nhân dân 14 phường tham dự tại điểm cầu trực tuyến.",
                f"Thư ký: đồng chí {secretary}, Chánh Văn phòng HĐND và UBND thành phố.",
            )
        ),
        Heading("II. NỘI DUNG", level=1),
        *[
            Paragraph.of(f"{index}. {item} (trình bày: {presenter}).")
            for index, (item, presenter) in enumerate(items, 1)
        ],
        Heading("III. KẾT LUẬN", level=1),
        Paragraph.of(
            "Ủy ban nhân dân thành phố thống nhất thông qua các báo cáo; giao các phòng chuyên "
            "môn hoàn chỉnh theo ý kiến góp ý của các đại biểu, trình Thường trực Hội đồng nhân "
            "dân thành phố trước ngày 15 tháng 10 năm 2026."
        ),
        Paragraph.of("Cuộc họp kết thúc lúc 11 giờ 15 phút cùng ngày."),
    ]
    return AdministrativeDocument(
        issuer=IssuingBody("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ THỦ DẦU MỘT"),
        kind=DocumentKind.BIEN_BAN,
        symbol="BB-UBND",
        place="Thủ Dầu Một",
        date=day,
        summary=title,
        body=tuple(body),
        signatures=(
            SignatureBlock(title="THƯ KÝ", signer=secretary, seal=False),
            SignatureBlock(title="CHỦ TỊCH", signer=chair, authority="CHỦ TRÌ"),
        ),
        recipients=("Thường trực Thành ủy", "Thường trực HĐND thành phố", "Lưu: VT."),
    )
