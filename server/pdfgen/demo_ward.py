"""Agenda documents of the Phú Cường ward meeting: the ward's 9-month report and its plan for
tidying streets and pavements in 2027."""

from __future__ import annotations

import datetime as dt

from server.pdfgen.demo_helpers import (
    STT,
    col,
    figures,
    h1,
    h2,
    h3,
    ncol,
    num,
    p,
    pct,
    table,
)
from server.pdfgen.demo_people import WARD_CHAIR, WARD_VICE, ward_committee
from server.pdfgen.model import (
    AdministrativeDocument,
    Block,
    BulletList,
    DocumentKind,
    NumberedList,
    SignatureBlock,
    bold,
)

WARD = "Phú Cường"
QUARTERS = tuple(f"Khu phố {i}" for i in range(1, 10))


def ward_report() -> AdministrativeDocument:
    """Báo cáo 9 tháng của UBND phường Phú Cường (about 4 pages)."""
    rng = figures("phu-cuong-2026-9m")
    quarter_rows = []
    for i, quarter in enumerate(QUARTERS, 1):
        households = rng.randint(620, 1480)
        quarter_rows.append(
            (
                str(i),
                quarter,
                num(households, 0),
                num(rng.randint(40, 210), 0),
                pct(rng.uniform(82, 99)).rstrip("%"),
                str(rng.randint(0, 6)),
            )
        )
    body: list[Block] = [
        p(
            "Thực hiện Nghị quyết của Đảng ủy phường và Chương trình công tác năm 2026 của Ủy ban "
            "nhân dân thành phố, Ủy ban nhân dân phường Phú Cường báo cáo kết quả thực hiện nhiệm "
            "vụ kinh tế - xã hội, quốc phòng - an ninh 9 tháng đầu năm 2026 như sau:"
        ),
        h1("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ"),
        h2("1. Kinh tế"),
        p(
            "Hoạt động thương mại, dịch vụ trên địa bàn phường diễn ra sôi động, nhất là khu vực "
            "chợ Thủ Dầu Một và tuyến phố đi bộ ven sông Sài Gòn. Toàn phường có 3.412 hộ kinh "
            "doanh và 648 doanh nghiệp đang hoạt động; trong 9 tháng có 126 hộ kinh doanh và 57 "
            "doanh nghiệp đăng ký mới. Thu ngân sách ước đạt 70,9 tỷ đồng, bằng 76,4% dự toán và "
            "bằng 99,3% so với cùng kỳ."
        ),
        p(
            "Phường phối hợp Ban Quản lý chợ tổ chức sắp xếp lại 214 sạp hàng, lắp đặt hệ thống "
            "phòng cháy, chữa cháy tự động; 100% tiểu thương sử dụng thanh toán bằng mã QR. Tuyến "
            "phố đi bộ tổ chức 36 chương trình văn hóa, ẩm thực, thu hút bình quân hơn 6.000 lượt "
            "khách mỗi dịp cuối tuần."
        ),
        h2("2. Quản lý đô thị và môi trường"),
        p(
            "Phường cấp 186 giấy phép xây dựng nhà ở riêng lẻ, kiểm tra 212 công trình, phát hiện "
            "và xử lý 9 trường hợp xây dựng sai phép. Ra quân 14 đợt lập lại trật tự lòng đường, "
            "vỉa hè, lập biên bản 96 trường hợp; phối hợp thu gom 412 tấn rác thải sinh hoạt mỗi "
            "tháng, tỷ lệ hộ dân đăng ký thu gom rác đạt 99,2%."
        ),
        h2("3. Văn hóa - xã hội"),
        p(
            "Công tác an sinh xã hội được quan tâm: chi trả trợ cấp thường xuyên cho 412 đối "
            "tượng, trao 18 căn nhà tình thương, vận động Quỹ Vì người nghèo được 486 triệu đồng. "
            "Toàn phường còn 3 hộ nghèo và 11 hộ cận nghèo. Tỷ lệ dân số tham gia bảo hiểm y tế "
            "đạt 95,4%; trạm y tế phường khám cho 18.640 lượt người."
        ),
        p("Kết quả xây dựng khu phố văn hóa và công tác dân vận tại các khu phố như sau:"),
        table(
            (
                STT,
                col("Khu phố", 1.5),
                ncol("Số hộ", 1.0),
                ncol("Hộ kinh doanh", 1.2),
                ncol("Gia đình văn hóa (%)", 1.3),
                ncol("Vụ việc hòa giải", 1.2),
            ),
            quarter_rows,
            caption="Bảng 1. Một số kết quả tại các khu phố",
        ),
        h2("4. Cải cách hành chính, chuyển đổi số"),
        p(
            "Bộ phận một cửa tiếp nhận 5.918 hồ sơ, trong đó 88,6% nộp trực tuyến; tỷ lệ giải "
            "quyết đúng hạn đạt 99,2%. Phường triển khai tổ công nghệ số cộng đồng tại 9/9 khu "
            "phố, hướng dẫn 4.260 người dân kích hoạt tài khoản định danh điện tử. Từ tháng 7 "
            "năm 2026, 100% cuộc họp của Ủy ban nhân dân phường sử dụng phòng họp không giấy."
        ),
        h2("5. Quốc phòng, an ninh"),
        p(
            "Tình hình an ninh chính trị ổn định; xảy ra 14 vụ phạm pháp hình sự, giảm 4 vụ so "
            "với cùng kỳ, đã điều tra làm rõ 13 vụ. Hoàn thành 100% chỉ tiêu giao quân năm 2026. "
            "Lực lượng bảo vệ an ninh trật tự ở cơ sở được củng cố tại 9 khu phố."
        ),
        h1("II. HẠN CHẾ, KHÓ KHĂN"),
        BulletList(
            [
                "Tình trạng lấn chiếm vỉa hè để kinh doanh tại các tuyến đường quanh chợ vẫn tái "
                "diễn sau khi ra quân.",
                "Thu nợ thuế của hộ kinh doanh đạt thấp, số nợ đọng còn trên 1,4 tỷ đồng.",
                "Một số tuyến hẻm tại Khu phố 4 và Khu phố 7 còn đọng nước sau mưa lớn.",
            ]
        ),
        h1("III. NHIỆM VỤ TRỌNG TÂM 3 THÁNG CUỐI NĂM 2026"),
        NumberedList(
            [
                "Phấn đấu thu ngân sách đạt 100% dự toán; tập trung thu nợ đọng thuế.",
                "Thực hiện Kế hoạch chỉnh trang đô thị và trật tự lòng đường, vỉa hè năm 2027 ngay "
                "từ quý IV năm 2026.",
                "Chăm lo Tết Nguyên đán cho hộ nghèo, cận nghèo và gia đình chính sách.",
                "Bảo đảm an ninh trật tự, phòng cháy, chữa cháy tại chợ và các khu nhà trọ.",
            ]
        ),
        p("Ủy ban nhân dân phường Phú Cường kính báo cáo./."),
    ]
    return AdministrativeDocument(
        issuer=ward_committee(WARD),
        kind=DocumentKind.BAO_CAO,
        number=168,
        symbol="BC-UBND",
        place="Phú Cường",
        date=dt.date(2026, 9, 22),
        summary="Kết quả thực hiện nhiệm vụ kinh tế - xã hội, quốc phòng - an ninh 9 tháng "
        "đầu năm 2026 và nhiệm vụ trọng tâm 3 tháng cuối năm",
        body=tuple(body),
        signatures=(SignatureBlock("Chủ tịch", WARD_CHAIR.name, authority="TM. Ủy ban nhân dân"),),
        recipients=(
            "UBND thành phố",
            "Thường trực Đảng ủy phường",
            "Ủy ban MTTQ Việt Nam phường",
            "Các khu phố",
            "Lưu: VT",
        ),
    )


_STREETS: tuple[tuple[str, str, str, str], ...] = (
    ("Đường Bạch Đằng (đoạn ven sông)", "Lát đá vỉa hè, bố trí điểm đỗ xe", "1,2", "Quý I"),
    ("Đường Đinh Bộ Lĩnh (quanh chợ)", "Kẻ vạch phân định vỉa hè kinh doanh", "0,8", "Quý I"),
    ("Đường Nguyễn Thái Học", "Thay đèn chiếu sáng LED, trồng cây xanh", "0,9", "Quý II"),
    ("Đường Trừ Văn Thố", "Sửa chữa vỉa hè, hố ga", "0,6", "Quý II"),
    ("Hẻm 12 và hẻm 26 Khu phố 4", "Nâng cấp mặt hẻm, thoát nước", "0,5", "Quý II"),
    ("Hẻm 7 Khu phố 7", "Nâng cấp mặt hẻm, thoát nước", "0,4", "Quý III"),
    (
        "Đường Cách Mạng Tháng Tám (đoạn qua phường)",
        "Vẽ tranh tường, chỉnh trang mặt tiền",
        "1,1",
        "Quý III",
    ),
)


_QUARTER_TASKS = (
    "Vận động hộ kinh doanh quanh chợ ký cam kết, sắp xếp điểm giữ xe",
    "Giám sát thi công lát đá vỉa hè, bảo đảm lối đi cho người đi bộ",
    "Vận động người dân góp kinh phí nâng cấp hẻm, hiến đất mở rộng",
    "Tổ chức tổng vệ sinh, trồng cây xanh vào sáng chủ nhật cuối tháng",
    "Phản ánh kịp thời vi phạm qua ứng dụng phản ánh hiện trường",
)
_QUARTER_LEADS = (
    "Trần Quốc Đạt",
    "Mai Thị Bích Ngọc",
    "Lâm Văn Hậu",
    "Đoàn Thị Thùy Dương",
    "Tạ Minh Phúc",
    "Quách Thị Hồng Nhung",
    "Kiều Văn Toàn",
    "Vương Thị Yến Nhi",
    "Dương Hữu Nghĩa",
)


def tidy_streets_plan() -> AdministrativeDocument:
    """Kế hoạch chỉnh trang đô thị và trật tự lòng đường, vỉa hè năm 2027 (about 3 pages)."""
    rows = [(str(i), *street) for i, street in enumerate(_STREETS, 1)]
    body: list[Block] = [
        p(
            "Căn cứ Kế hoạch của Ủy ban nhân dân thành phố về chỉnh trang đô thị năm 2027 và "
            "tình hình thực tế tại địa phương, Ủy ban nhân dân phường Phú Cường ban hành Kế hoạch "
            "chỉnh trang đô thị và lập lại trật tự lòng đường, vỉa hè năm 2027 như sau:"
        ),
        h1("I. MỤC ĐÍCH, YÊU CẦU"),
        BulletList(
            [
                "Xây dựng tuyến phố văn minh đô thị, bảo đảm mỹ quan khu vực trung tâm và ven sông "
                "Sài Gòn.",
                "Sắp xếp hoạt động kinh doanh trên vỉa hè theo hướng có phân định, có thu phí, "
                "không để tái lấn chiếm.",
                "Huy động sự tham gia của người dân theo phương châm Nhà nước và nhân dân cùng làm.",
            ]
        ),
        h1("II. NỘI DUNG THỰC HIỆN"),
        h2("1. Chỉnh trang các tuyến đường, hẻm"),
        p(
            "Năm 2027, phường tập trung chỉnh trang 7 tuyến đường, hẻm với tổng chiều dài 5,5 "
            "km, cụ thể như sau:"
        ),
        table(
            (
                STT,
                col("Tuyến đường, hẻm", 2.4),
                col("Nội dung", 2.6),
                ncol("Chiều dài (km)", 1.0),
                col("Thời gian", 0.9),
            ),
            rows,
            caption="Bảng 1. Danh mục tuyến đường, hẻm chỉnh trang năm 2027",
        ),
        h2("2. Lập lại trật tự lòng đường, vỉa hè"),
        h3("a) Tuyên truyền, vận động"),
        p(
            "Tổ chức ký cam kết với 100% hộ kinh doanh mặt tiền các tuyến đường trọng điểm; phát "
            "thông tin trên hệ thống truyền thanh thông minh của phường 2 lần mỗi tuần; biểu dương "
            "các khu phố, hộ gia đình thực hiện tốt."
        ),
        h3("b) Kiểm tra, xử lý"),
        p(
            "Duy trì tổ kiểm tra trật tự đô thị hoạt động hằng ngày, kể cả ngày nghỉ; ",
            bold("xử lý nghiêm, không có vùng cấm"),
            " đối với các trường hợp tái lấn chiếm; kết quả "
            "kiểm tra được cập nhật trên hệ thống bản đồ số của thành phố.",
        ),
        h2("3. Phân công theo khu phố"),
        p("Ban điều hành các khu phố chủ trì vận động, giám sát tại địa bàn theo bảng sau:"),
        table(
            (
                STT,
                col("Khu phố", 1.2),
                col("Nội dung trọng tâm", 3.2),
                col("Cán bộ phụ trách", 1.8),
            ),
            [
                (str(i), q, _QUARTER_TASKS[(i - 1) % len(_QUARTER_TASKS)], _QUARTER_LEADS[i - 1])
                for i, q in enumerate(QUARTERS, 1)
            ],
            caption="Bảng 2. Phân công thực hiện tại các khu phố",
        ),
        h2("4. Tiến độ thực hiện"),
        NumberedList(
            [
                "Tháng 12 năm 2026: hoàn thành khảo sát hiện trạng, lập dự toán và lấy ý kiến người "
                "dân các tuyến đường, hẻm trong danh mục.",
                "Quý I năm 2027: ký cam kết với hộ kinh doanh; kẻ vạch phân định vỉa hè quanh chợ; "
                "khởi công chỉnh trang đường Bạch Đằng.",
                "Quý II và quý III năm 2027: thi công các tuyến còn lại; nghiệm thu từng hạng mục "
                "có sự tham gia giám sát của Ban điều hành khu phố.",
                "Quý IV năm 2027: sơ kết, đánh giá hiệu quả; đề xuất danh mục chỉnh trang năm 2028.",
            ]
        ),
        h2("5. Kinh phí"),
        p(
            "Tổng kinh phí dự kiến 4,86 tỷ đồng, trong đó ngân sách thành phố hỗ trợ có mục tiêu "
            "3,9 tỷ đồng, ngân sách phường 0,6 tỷ đồng và nhân dân đóng góp 0,36 tỷ đồng."
        ),
        h1("III. TỔ CHỨC THỰC HIỆN"),
        NumberedList(
            [
                "Công chức Địa chính - Xây dựng là đầu mối, tham mưu tổ chức thực hiện và báo cáo "
                "kết quả hằng tháng.",
                "Công an phường chủ trì lập lại trật tự lòng đường, vỉa hè; phối hợp xử lý vi phạm.",
                "Ban điều hành các khu phố vận động người dân tham gia, giám sát việc thi công.",
                "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam phường và các đoàn thể phối hợp tuyên "
                "truyền, giám sát thực hiện Kế hoạch./.",
            ]
        ),
    ]
    return AdministrativeDocument(
        issuer=ward_committee(WARD),
        kind=DocumentKind.KE_HOACH,
        number=74,
        symbol="KH-UBND",
        place="Phú Cường",
        date=dt.date(2026, 9, 24),
        summary="Chỉnh trang đô thị và lập lại trật tự lòng đường, vỉa hè trên địa bàn phường "
        "năm 2027",
        body=tuple(body),
        signatures=(SignatureBlock("Phó Chủ tịch", WARD_VICE.name, authority="KT. Chủ tịch"),),
        recipients=(
            "UBND thành phố",
            "Phòng Quản lý đô thị thành phố",
            "Thường trực Đảng ủy phường",
            "Công an phường",
            "Các khu phố",
            "Lưu: VT",
        ),
    )
