"""Agenda documents of the joint Party Committee / People's Committee meeting on digital
transformation: the Party's draft resolution, the city's plan, the office's report."""

from __future__ import annotations

import datetime as dt

from server.pdfgen.demo_helpers import STT, col, h1, h2, h3, ncol, p, table
from server.pdfgen.demo_people import (
    CITY_COMMITTEE,
    CITY_OFFICE,
    CITY_OFFICE_CHIEF,
    CITY_VICE_URBAN,
    PARTY_COMMITTEE,
    PARTY_SECRETARY,
    WARDS,
)
from server.pdfgen.model import (
    AdministrativeDocument,
    Block,
    BulletList,
    DocumentKind,
    HeaderVariant,
    NumberedList,
    NumberStyle,
    SignatureBlock,
    bold,
    italic,
)


def digital_resolution_draft() -> AdministrativeDocument:
    """Dự thảo Nghị quyết của Ban Chấp hành Đảng bộ thành phố (Party header, draft)."""
    targets = [
        (
            "1",
            "Dịch vụ công trực tuyến toàn trình trên tổng số thủ tục đủ điều kiện",
            "%",
            "90",
            "100",
        ),
        ("2", "Hồ sơ thủ tục hành chính được số hóa kết quả giải quyết", "%", "85", "100"),
        ("3", "Văn bản đi, đến được xử lý và ký số trên môi trường mạng", "%", "100", "100"),
        ("4", "Cuộc họp của Thành ủy, UBND thành phố và phường họp không giấy", "%", "80", "100"),
        ("5", "Người dân trưởng thành có tài khoản định danh điện tử mức độ 2", "%", "85", "95"),
        ("6", "Tỷ trọng kinh tế số trong tổng giá trị tăng thêm của thành phố", "%", "20", "30"),
        ("7", "Hộ gia đình có kết nối Internet băng rộng cáp quang", "%", "95", "100"),
        ("8", "Giao dịch thanh toán không dùng tiền mặt tại chợ, cửa hàng", "%", "70", "90"),
    ]
    body: list[Block] = [
        p(
            "Trên cơ sở thảo luận, thống nhất của Ban Chấp hành Đảng bộ thành phố tại Hội nghị "
            "lần thứ mười hai, Thành ủy Thủ Dầu Một ban hành Nghị quyết về chuyển đổi số thành "
            "phố giai đoạn 2026 - 2030, định hướng đến năm 2035 với những nội dung chủ yếu sau:"
        ),
        h1("I. TÌNH HÌNH VÀ NGUYÊN NHÂN"),
        p(
            "Sau 5 năm thực hiện chủ trương về chuyển đổi số, nhận thức của cán bộ, đảng viên và "
            "nhân dân về chuyển đổi số có chuyển biến rõ nét. Hạ tầng số được đầu tư đồng bộ; "
            "100% cơ quan, đơn vị từ thành phố đến phường sử dụng hệ thống quản lý văn bản và "
            "điều hành, chữ ký số; hệ thống phòng họp không giấy kết nối 16 điểm cầu được đưa vào "
            "sử dụng; tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến đạt 88,6%."
        ),
        p(
            "Tuy nhiên, dữ liệu còn phân tán, chưa được chia sẻ, khai thác hiệu quả; kỹ năng số "
            "của một bộ phận cán bộ và người dân còn hạn chế; nguồn lực đầu tư chưa tương xứng; "
            "an toàn, an ninh mạng còn tiềm ẩn nguy cơ. Nguyên nhân chủ yếu là công tác lãnh "
            "đạo, chỉ đạo ở một số cấp ủy chưa quyết liệt; chưa có cơ chế khuyến khích phù hợp."
        ),
        h1("II. QUAN ĐIỂM, MỤC TIÊU"),
        h2("1. Quan điểm"),
        BulletList(
            [
                "Chuyển đổi số là nhiệm vụ chính trị trọng tâm, là động lực để đổi mới phương thức "
                "lãnh đạo của Đảng, quản lý của chính quyền và phục vụ nhân dân.",
                "Người dân và doanh nghiệp là trung tâm, là chủ thể và là đối tượng phục vụ của "
                "chuyển đổi số.",
                "Dữ liệu là tài nguyên; bảo đảm an toàn, an ninh mạng là yêu cầu xuyên suốt.",
            ]
        ),
        h2("2. Mục tiêu đến năm 2030"),
        p(
            "Xây dựng thành phố Thủ Dầu Một trở thành đô thị thông minh, chính quyền số vận hành "
            "hiệu quả, kinh tế số chiếm tỷ trọng cao, xã hội số phát triển. Các chỉ tiêu cụ thể:"
        ),
        table(
            (
                STT,
                col("Chỉ tiêu", 3.6),
                col("Đơn vị", 0.8),
                ncol("Năm 2027", 0.9),
                ncol("Năm 2030", 0.9),
            ),
            targets,
            caption="Bảng 1. Chỉ tiêu chuyển đổi số giai đoạn 2026 - 2030",
        ),
        h1("III. NHIỆM VỤ, GIẢI PHÁP"),
        NumberedList(
            [
                p(
                    bold("Nâng cao nhận thức, trách nhiệm người đứng đầu. "),
                    "Cấp ủy, người đứng đầu trực tiếp lãnh đạo, chỉ đạo và chịu trách nhiệm về kết quả "
                    "chuyển đổi số tại cơ quan, đơn vị; đưa kết quả chuyển đổi số vào tiêu chí đánh "
                    "giá, xếp loại tổ chức đảng và đảng viên hằng năm.",
                ),
                p(
                    bold("Phát triển hạ tầng và nền tảng số. "),
                    "Hoàn thành Trung tâm điều hành đô thị thông minh; phủ sóng di động 5G tại khu "
                    "trung tâm và các khu công nghiệp; mở rộng hệ thống phòng họp không giấy, họp "
                    "trực tuyến đến các chi bộ khu phố.",
                ),
                p(
                    bold("Phát triển dữ liệu. "),
                    "Xây dựng kho dữ liệu dùng chung của thành phố, kết nối với cơ sở dữ liệu quốc "
                    "gia về dân cư; số hóa toàn bộ hồ sơ lưu trữ của Thành ủy và Ủy ban nhân dân "
                    "thành phố giai đoạn 2000 - 2025.",
                ),
                p(
                    bold("Phát triển kinh tế số và xã hội số. "),
                    "Hỗ trợ doanh nghiệp nhỏ và vừa, hộ kinh doanh, làng nghề sơn mài đưa sản phẩm "
                    "lên sàn thương mại điện tử; duy trì tổ công nghệ số cộng đồng tại 100% khu phố.",
                ),
                p(
                    bold("Bảo đảm an toàn, an ninh mạng. "),
                    "Phân loại hệ thống thông tin theo cấp độ; diễn tập ứng cứu sự cố hằng năm; sử "
                    "dụng chữ ký số chuyên dùng công vụ cho toàn bộ văn bản của cấp ủy và chính "
                    "quyền.",
                ),
            ]
        ),
        h1("IV. TỔ CHỨC THỰC HIỆN"),
        NumberedList(
            [
                "Ban Tuyên giáo và Dân vận Thành ủy chủ trì, phối hợp tổ chức quán triệt Nghị quyết "
                "đến cán bộ, đảng viên và nhân dân.",
                "Đảng ủy Ủy ban nhân dân thành phố lãnh đạo xây dựng kế hoạch thực hiện Nghị quyết "
                "hằng năm, bố trí nguồn lực bảo đảm thực hiện các chỉ tiêu.",
                "Ủy ban Kiểm tra Thành ủy đưa việc thực hiện Nghị quyết vào chương trình kiểm tra, "
                "giám sát hằng năm.",
                "Văn phòng Thành ủy theo dõi, tổng hợp, báo cáo Ban Thường vụ Thành ủy kết quả thực "
                "hiện; sơ kết vào năm 2028, tổng kết vào năm 2030.",
            ]
        ),
        p(italic("Nghị quyết này được phổ biến đến chi bộ./.")),
    ]
    return AdministrativeDocument(
        issuer=PARTY_COMMITTEE,
        kind=DocumentKind.NGHI_QUYET,
        number=None,
        symbol="NQ/TU",
        place="Thủ Dầu Một",
        date=dt.date(2026, 10, 6),
        summary="Về chuyển đổi số thành phố Thủ Dầu Một giai đoạn 2026 - 2030, định hướng đến "
        "năm 2035",
        body=tuple(body),
        signatures=(SignatureBlock("Bí thư", PARTY_SECRETARY.name, authority="T/M Thành ủy"),),
        recipients=(
            "Ban Thường vụ Tỉnh ủy",
            "Văn phòng Tỉnh ủy",
            "Các đồng chí Thành ủy viên",
            "Các chi, đảng bộ trực thuộc",
            "Lưu: Văn phòng Thành ủy",
        ),
        variant=HeaderVariant.PARTY,
        draft=True,
    )


_PLAN_TASKS: tuple[tuple[str, str, str, str], ...] = (
    (
        "Vận hành Trung tâm điều hành đô thị thông minh giai đoạn 2",
        "Phòng Văn hóa, Khoa học và Thông tin",
        "Công an thành phố, các phường",
        "Quý II/2027",
    ),
    (
        "Kết nối hệ thống một cửa điện tử với cơ sở dữ liệu quốc gia về dân cư",
        "Văn phòng HĐND và UBND",
        "Công an thành phố",
        "Quý I/2027",
    ),
    (
        "Số hóa hồ sơ lưu trữ của UBND thành phố giai đoạn 2000 - 2025",
        "Phòng Nội vụ",
        "Văn phòng HĐND và UBND",
        "Quý IV/2027",
    ),
    (
        "Mở rộng phòng họp không giấy đến 100% cuộc họp của UBND các phường",
        "Văn phòng HĐND và UBND",
        "UBND 14 phường",
        "Quý I/2027",
    ),
    (
        "Cấp chữ ký số chuyên dùng cho 100% cán bộ, công chức",
        "Phòng Nội vụ",
        "Các phòng, ban; UBND các phường",
        "Quý II/2027",
    ),
    (
        "Xây dựng kho dữ liệu dùng chung và cổng dữ liệu mở của thành phố",
        "Phòng Văn hóa, Khoa học và Thông tin",
        "Các phòng, ban",
        "Quý III/2027",
    ),
    (
        "Đào tạo kỹ năng số cho tổ công nghệ số cộng đồng tại các khu phố",
        "Phòng Văn hóa, Khoa học và Thông tin",
        "Đoàn Thanh niên, UBND các phường",
        "Cả năm",
    ),
    (
        "Hỗ trợ 300 hộ kinh doanh, cơ sở làng nghề bán hàng trên sàn thương mại điện tử",
        "Phòng Kinh tế",
        "Hội Liên hiệp Phụ nữ, UBND các phường",
        "Cả năm",
    ),
    (
        "Diễn tập ứng cứu sự cố an toàn thông tin mạng",
        "Phòng Văn hóa, Khoa học và Thông tin",
        "Công an thành phố",
        "Quý III/2027",
    ),
    (
        "Lắp đặt camera giám sát an ninh trật tự tại các nút giao thông chính",
        "Công an thành phố",
        "Phòng Quản lý đô thị, UBND các phường",
        "Quý IV/2027",
    ),
)


def digital_plan() -> AdministrativeDocument:
    """Kế hoạch chuyển đổi số thành phố Thủ Dầu Một năm 2027 (about 5 pages)."""
    ward_rows = [
        (
            str(i),
            w,
            "Hoàn thành" if i % 3 else "Đang triển khai",
            f"{2 + i % 4}",
            "Có" if i % 5 else "Đang lắp đặt",
        )
        for i, w in enumerate(WARDS, 1)
    ]
    budget_rows = [
        ("1", "Hạ tầng, thiết bị và đường truyền", "9.800"),
        ("2", "Nền tảng, phần mềm và dữ liệu", "12.400"),
        ("3", "Số hóa hồ sơ lưu trữ", "6.200"),
        ("4", "Đào tạo, tuyên truyền kỹ năng số", "1.850"),
        ("5", "Bảo đảm an toàn, an ninh mạng", "2.600"),
        ("", "Tổng cộng", "32.850"),
    ]
    body: list[Block] = [
        p(
            italic(
                "Thực hiện Nghị quyết của Thành ủy về chuyển đổi số thành phố giai đoạn 2026 "
                "- 2030, định hướng đến năm 2035,"
            )
        ),
        p("Ủy ban nhân dân thành phố ban hành Kế hoạch chuyển đổi số năm 2027 như sau:"),
        h1("I. MỤC ĐÍCH, YÊU CẦU"),
        BulletList(
            [
                "Cụ thể hóa các nhiệm vụ của Nghị quyết thành các việc có người chịu trách nhiệm, "
                "có thời hạn và có sản phẩm đầu ra đo đếm được.",
                "Lấy người dân, doanh nghiệp làm trung tâm; mọi hệ thống mới phải giảm thời gian, "
                "chi phí thực hiện thủ tục hành chính.",
                "Bảo đảm an toàn thông tin; dữ liệu được thu thập một lần và dùng chung.",
            ]
        ),
        h1("II. CHỈ TIÊU NĂM 2027"),
        NumberedList(
            [
                "100% văn bản đi, đến được xử lý trên môi trường mạng, ký số bằng chữ ký số chuyên "
                "dùng công vụ (trừ văn bản mật).",
                "100% cuộc họp của Ủy ban nhân dân thành phố và 80% cuộc họp của Ủy ban nhân dân "
                "các phường sử dụng phòng họp không giấy.",
                "90% thủ tục hành chính đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn "
                "trình; 85% kết quả giải quyết được số hóa.",
                "85% người dân trưởng thành có tài khoản định danh điện tử mức độ 2.",
                "Tỷ trọng kinh tế số đạt 20% tổng giá trị tăng thêm của thành phố.",
            ]
        ),
        h1("III. NHIỆM VỤ CỤ THỂ"),
        p(
            "Các nhiệm vụ, đơn vị chủ trì, đơn vị phối hợp và thời gian hoàn thành được phân "
            "công như sau:"
        ),
        table(
            (
                STT,
                col("Nhiệm vụ", 3.2),
                col("Đơn vị chủ trì", 1.7),
                col("Đơn vị phối hợp", 1.7),
                col("Thời gian hoàn thành", 1.1),
            ),
            [(str(i), *task) for i, task in enumerate(_PLAN_TASKS, 1)],
            caption="Bảng 1. Phân công nhiệm vụ chuyển đổi số năm 2027",
        ),
        h1("IV. TÌNH HÌNH SẴN SÀNG TẠI CÁC PHƯỜNG"),
        p(
            "Kết quả khảo sát mức độ sẵn sàng của Ủy ban nhân dân các phường đến ngày 30 tháng 9 "
            "năm 2026 như sau:"
        ),
        table(
            (
                STT,
                col("Phường", 1.8),
                col("Hạ tầng phòng họp trực tuyến", 1.6),
                ncol("Số cán bộ chuyên trách công nghệ thông tin", 1.5),
                col("Truyền thanh thông minh", 1.3),
            ),
            ward_rows,
            caption="Bảng 2. Mức độ sẵn sàng chuyển đổi số của các phường",
        ),
        h1("V. KINH PHÍ THỰC HIỆN"),
        p(
            "Tổng kinh phí dự kiến năm 2027 là 32.850 triệu đồng từ nguồn ngân sách thành phố, "
            "lồng ghép với nguồn vốn đầu tư công và nguồn xã hội hóa, cụ thể:"
        ),
        table(
            (STT, col("Nội dung", 3.6), ncol("Kinh phí", 1.4)),
            budget_rows,
            unit="Đơn vị tính: triệu đồng",
            total_rows=1,
        ),
        h1("VI. TỔ CHỨC THỰC HIỆN"),
        h3("a) Phòng Văn hóa, Khoa học và Thông tin"),
        p(
            "Là cơ quan thường trực, theo dõi, đôn đốc, tổng hợp kết quả thực hiện Kế hoạch; "
            "định kỳ hằng quý báo cáo Ủy ban nhân dân thành phố; tham mưu sơ kết 6 tháng và tổng "
            "kết năm."
        ),
        h3("b) Văn phòng HĐND và UBND thành phố"),
        p(
            "Vận hành hệ thống phòng họp không giấy, hệ thống quản lý văn bản và điều hành; hướng "
            "dẫn các phường sử dụng chữ ký số khi ký biên bản và thông báo kết luận cuộc họp."
        ),
        h3("c) Ủy ban nhân dân các phường"),
        p(
            "Xây dựng kế hoạch của phường, bố trí cán bộ phụ trách, duy trì hoạt động của tổ "
            "công nghệ số cộng đồng và báo cáo kết quả trước ngày 20 của tháng cuối quý."
        ),
        p(
            "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các đơn vị kịp thời báo cáo "
            "Ủy ban nhân dân thành phố (qua Phòng Văn hóa, Khoa học và Thông tin) để xem xét, "
            "giải quyết./."
        ),
    ]
    return AdministrativeDocument(
        issuer=CITY_COMMITTEE,
        kind=DocumentKind.KE_HOACH,
        number=318,
        symbol="KH-UBND",
        place="Thủ Dầu Một",
        date=dt.date(2026, 10, 2),
        summary="Chuyển đổi số thành phố Thủ Dầu Một năm 2027",
        body=tuple(body),
        signatures=(
            SignatureBlock("Phó Chủ tịch", CITY_VICE_URBAN.name, authority="KT. Chủ tịch"),
        ),
        recipients=(
            "Thường trực Thành ủy",
            "Chủ tịch, các Phó Chủ tịch UBND thành phố",
            "Các phòng, ban chuyên môn",
            "UBND 14 phường",
            "Lưu: VT, VHKHTT",
        ),
    )


def _signing_rows() -> list[tuple[str, ...]]:
    units = ("UBND thành phố", *(f"UBND phường {w}" for w in WARDS))
    rows: list[tuple[str, ...]] = []
    totals = [0, 0, 0]
    for i, unit in enumerate(units, 1):
        meetings = 20 if i == 1 else 2 + (i * 7) % 6
        minutes = meetings - (1 if i % 4 == 0 else 0)
        notices = minutes - (1 if i % 5 == 0 else 0)
        for k, v in enumerate((meetings, minutes, notices)):
            totals[k] += v
        rows.append((str(i), unit, str(meetings), str(minutes), str(notices)))
    rows.append(("", "Tổng cộng", *(str(t) for t in totals)))
    return rows


def paperless_report() -> AdministrativeDocument:
    """Báo cáo của Văn phòng về phòng họp không giấy và chữ ký số (about 3 pages)."""
    usage = [
        ("Tháng 1", "9", "214", "18.420"),
        ("Tháng 2", "7", "168", "12.960"),
        ("Tháng 3", "14", "402", "31.850"),
        ("Tháng 4", "13", "377", "29.400"),
        ("Tháng 5", "15", "436", "34.120"),
        ("Tháng 6", "16", "451", "36.980"),
        ("Tháng 7", "17", "498", "38.640"),
        ("Tháng 8", "15", "442", "35.210"),
        ("Tháng 9", "18", "516", "41.770"),
    ]
    usage.append(("Cộng", "124", "3.504", "279.350"))
    body: list[Block] = [
        p(
            "Thực hiện chỉ đạo của Thường trực Thành ủy và Chủ tịch Ủy ban nhân dân thành phố, "
            "Văn phòng HĐND và UBND thành phố báo cáo kết quả triển khai hệ thống phòng họp không "
            "giấy, họp trực tuyến và ký số biên bản, kết luận cuộc họp 9 tháng đầu năm 2026 như "
            "sau:"
        ),
        h1("I. KẾT QUẢ TRIỂN KHAI"),
        h2("1. Hạ tầng và người dùng"),
        p(
            "Hệ thống được lắp đặt tại hội trường Thành ủy, phòng họp Ủy ban nhân dân thành phố "
            "và 14 điểm cầu phường. Có 486 tài khoản người dùng, gồm 42 lãnh đạo Thành ủy và Ủy "
            "ban nhân dân thành phố, 96 lãnh đạo các phòng, ban, 294 lãnh đạo, công chức phường "
            "và 54 tài khoản điểm cầu, văn thư, quản trị."
        ),
        h2("2. Sử dụng trong các cuộc họp"),
        p(
            "Trong 9 tháng, hệ thống phục vụ 124 cuộc họp, trong đó 38 cuộc họp có kết nối trực "
            "tuyến với các phường. Tài liệu họp được gửi trước bình quân 3,2 ngày; tỷ lệ đại "
            "biểu đọc tài liệu trước cuộc họp đạt 87%."
        ),
        table(
            (
                col("Tháng", 1.2),
                ncol("Số cuộc họp", 1.1),
                ncol("Số tài liệu", 1.1),
                ncol("Số trang giấy tiết kiệm", 1.6),
            ),
            usage,
            caption="Bảng 1. Sử dụng phòng họp không giấy năm 2026",
            total_rows=1,
        ),
        h2("3. Ký số biên bản và thông báo kết luận"),
        p(
            "Từ tháng 6 năm 2026, biên bản và thông báo kết luận cuộc họp được lập trên hệ thống, "
            "ký số bởi người chủ trì và văn thư đóng dấu số của cơ quan. Đã ký số 61 biên bản và "
            "58 thông báo kết luận; thời gian từ khi kết thúc cuộc họp đến khi ban hành thông báo "
            "kết luận giảm từ 6,5 ngày xuống còn 1,8 ngày."
        ),
        p("Số biên bản và thông báo kết luận đã được ký số tại các đơn vị như sau:"),
        table(
            (
                STT,
                col("Đơn vị", 2.4),
                ncol("Cuộc họp trên hệ thống", 1.3),
                ncol("Biên bản ký số", 1.1),
                ncol("Thông báo kết luận ký số", 1.4),
            ),
            _signing_rows(),
            caption="Bảng 2. Ký số biên bản và thông báo kết luận theo đơn vị",
            total_rows=1,
        ),
        h2("4. Bảo đảm an toàn thông tin"),
        p(
            "Hệ thống được triển khai trên máy chủ đặt tại Trung tâm dữ liệu của thành phố, kết "
            "nối được mã hóa; tài liệu lưu trên máy tính của đại biểu được mã hóa và tự động xóa "
            "khi hết thời hạn sử dụng. Chữ ký số của lãnh đạo được lưu trên thiết bị USB ký số "
            "do Ban Cơ yếu Chính phủ cấp; mỗi lần ký đều kiểm tra hiệu lực chứng thư số và gắn "
            "dấu thời gian. Trong 9 tháng không xảy ra sự cố mất an toàn thông tin."
        ),
        p(
            "Văn phòng đã phối hợp kiểm tra định kỳ hằng quý, rà soát 486 tài khoản, thu hồi 23 "
            "tài khoản của cán bộ nghỉ hưu, chuyển công tác và cập nhật lại phân quyền cho 41 "
            "tài khoản sau khi kiện toàn nhân sự lãnh đạo các phường."
        ),
        h1("II. TỒN TẠI, HẠN CHẾ"),
        BulletList(
            [
                "Đường truyền tại 3 điểm cầu phường chưa ổn định, hình ảnh có lúc bị gián đoạn.",
                "Một số đại biểu chưa thành thạo thao tác ghi chú, biểu quyết trên máy tính.",
                "Chưa kết nối hệ thống với phần mềm quản lý văn bản để phát hành văn bản tự động.",
            ]
        ),
        h1("III. ĐỀ XUẤT"),
        NumberedList(
            [
                "Nâng cấp đường truyền cho các điểm cầu phường Tân An, Chánh Mỹ và Hòa Phú.",
                "Tổ chức 2 lớp hướng dẫn sử dụng cho đại biểu và thư ký các phường trong quý IV.",
                "Kết nối hệ thống với phần mềm quản lý văn bản và điều hành trong năm 2027.",
            ],
            style=NumberStyle.ARABIC_PAREN,
        ),
        p("Văn phòng HĐND và UBND thành phố kính báo cáo./."),
    ]
    return AdministrativeDocument(
        issuer=CITY_OFFICE,
        kind=DocumentKind.BAO_CAO,
        number=57,
        symbol="BC-VP",
        place="Thủ Dầu Một",
        date=dt.date(2026, 10, 1),
        summary="Kết quả triển khai phòng họp không giấy và ký số biên bản, kết luận cuộc họp "
        "9 tháng đầu năm 2026",
        body=tuple(body),
        signatures=(SignatureBlock("Chánh Văn phòng", CITY_OFFICE_CHIEF.name),),
        recipients=(
            "Thường trực Thành ủy",
            "Chủ tịch, các Phó Chủ tịch UBND thành phố",
            "Lưu: VT",
        ),
    )
