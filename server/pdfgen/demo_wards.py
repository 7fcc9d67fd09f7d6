"""The demo report's fourteen wards: their figures, drawn from a seeded generator so every
run prints the same document, and the section with a paragraph per ward. The report's
tables (server/pdfgen/demo_report.py) use the same figures."""

from __future__ import annotations

from dataclasses import dataclass

from server.pdfgen.demo_helpers import figures, h2, h3, num, p, pct
from server.pdfgen.demo_people import WARDS
from server.pdfgen.model import (
    Block,
)


@dataclass(frozen=True)
class WardFigures:
    ward: str
    budget_plan: float  # tỷ đồng
    budget_done: float
    budget_vs_last_year: float  # %
    procedures: int
    online_share: float  # %
    on_time: float  # %
    new_businesses: int
    poor_households: int
    insured: float  # %
    jobs: int


def ward_figures() -> tuple[WardFigures, ...]:
    rng = figures("ward-figures-2026-9m")
    out = []
    for ward in WARDS:
        plan = round(rng.uniform(38, 190), 1)
        done = round(plan * rng.uniform(0.68, 0.92), 1)
        out.append(
            WardFigures(
                ward=ward,
                budget_plan=plan,
                budget_done=done,
                budget_vs_last_year=round(rng.uniform(96, 118), 1),
                procedures=rng.randint(2100, 9800),
                online_share=round(rng.uniform(78, 96), 1),
                on_time=round(rng.uniform(97.2, 99.9), 1),
                new_businesses=rng.randint(40, 260),
                poor_households=rng.randint(0, 14),
                insured=round(rng.uniform(91.5, 97.8), 1),
                jobs=rng.randint(420, 1650),
            )
        )
    return tuple(out)


# What each ward did that the others did not: the text that makes each paragraph its own.
_HIGHLIGHTS = {
    "Phú Cường": "hoàn thành chỉnh trang khu vực chợ Thủ Dầu Một và tuyến phố đi bộ ven sông "
    "Sài Gòn, thu hút bình quân hơn 6.000 lượt khách mỗi dịp cuối tuần",
    "Hiệp Thành": "hoàn thành nâng cấp 12 tuyến hẻm trong khu dân cư bằng nguồn vốn Nhà nước "
    "và nhân dân cùng làm, trong đó người dân đóng góp trên 3,2 tỷ đồng",
    "Chánh Nghĩa": "đưa vào khai thác bến thủy nội địa phục vụ du lịch đường sông, kết nối với "
    "các điểm tham quan dọc sông Sài Gòn",
    "Phú Thọ": "xử lý dứt điểm 3 điểm ngập cục bộ khi mưa lớn nhờ cải tạo hệ thống thoát nước "
    "và nạo vét rạch thoát nước khu vực",
    "Phú Hòa": "khánh thành trường tiểu học 30 phòng học đạt chuẩn quốc gia mức độ 2, giảm sĩ "
    "số học sinh bình quân xuống 38 em mỗi lớp",
    "Phú Lợi": "trạm y tế phường được công nhận đạt Bộ tiêu chí quốc gia về y tế, triển khai "
    "khám chữa bệnh bằng căn cước công dân gắn chip cho 100% lượt khám",
    "Hiệp An": "phát triển 4 mô hình vườn cây ăn trái kết hợp du lịch trải nghiệm, doanh thu "
    "bình quân đạt 850 triệu đồng mỗi mô hình",
    "Định Hòa": "hoàn thành giải phóng mặt bằng tuyến đường kết nối khu đô thị mới với trung "
    "tâm hành chính, bàn giao 98,6% diện tích cho chủ đầu tư",
    "Tân An": "duy trì 126 ha vườn cây ăn trái đặc sản, hỗ trợ 35 hộ chuyển sang canh tác "
    "theo tiêu chuẩn VietGAP và bán hàng qua sàn thương mại điện tử",
    "Tương Bình Hiệp": "tổ chức lễ hội làng nghề sơn mài với 42 gian hàng, hỗ trợ 18 cơ sở "
    "sơn mài đăng ký nhãn hiệu và tham gia chương trình OCOP",
    "Chánh Mỹ": "hoàn thành kè bảo vệ bờ sông đoạn qua khu dân cư dài 1,2 km, bảo đảm an "
    "toàn cho trên 400 hộ dân trong mùa mưa",
    "Phú Tân": "hỗ trợ các trường đại học trên địa bàn tổ chức ngày hội việc làm, kết nối "
    "1.250 sinh viên với 64 doanh nghiệp tuyển dụng",
    "Phú Mỹ": "kiểm tra, hướng dẫn 286 khu nhà trọ công nhân bảo đảm an toàn phòng cháy, "
    "chữa cháy và vệ sinh môi trường",
    "Hòa Phú": "phối hợp với các doanh nghiệp khu công nghiệp xây dựng 2 nhóm trẻ độc lập cho "
    "con công nhân, tiếp nhận 320 cháu",
}


def _ward_paragraph(index: int, f: WardFigures) -> list[Block]:
    ratio = f.budget_done / f.budget_plan * 100
    openings = (
        f"Thu ngân sách ước đạt {num(f.budget_done)} tỷ đồng, bằng {pct(ratio)} dự toán và "
        f"bằng {pct(f.budget_vs_last_year)} so với cùng kỳ. ",
        f"Ước thu ngân sách 9 tháng đạt {num(f.budget_done)}/{num(f.budget_plan)} tỷ đồng "
        f"({pct(ratio)} dự toán). ",
        f"Phường thu ngân sách được {num(f.budget_done)} tỷ đồng, đạt {pct(ratio)} dự toán "
        f"được giao. ",
    )
    procedures = (
        f"Bộ phận một cửa tiếp nhận {num(f.procedures, 0)} hồ sơ, trong đó "
        f"{pct(f.online_share)} nộp trực tuyến; tỷ lệ giải quyết đúng hạn đạt {pct(f.on_time)}.",
        f"Tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến đạt {pct(f.online_share)} trên tổng "
        f"số {num(f.procedures, 0)} hồ sơ, giải quyết đúng hạn {pct(f.on_time)}.",
    )
    return [
        h3(f"{_LETTER[index]}) Phường {f.ward}"),
        p(
            openings[index % 3],
            f"Nổi bật trong kỳ, phường đã {_HIGHLIGHTS[f.ward]}. ",
            procedures[index % 2],
            f" Có {num(f.new_businesses, 0)} doanh nghiệp và hộ kinh doanh đăng ký mới.",
        ),
        p(
            f"Phường giải quyết việc làm cho {num(f.jobs, 0)} lượt người, tỷ lệ dân số tham "
            f"gia bảo hiểm y tế đạt {pct(f.insured)}. {_SHORTCOMINGS[index % len(_SHORTCOMINGS)]}"
        ),
    ]


_LETTER = "abcdđeghiklmnopq"

# What still needs work, in the words a ward report would use; one per ward, in turn.
_SHORTCOMINGS = (
    "Tuy nhiên, tình trạng lấn chiếm vỉa hè để kinh doanh tại một số tuyến đường chính vẫn "
    "tái diễn; phường đã ra quân 14 đợt, lập biên bản 96 trường hợp.",
    "Việc giải quyết hồ sơ đất đai còn chậm ở khâu đo đạc, phường đã đề nghị tăng cường "
    "nhân lực của chi nhánh văn phòng đăng ký đất đai.",
    "Một số tuyến hẻm chưa có hệ thống thoát nước, người dân phản ánh tình trạng đọng nước "
    "sau mưa; phường đã đưa vào danh mục đầu tư năm 2027.",
    "Công tác thu nợ thuế của hộ kinh doanh đạt thấp, số nợ đọng còn trên 1,4 tỷ đồng.",
    "Tỷ lệ người dân sử dụng tài khoản định danh điện tử mức độ 2 để thực hiện dịch vụ công "
    "còn thấp so với mặt bằng chung của thành phố.",
    "Tình hình trộm cắp tài sản tại các khu nhà trọ có chiều hướng tăng, phường đã củng cố "
    "các tổ an ninh trật tự cơ sở và lắp thêm 36 camera giám sát.",
    "Việc phân loại rác tại nguồn mới thực hiện được ở 5 khu phố, cần tiếp tục tuyên truyền "
    "và bố trí thêm điểm tập kết.",
)


def wards_section(wards: tuple[WardFigures, ...]) -> list[Block]:
    blocks: list[Block] = [
        h2("6. Kết quả thực hiện nhiệm vụ tại các phường"),
        p(
            "Ủy ban nhân dân 14 phường đã chủ động triển khai các nhiệm vụ được giao, bám sát "
            "chương trình công tác của thành phố. Một số kết quả nổi bật như sau:"
        ),
    ]
    for index, f in enumerate(wards):
        blocks.extend(_ward_paragraph(index, f))
    return blocks
