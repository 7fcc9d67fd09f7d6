"""Agenda documents of the city People's Committee meeting besides the 9-month report:
the public investment plan for 2027 and the budget report."""

from __future__ import annotations

import datetime as dt

from server.pdfgen.demo_helpers import STT, col, figures, h1, h2, h3, ncol, num, p, pct, table
from server.pdfgen.demo_people import (
    CITY_CHAIR,
    CITY_COMMITTEE,
    CITY_VICE_ECONOMY,
    WARDS,
)
from server.pdfgen.model import (
    AdministrativeDocument,
    Block,
    BulletList,
    DocumentKind,
    NumberedList,
    NumberStyle,
    SignatureBlock,
    bold,
)

_PROJECTS_2027: tuple[tuple[str, str, float, float], ...] = (
    # (project, group, total investment, capital planned for 2027), in tỷ đồng
    (
        "Đường ven sông Sài Gòn đoạn từ rạch Bà Cô đến cầu Phú Cường (giai đoạn 2)",
        "Giao thông",
        684.0,
        210.0,
    ),
    ("Nâng cấp, mở rộng đường liên phường Hiệp An - Định Hòa", "Giao thông", 312.5, 95.0),
    ("Cải tạo nút giao thông trung tâm phường Phú Hòa", "Giao thông", 86.4, 40.0),
    ("Hệ thống thoát nước khu vực Phú Thọ - Phú Hòa (giai đoạn 2)", "Hạ tầng đô thị", 248.0, 88.0),
    ("Nạo vét, kè rạch thoát nước phường Chánh Mỹ", "Hạ tầng đô thị", 132.6, 52.0),
    (
        "Chỉnh trang vỉa hè, chiếu sáng các tuyến đường trung tâm (giai đoạn 3)",
        "Hạ tầng đô thị",
        94.0,
        45.0,
    ),
    ("Trường Trung học cơ sở Hòa Phú", "Giáo dục", 148.2, 70.0),
    ("Trường Tiểu học Tân An (xây mới 30 phòng học)", "Giáo dục", 96.8, 48.0),
    ("Trường Mầm non Phú Mỹ", "Giáo dục", 62.4, 30.0),
    ("Trạm y tế phường Định Hòa và phường Hiệp An", "Y tế", 38.6, 25.0),
    ("Trung tâm điều hành đô thị thông minh (giai đoạn 2)", "Chuyển đổi số", 58.0, 32.0),
    ("Hạ tầng phòng họp không giấy và họp trực tuyến 16 điểm cầu", "Chuyển đổi số", 14.6, 14.6),
    ("Công viên cây xanh phường Chánh Mỹ", "Văn hóa - môi trường", 72.0, 28.0),
    ("Nhà văn hóa và khu thể thao phường Tương Bình Hiệp", "Văn hóa - môi trường", 41.2, 20.0),
)


def _project_rows() -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = [
        (str(i), name, group, num(total), num(planned))
        for i, (name, group, total, planned) in enumerate(_PROJECTS_2027, 1)
    ]
    total_investment = sum(x[2] for x in _PROJECTS_2027)
    total_planned = sum(x[3] for x in _PROJECTS_2027)
    rows.append(("", "Tổng cộng", "", num(total_investment), num(total_planned)))
    return rows


def investment_plan_submission() -> AdministrativeDocument:
    """Tờ trình về kế hoạch đầu tư công năm 2027 (about 5 pages)."""
    total_planned = sum(x[3] for x in _PROJECTS_2027)
    groups: dict[str, float] = {}
    for _, group, _, planned in _PROJECTS_2027:
        groups[group] = groups.get(group, 0.0) + planned
    group_rows = [
        (str(i), g, num(v), pct(v / total_planned * 100).rstrip("%"))
        for i, (g, v) in enumerate(sorted(groups.items(), key=lambda kv: -kv[1]), 1)
    ]
    group_rows.append(("", "Tổng cộng", num(total_planned), "100,0"))
    body: list[Block] = [
        p(
            "Căn cứ Luật Đầu tư công ngày 29 tháng 11 năm 2024 và các văn bản hướng dẫn thi hành;",
        ),
        p(
            "Căn cứ Kế hoạch đầu tư công trung hạn giai đoạn 2026 - 2030 của thành phố đã được "
            "Hội đồng nhân dân thành phố thông qua;"
        ),
        p(
            "Căn cứ văn bản hướng dẫn của Ủy ban nhân dân tỉnh về xây dựng kế hoạch đầu tư công "
            "năm 2027,"
        ),
        p(
            "Ủy ban nhân dân thành phố kính trình Ban Thường vụ Thành ủy xem xét, cho ý kiến về "
            "dự kiến kế hoạch đầu tư công năm 2027 như sau:"
        ),
        h1("I. ĐÁNH GIÁ TÌNH HÌNH THỰC HIỆN KẾ HOẠCH ĐẦU TƯ CÔNG NĂM 2026"),
        p(
            "Kế hoạch vốn đầu tư công năm 2026 của thành phố là 1.460 tỷ đồng, gồm vốn ngân "
            "sách tỉnh hỗ trợ có mục tiêu 620 tỷ đồng và vốn ngân sách thành phố 840 tỷ đồng. Ước "
            "đến ngày 30 tháng 9 năm 2026 giải ngân 905,3 tỷ đồng, đạt 62,0% kế hoạch; dự kiến "
            "đến ngày 31 tháng 01 năm 2027 giải ngân đạt 95% kế hoạch."
        ),
        p(
            "Trong năm, thành phố hoàn thành và đưa vào sử dụng 11 công trình, trong đó có 3 "
            "trường học với 96 phòng học mới, 2 trạm y tế và 6 tuyến đường, hẻm. Các công trình "
            "phát huy hiệu quả, được người dân đồng tình. Tuy nhiên, công tác giải phóng mặt "
            "bằng tại 3 dự án giao thông còn chậm; một số chủ đầu tư lập hồ sơ điều chỉnh dự án "
            "chưa kịp thời; năng lực của một số nhà thầu còn hạn chế."
        ),
        h1("II. DỰ KIẾN KẾ HOẠCH ĐẦU TƯ CÔNG NĂM 2027"),
        h2("1. Nguyên tắc phân bổ"),
        NumberedList(
            [
                "Bố trí đủ vốn để thanh toán nợ đọng xây dựng cơ bản và vốn cho dự án chuyển tiếp "
                "hoàn thành trong năm 2027.",
                "Ưu tiên dự án trọng điểm, có tính kết nối, lan tỏa; dự án giáo dục, y tế và hạ "
                "tầng chuyển đổi số.",
                "Chỉ bố trí vốn khởi công mới cho dự án đã hoàn thành thủ tục đầu tư và giải phóng "
                "mặt bằng đạt trên 70% diện tích.",
                "Không bố trí vốn cho dự án chưa được phê duyệt chủ trương đầu tư.",
            ],
            style=NumberStyle.LETTER,
        ),
        h2("2. Tổng nguồn vốn"),
        p(
            "Tổng nguồn vốn đầu tư công năm 2027 dự kiến là ",
            bold(f"{num(total_planned)} tỷ đồng"),
            ", tăng 4,0% so với kế hoạch năm 2026; trong đó vốn ngân sách tỉnh hỗ trợ có mục "
            "tiêu dự kiến 640 tỷ đồng, vốn ngân sách thành phố (bao gồm nguồn thu tiền sử dụng "
            "đất) dự kiến 879,6 tỷ đồng. Cơ cấu theo lĩnh vực như sau:",
        ),
        table(
            (
                STT,
                col("Lĩnh vực", 3.0),
                ncol("Vốn dự kiến năm 2027", 1.6),
                ncol("Tỷ trọng (%)", 1.2),
            ),
            group_rows,
            caption="Bảng 1. Cơ cấu vốn đầu tư công năm 2027 theo lĩnh vực",
            unit="Đơn vị tính: tỷ đồng",
            total_rows=1,
        ),
        h2("3. Danh mục dự án"),
        p(
            "Dự kiến bố trí vốn cho 14 dự án, gồm 6 dự án chuyển tiếp và 8 dự án khởi công mới. "
            "Danh mục chi tiết như sau:"
        ),
        table(
            (
                STT,
                col("Tên dự án", 3.8),
                col("Lĩnh vực", 1.5),
                ncol("Tổng mức đầu tư", 1.2),
                ncol("Vốn năm 2027", 1.1),
            ),
            _project_rows(),
            caption="Bảng 2. Danh mục dự án dự kiến bố trí vốn năm 2027",
            unit="Đơn vị tính: tỷ đồng",
            total_rows=1,
        ),
        h1("III. GIẢI PHÁP THỰC HIỆN"),
        BulletList(
            [
                "Giao kế hoạch vốn ngay từ đầu năm; chủ đầu tư cam kết tiến độ giải ngân theo từng "
                "quý, gắn trách nhiệm người đứng đầu với kết quả giải ngân.",
                "Thành lập tổ công tác giải phóng mặt bằng cho từng dự án trọng điểm; công khai "
                "phương án bồi thường, hỗ trợ, tái định cư; đối thoại với người dân.",
                "Tăng cường kiểm tra chất lượng công trình, xử lý nghiêm nhà thầu vi phạm tiến độ.",
                "Định kỳ hằng tháng báo cáo Thường trực Thành ủy tình hình giải ngân và những "
                "vướng mắc vượt thẩm quyền.",
            ]
        ),
        h1("IV. KIẾN NGHỊ"),
        p(
            "Ủy ban nhân dân thành phố kính trình Ban Thường vụ Thành ủy xem xét, cho ý kiến để "
            "Ủy ban nhân dân thành phố hoàn chỉnh kế hoạch, trình Hội đồng nhân dân thành phố "
            "quyết định tại kỳ họp cuối năm 2026./."
        ),
    ]
    return AdministrativeDocument(
        issuer=CITY_COMMITTEE,
        kind=DocumentKind.TO_TRINH,
        number=142,
        symbol="TTr-UBND",
        place="Thủ Dầu Một",
        date=dt.date(2026, 9, 28),
        summary="Về dự kiến kế hoạch đầu tư công năm 2027",
        addressees=("Ban Thường vụ Thành ủy Thủ Dầu Một",),
        body=tuple(body),
        signatures=(SignatureBlock("Chủ tịch", CITY_CHAIR.name, authority="TM. Ủy ban nhân dân"),),
        recipients=(
            "Như trên",
            "Thường trực HĐND thành phố",
            "Các Phó Chủ tịch UBND thành phố",
            "Phòng Tài chính - Kế hoạch",
            "Lưu: VT, TCKH",
        ),
    )


def budget_report() -> AdministrativeDocument:
    """Báo cáo thu, chi ngân sách 9 tháng (about 4 pages), signed by a vice-chair."""
    rng = figures("budget-2026-9m")
    revenue = [
        ("Thuế công thương nghiệp ngoài quốc doanh", 1320.0),
        ("Thuế thu nhập cá nhân", 865.0),
        ("Lệ phí trước bạ", 412.0),
        ("Thuế sử dụng đất phi nông nghiệp", 48.0),
        ("Tiền thuê đất", 236.0),
        ("Thu tiền sử dụng đất", 450.0),
        ("Phí, lệ phí", 96.0),
        ("Thu khác ngân sách", 118.0),
    ]
    revenue_rows = []
    total_plan = total_done = 0.0
    for i, (name, plan) in enumerate(revenue, 1):
        ratio = 0.51 if "sử dụng đất" in name and "Thu tiền" in name else rng.uniform(0.66, 0.9)
        done = round(plan * ratio, 1)
        total_plan += plan
        total_done += done
        revenue_rows.append(
            (str(i), name, num(plan), num(done), pct(done / plan * 100).rstrip("%"))
        )
    revenue_rows.append(
        (
            "",
            "Tổng thu do thành phố quản lý",
            num(total_plan),
            num(total_done),
            pct(total_done / total_plan * 100).rstrip("%"),
        )
    )
    spending = [
        ("Chi đầu tư phát triển", 1460.0, 905.3),
        ("Chi sự nghiệp giáo dục và đào tạo", 742.0, 531.6),
        ("Chi sự nghiệp y tế", 126.0, 88.4),
        ("Chi bảo đảm xã hội", 118.0, 92.7),
        ("Chi quản lý hành chính", 298.0, 214.1),
        ("Chi sự nghiệp kinh tế và môi trường", 284.0, 178.9),
        ("Chi quốc phòng, an ninh", 52.0, 41.3),
        ("Dự phòng ngân sách", 40.0, 12.5),
    ]
    spending_rows = [
        (str(i), n, num(a), num(b), pct(b / a * 100).rstrip("%"))
        for i, (n, a, b) in enumerate(spending, 1)
    ]
    transfers = [
        (str(i), f"Phường {w}", num(rng.uniform(18, 46)), num(rng.uniform(12, 36)))
        for i, w in enumerate(WARDS, 1)
    ]
    body: list[Block] = [
        p(
            "Thực hiện Nghị quyết của Hội đồng nhân dân thành phố về dự toán thu, chi ngân sách "
            "năm 2026, Ủy ban nhân dân thành phố báo cáo tình hình thực hiện thu, chi ngân sách "
            "nhà nước 9 tháng đầu năm 2026 như sau:"
        ),
        h1("I. THU NGÂN SÁCH NHÀ NƯỚC"),
        p(
            "Tổng thu ngân sách nhà nước trên địa bàn ước đạt 4.215,6 tỷ đồng, bằng 78,4% dự "
            "toán và tăng 7,9% so với cùng kỳ. Phần thu do thành phố quản lý như sau:"
        ),
        table(
            (
                STT,
                col("Nội dung thu", 3.4),
                ncol("Dự toán năm 2026", 1.3),
                ncol("Ước thực hiện 9 tháng", 1.3),
                ncol("Tỷ lệ (%)", 0.9),
            ),
            revenue_rows,
            caption="Bảng 1. Thu ngân sách do thành phố quản lý",
            unit="Đơn vị tính: tỷ đồng",
            total_rows=1,
        ),
        p(
            "Các khoản thu đạt khá là thuế công thương nghiệp ngoài quốc doanh và thuế thu nhập "
            "cá nhân nhờ hoạt động sản xuất, kinh doanh phục hồi và công tác quản lý thuế đối "
            "với hoạt động thương mại điện tử được tăng cường. Thu tiền sử dụng đất mới đạt "
            "51,0% dự toán do nhiều dự án nhà ở chưa đủ điều kiện nộp tiền sử dụng đất. Nợ thuế "
            "đến ngày 30 tháng 9 năm 2026 là 186,4 tỷ đồng, giảm 12,8% so với đầu năm."
        ),
        h1("II. CHI NGÂN SÁCH ĐỊA PHƯƠNG"),
        p(
            "Tổng chi ngân sách địa phương ước đạt 2.106,8 tỷ đồng, bằng 67,5% dự toán. Việc "
            "chi ngân sách bảo đảm đúng dự toán, đúng chế độ; ưu tiên chi cho an sinh xã hội, "
            "giáo dục, y tế và các nhiệm vụ cấp bách phát sinh."
        ),
        table(
            (
                STT,
                col("Nội dung chi", 3.4),
                ncol("Dự toán năm 2026", 1.3),
                ncol("Ước thực hiện 9 tháng", 1.3),
                ncol("Tỷ lệ (%)", 0.9),
            ),
            spending_rows,
            caption="Bảng 2. Chi ngân sách địa phương theo nội dung",
            unit="Đơn vị tính: tỷ đồng",
        ),
        h2("1. Chi bổ sung cân đối cho ngân sách phường"),
        p(
            "Ngân sách thành phố bổ sung cân đối cho ngân sách 14 phường theo dự toán và bổ sung "
            "có mục tiêu để thực hiện chỉnh trang đô thị, sửa chữa trụ sở, trang bị thiết bị "
            "phòng họp trực tuyến. Tình hình cụ thể như sau:"
        ),
        table(
            (
                STT,
                col("Phường", 2.4),
                ncol("Bổ sung cân đối", 1.3),
                ncol("Bổ sung có mục tiêu", 1.3),
            ),
            transfers,
            caption="Bảng 3. Bổ sung ngân sách cho các phường 9 tháng đầu năm 2026",
            unit="Đơn vị tính: tỷ đồng",
        ),
        h2("2. Sử dụng dự phòng ngân sách"),
        p(
            "Trong 9 tháng, thành phố sử dụng 12,5 tỷ đồng dự phòng ngân sách để khắc phục hậu "
            "quả mưa lớn gây sạt lở bờ sông tại phường Chánh Mỹ, phòng, chống sốt xuất huyết và "
            "hỗ trợ các hộ bị ảnh hưởng bởi hỏa hoạn tại phường Phú Mỹ."
        ),
        h1("III. NHIỆM VỤ, GIẢI PHÁP 3 THÁNG CUỐI NĂM 2026"),
        h3("a) Về thu ngân sách"),
        p(
            "Chi cục Thuế khu vực phối hợp với các phường rà soát nguồn thu, chống thất thu đối "
            "với hộ kinh doanh, hoạt động cho thuê nhà trọ, kinh doanh trên nền tảng số; đôn đốc "
            "thu nợ đọng thuế; đẩy nhanh tiến độ xác định giá đất để thu tiền sử dụng đất."
        ),
        h3("b) Về chi ngân sách"),
        p(
            "Các đơn vị chủ động rà soát dự toán, thực hiện chi tiết kiệm, hiệu quả; không ban "
            "hành chính sách làm tăng chi khi chưa có nguồn bảo đảm; bảo đảm nguồn chi lương, "
            "phụ cấp và các chính sách an sinh xã hội dịp Tết Nguyên đán."
        ),
        p("Ủy ban nhân dân thành phố kính báo cáo./."),
    ]
    return AdministrativeDocument(
        issuer=CITY_COMMITTEE,
        kind=DocumentKind.BAO_CAO,
        number=291,
        symbol="BC-UBND",
        place="Thủ Dầu Một",
        date=dt.date(2026, 9, 28),
        summary="Tình hình thực hiện thu, chi ngân sách nhà nước 9 tháng đầu năm 2026",
        body=tuple(body),
        signatures=(
            SignatureBlock("Phó Chủ tịch", CITY_VICE_ECONOMY.name, authority="KT. Chủ tịch"),
        ),
        recipients=(
            "Thường trực Thành ủy",
            "Thường trực HĐND thành phố",
            "Chủ tịch, các Phó Chủ tịch UBND thành phố",
            "Chi cục Thuế khu vực",
            "Kho bạc Nhà nước khu vực",
            "Lưu: VT, TCKH",
        ),
    )
