"""The demo city's long report: socio-economic results of the first nine months of 2026.

Figures are invented but consistent: the per-ward tables here and the per-ward paragraphs
(server/pdfgen/demo_wards.py) use the same numbers, drawn from a seeded generator so every
run prints the same document.
"""

from __future__ import annotations

import datetime as dt

from server.pdfgen.demo_helpers import STT, col, h1, h2, h3, ncol, num, p, pct, table
from server.pdfgen.demo_people import CITY_CHAIR, CITY_COMMITTEE
from server.pdfgen.demo_wards import WardFigures, ward_figures, wards_section
from server.pdfgen.model import (
    AdministrativeDocument,
    Block,
    BulletList,
    DocumentKind,
    NumberedList,
    SignatureBlock,
    bold,
)


def _indicators() -> list[Block]:
    rows = [
        (
            "1",
            "Giá trị sản xuất công nghiệp (giá so sánh 2010)",
            "tỷ đồng",
            "98.500",
            "72.816,4",
            "73,9",
            "108,6",
        ),
        (
            "2",
            "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng",
            "tỷ đồng",
            "142.000",
            "106.214,7",
            "74,8",
            "112,3",
        ),
        ("3", "Kim ngạch xuất khẩu", "triệu USD", "3.850", "2.894,2", "75,2", "109,4"),
        ("4", "Kim ngạch nhập khẩu", "triệu USD", "2.600", "1.911,5", "73,5", "106,8"),
        (
            "5",
            "Thu ngân sách nhà nước trên địa bàn",
            "tỷ đồng",
            "5.380",
            "4.215,6",
            "78,4",
            "107,9",
        ),
        ("6", "Chi ngân sách địa phương", "tỷ đồng", "3.120", "2.106,8", "67,5", "104,2"),
        ("7", "Giải ngân vốn đầu tư công", "tỷ đồng", "1.460", "905,3", "62,0", "98,7"),
        ("8", "Doanh nghiệp thành lập mới", "doanh nghiệp", "1.900", "1.486", "78,2", "111,5"),
        (
            "9",
            "Lao động được giải quyết việc làm",
            "lượt người",
            "16.000",
            "12.834",
            "80,2",
            "103,6",
        ),
        ("10", "Tỷ lệ hộ nghèo theo chuẩn nghèo của tỉnh", "%", "dưới 0,5", "0,31", "đạt", "-"),
        ("11", "Tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến", "%", "85", "88,6", "vượt", "-"),
        ("12", "Tỷ lệ dân số tham gia bảo hiểm y tế", "%", "95", "94,2", "99,2", "101,1"),
        ("13", "Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý", "%", "100", "100", "đạt", "-"),
    ]
    return [
        h1("I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU"),
        p(
            "Năm 2026, Hội đồng nhân dân thành phố giao 24 chỉ tiêu kinh tế - xã hội chủ yếu. "
            "Ước đến hết tháng 9 năm 2026 có 9 chỉ tiêu đã đạt và vượt kế hoạch năm, 12 chỉ tiêu "
            "dự kiến đạt kế hoạch vào cuối năm, 3 chỉ tiêu khó đạt gồm giải ngân vốn đầu tư "
            "công, tỷ lệ dân số tham gia bảo hiểm y tế và số trường đạt chuẩn quốc gia. Kết quả "
            "một số chỉ tiêu chủ yếu như sau:"
        ),
        table(
            (
                STT,
                col("Chỉ tiêu", 3.0),
                col("Đơn vị tính", 1.1),
                ncol("Kế hoạch năm 2026", 1.15),
                ncol("Ước thực hiện 9 tháng", 1.2),
                ncol("So với kế hoạch (%)", 1.0),
                ncol("So với cùng kỳ (%)", 1.0),
            ),
            rows,
            caption="Bảng 1. Một số chỉ tiêu kinh tế - xã hội chủ yếu 9 tháng đầu năm 2026",
        ),
    ]


def _economy(wards: tuple[WardFigures, ...]) -> list[Block]:
    plan = sum(w.budget_plan for w in wards)
    done = sum(w.budget_done for w in wards)
    budget_rows = [
        (
            str(i),
            w.ward,
            num(w.budget_plan),
            num(w.budget_done),
            pct(w.budget_done / w.budget_plan * 100, 1).rstrip("%"),
            pct(w.budget_vs_last_year, 1).rstrip("%"),
        )
        for i, w in enumerate(wards, 1)
    ]
    budget_rows.append(
        ("", "Tổng cộng", num(plan), num(done), pct(done / plan * 100).rstrip("%"), "")
    )
    projects = [
        ("1", "Đường ven sông Sài Gòn đoạn từ cầu Bà Lụa đến rạch Bà Cô", "412,0", "268,5", "65,2"),
        ("2", "Trường Trung học cơ sở Phú Tân (giai đoạn 2)", "96,4", "81,2", "84,2"),
        ("3", "Nâng cấp, mở rộng đường liên phường Hiệp An - Định Hòa", "158,7", "74,9", "47,2"),
        ("4", "Hệ thống thoát nước khu vực Phú Thọ - Phú Hòa", "121,3", "90,6", "74,7"),
        ("5", "Trung tâm điều hành đô thị thông minh thành phố", "64,5", "38,1", "59,1"),
        ("6", "Trạm y tế phường Phú Mỹ và phường Hòa Phú", "42,8", "40,2", "93,9"),
        ("7", "Chỉnh trang vỉa hè, chiếu sáng các tuyến đường trung tâm", "88,0", "52,4", "59,5"),
        ("8", "Công viên cây xanh phường Chánh Mỹ", "36,2", "11,3", "31,2"),
    ]
    return [
        h1("II. TÌNH HÌNH THỰC HIỆN CÁC LĨNH VỰC"),
        h2("1. Lĩnh vực kinh tế"),
        h3("a) Sản xuất công nghiệp"),
        p(
            "Hoạt động sản xuất công nghiệp tiếp tục phục hồi, nhất là các ngành chế biến gỗ, "
            "điện tử, cơ khí chính xác và chế biến thực phẩm. Giá trị sản xuất công nghiệp 9 "
            "tháng ước đạt 72.816,4 tỷ đồng, tăng 8,6% so với cùng kỳ; trong đó khu vực có vốn "
            "đầu tư nước ngoài chiếm 61,4%, khu vực kinh tế ngoài nhà nước chiếm 38,6%. Chỉ số "
            "sử dụng lao động trong các doanh nghiệp công nghiệp tăng 3,1% so với cuối năm 2025."
        ),
        p(
            "Đơn hàng xuất khẩu quý III của các doanh nghiệp chế biến gỗ tăng khá nhờ thị trường "
            "Hoa Kỳ và châu Âu phục hồi; tuy nhiên chi phí vận chuyển và nguyên liệu đầu vào còn "
            "ở mức cao, một số doanh nghiệp dệt may thu hẹp sản xuất, cắt giảm giờ làm của khoảng "
            "1.150 lao động. Thành phố đã tổ chức 2 hội nghị đối thoại với doanh nghiệp, tiếp "
            "nhận và giải quyết 37/41 kiến nghị về thủ tục đất đai, xây dựng và phòng cháy, chữa "
            "cháy; 4 kiến nghị còn lại thuộc thẩm quyền của tỉnh đã được chuyển đến sở, ngành."
        ),
        h3("b) Thương mại, dịch vụ"),
        p(
            "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng ước đạt 106.214,7 tỷ đồng, "
            "tăng 12,3% so với cùng kỳ. Hệ thống chợ truyền thống, siêu thị và trung tâm thương "
            "mại hoạt động ổn định, hàng hóa phong phú, giá cả cơ bản không biến động lớn. Thành "
            "phố phối hợp tổ chức 3 đợt khuyến mại tập trung và 1 hội chợ hàng Việt với 210 gian "
            "hàng, doanh thu đạt trên 18 tỷ đồng."
        ),
        p(
            "Kim ngạch xuất khẩu ước đạt 2.894,2 triệu USD, tăng 9,4%; kim ngạch nhập khẩu ước "
            "đạt 1.911,5 triệu USD, tăng 6,8% so với cùng kỳ. Hoạt động du lịch có bước phát "
            "triển, lượng khách đến tham quan các điểm du lịch ven sông và làng nghề sơn mài ước "
            "đạt 486.000 lượt, tăng 15,2%; doanh thu du lịch ước đạt 612 tỷ đồng. Thanh toán "
            "không dùng tiền mặt được mở rộng tại 100% chợ truyền thống với 2.380 tiểu thương "
            "sử dụng mã QR."
        ),
        h3("c) Nông nghiệp đô thị"),
        p(
            "Diện tích cây ăn trái đặc sản được duy trì 412 ha, tập trung tại các phường Tân An, "
            "Chánh Mỹ và Hiệp An; 9 sản phẩm được công nhận OCOP từ 3 sao trở lên. Công tác "
            "phòng, chống dịch bệnh trên đàn vật nuôi được thực hiện tốt, không để xảy ra dịch "
            "lớn. Thành phố tiếp tục hỗ trợ chuyển đổi sang mô hình nông nghiệp kết hợp du lịch "
            "sinh thái, trải nghiệm gắn với bảo tồn cảnh quan ven sông."
        ),
        h3("d) Thu, chi ngân sách nhà nước"),
        p(
            "Tổng thu ngân sách nhà nước trên địa bàn ước đạt 4.215,6 tỷ đồng, bằng 78,4% dự "
            "toán và tăng 7,9% so với cùng kỳ; trong đó thu nội địa 3.986,2 tỷ đồng, thu tiền sử "
            "dụng đất 229,4 tỷ đồng. Các khoản thu từ khu vực công thương nghiệp ngoài quốc "
            "doanh và thuế thu nhập cá nhân đạt khá; thu tiền sử dụng đất mới đạt 51,0% dự toán "
            "do thị trường bất động sản chưa sôi động. Kết quả thu ngân sách tại các phường như "
            "sau:"
        ),
        table(
            (
                STT,
                col("Phường", 2.0),
                ncol("Dự toán năm 2026", 1.3),
                ncol("Ước thực hiện 9 tháng", 1.3),
                ncol("So với dự toán (%)", 1.1),
                ncol("So với cùng kỳ (%)", 1.1),
            ),
            budget_rows,
            caption="Bảng 2. Thu ngân sách nhà nước do phường quản lý thu",
            unit="Đơn vị tính: tỷ đồng",
            total_rows=1,
        ),
        p(
            "Tổng chi ngân sách địa phương ước đạt 2.106,8 tỷ đồng, bằng 67,5% dự toán; chi "
            "thường xuyên bảo đảm kịp thời cho hoạt động của các cơ quan, đơn vị và các chính "
            "sách an sinh xã hội. Thành phố đã thực hiện tiết kiệm 10% chi thường xuyên tăng "
            "thêm theo chỉ đạo của tỉnh, dành 42,6 tỷ đồng cho cải cách tiền lương."
        ),
        h3("đ) Đầu tư công"),
        p(
            "Kế hoạch vốn đầu tư công năm 2026 là 1.460 tỷ đồng; ước giải ngân đến ngày 30 tháng "
            "9 năm 2026 đạt 905,3 tỷ đồng, bằng 62,0% kế hoạch, thấp hơn mức bình quân của tỉnh "
            "(65,4%). Nguyên nhân chủ yếu là vướng mắc trong giải phóng mặt bằng tại 3 dự án "
            "giao thông và việc điều chỉnh đơn giá vật liệu xây dựng. Tiến độ một số dự án trọng "
            "điểm như sau:"
        ),
        table(
            (
                STT,
                col("Dự án", 3.6),
                ncol("Kế hoạch vốn 2026", 1.2),
                ncol("Ước giải ngân", 1.1),
                ncol("Tỷ lệ (%)", 0.9),
            ),
            projects,
            caption="Bảng 3. Giải ngân vốn các dự án trọng điểm",
            unit="Đơn vị tính: tỷ đồng",
        ),
        p(
            "Ủy ban nhân dân thành phố đã thành lập 4 tổ công tác đặc biệt, phân công từng đồng "
            "chí lãnh đạo phụ trách dự án; yêu cầu chủ đầu tư lập kế hoạch giải ngân theo tuần, "
            "điều chuyển vốn từ các dự án chậm tiến độ sang dự án có khối lượng hoàn thành, phấn "
            "đấu giải ngân đạt 95% kế hoạch vốn trước ngày 31 tháng 01 năm 2027."
        ),
        h3("e) Phát triển doanh nghiệp"),
        p(
            "Có 1.486 doanh nghiệp thành lập mới với tổng vốn đăng ký 9.842 tỷ đồng, tăng 11,5% "
            "về số lượng; 412 doanh nghiệp quay trở lại hoạt động. Tổng số doanh nghiệp đang hoạt "
            "động trên địa bàn là 14.930 doanh nghiệp. Thành phố tổ chức chương trình cà phê "
            "doanh nhân hằng tháng, kịp thời tháo gỡ khó khăn cho doanh nghiệp nhỏ và vừa."
        ),
    ]


def _society_and_admin(wards: tuple[WardFigures, ...]) -> list[Block]:
    admin_rows = [
        (
            str(i),
            w.ward,
            num(w.procedures, 0),
            pct(w.online_share).rstrip("%"),
            pct(w.on_time).rstrip("%"),
        )
        for i, w in enumerate(wards, 1)
    ]
    total = sum(w.procedures for w in wards)
    online = sum(w.procedures * w.online_share for w in wards) / total
    on_time = sum(w.procedures * w.on_time for w in wards) / total
    admin_rows.append(
        ("", "Tổng cộng", num(total, 0), pct(online).rstrip("%"), pct(on_time).rstrip("%"))
    )
    return [
        h2("2. Quản lý đô thị, tài nguyên và môi trường"),
        p(
            "Công tác quản lý quy hoạch, trật tự xây dựng được tăng cường. Thành phố cấp 2.164 "
            "giấy phép xây dựng, trong đó 96,8% được cấp trực tuyến; kiểm tra 1.412 công trình, "
            "phát hiện và xử lý 57 trường hợp vi phạm, buộc tháo dỡ 19 công trình. Đồ án điều "
            "chỉnh quy hoạch chung thành phố đến năm 2045 đã được lấy ý kiến cộng đồng dân cư "
            "tại 14 phường với 1.936 lượt góp ý."
        ),
        p(
            "Chương trình chỉnh trang đô thị tiếp tục được thực hiện: hoàn thành lát đá vỉa hè "
            "7,4 km, lắp đặt 1.260 bộ đèn chiếu sáng tiết kiệm năng lượng, trồng mới 3.400 cây "
            "xanh đường phố. Tình trạng ngập cục bộ giảm từ 14 điểm xuống còn 6 điểm so với năm "
            "2025. Công tác thu gom, xử lý chất thải rắn sinh hoạt đạt 100%; 9/14 phường đã "
            "triển khai phân loại rác tại nguồn."
        ),
        p(
            "Về đất đai, thành phố cấp 3.218 giấy chứng nhận quyền sử dụng đất lần đầu và biến "
            "động; giải quyết 112/128 đơn khiếu nại, tranh chấp về đất đai, đạt 87,5%. Công tác "
            "bồi thường, hỗ trợ, tái định cư tại các dự án trọng điểm được tập trung chỉ đạo, "
            "đã chi trả 386,5 tỷ đồng cho 642 hộ dân."
        ),
        h2("3. Văn hóa - xã hội"),
        h3("a) Giáo dục và đào tạo"),
        p(
            "Năm học 2025 - 2026 kết thúc thắng lợi; tỷ lệ học sinh tốt nghiệp trung học phổ "
            "thông đạt 99,6%. Năm học 2026 - 2027 có 86.420 học sinh ở các cấp học, tăng 4,1% so "
            "với năm học trước. Thành phố đưa vào sử dụng 96 phòng học mới, đáp ứng nhu cầu học "
            "2 buổi mỗi ngày cho 92,3% học sinh tiểu học. Có 58/74 trường công lập đạt chuẩn "
            "quốc gia, đạt 78,4%."
        ),
        h3("b) Y tế"),
        p(
            "Công tác khám, chữa bệnh và chăm sóc sức khỏe nhân dân được bảo đảm; các cơ sở y tế "
            "thực hiện 1.248.600 lượt khám. Tình hình sốt xuất huyết được kiểm soát với 412 ca "
            "mắc, giảm 36,2% so với cùng kỳ, không có ca tử vong. Tỷ lệ dân số tham gia bảo hiểm "
            "y tế đạt 94,2%; 100% trạm y tế phường triển khai hồ sơ sức khỏe điện tử."
        ),
        h3("c) Lao động, việc làm và an sinh xã hội"),
        p(
            "Giải quyết việc làm cho 12.834 lượt người, tổ chức 18 phiên giao dịch việc làm. Chi "
            "trả trợ cấp thường xuyên cho 6.412 đối tượng bảo trợ xã hội với tổng kinh phí 48,7 tỷ "
            "đồng. Thành phố vận động Quỹ Vì người nghèo được 8,6 tỷ đồng, xây dựng và sửa chữa "
            "32 căn nhà đại đoàn kết; đến nay tỷ lệ hộ nghèo theo chuẩn của tỉnh còn 0,31%."
        ),
        table(
            (
                STT,
                col("Phường", 2.0),
                ncol("Hộ nghèo còn lại (hộ)", 1.2),
                ncol("Tham gia BHYT (%)", 1.2),
                ncol("Giải quyết việc làm (lượt người)", 1.5),
            ),
            [
                (str(i), w.ward, str(w.poor_households), pct(w.insured).rstrip("%"), num(w.jobs, 0))
                for i, w in enumerate(wards, 1)
            ],
            caption="Bảng 5. Một số chỉ tiêu an sinh xã hội tại các phường",
        ),
        h3("d) Văn hóa, thể thao và thông tin"),
        p(
            "Tổ chức thành công các hoạt động kỷ niệm các ngày lễ lớn, Lễ hội làng nghề sơn mài "
            "và Giải việt dã thành phố với 2.600 vận động viên tham gia. Hệ thống truyền thanh "
            "thông minh được lắp đặt tại 100% khu phố, kịp thời thông tin chủ trương, chính sách "
            "đến người dân."
        ),
        h2("4. Cải cách hành chính và chuyển đổi số"),
        p(
            "Công tác cải cách hành chính được đẩy mạnh, trọng tâm là cải cách thủ tục hành chính "
            "và xây dựng chính quyền số. Thành phố và các phường tiếp nhận "
            f"{num(total, 0)} hồ sơ thủ tục hành chính; tỷ lệ hồ sơ nộp trực tuyến đạt "
            f"{pct(online)}, giải quyết đúng hạn đạt {pct(on_time)}. Kết quả tại các phường:"
        ),
        table(
            (
                STT,
                col("Phường", 2.0),
                ncol("Hồ sơ tiếp nhận", 1.2),
                ncol("Nộp trực tuyến (%)", 1.2),
                ncol("Giải quyết đúng hạn (%)", 1.3),
            ),
            admin_rows,
            caption="Bảng 4. Giải quyết thủ tục hành chính tại bộ phận một cửa các phường",
            total_rows=1,
        ),
        p(
            "Hệ thống phòng họp không giấy và họp trực tuyến kết nối 16 điểm cầu đã được sử "
            "dụng cho 124 cuộc họp, tiết kiệm khoảng 1,8 triệu trang tài liệu giấy. 100% văn "
            "bản đi của thành phố và các phường được ký số; 94% cán bộ, công chức có chữ ký số "
            "cá nhân. Trung tâm điều hành đô thị thông minh đang hoàn thiện để đưa vào vận hành "
            "trong quý IV năm 2026."
        ),
        h2("5. Quốc phòng, an ninh và trật tự an toàn xã hội"),
        p(
            "Tình hình an ninh chính trị ổn định; trật tự an toàn xã hội được giữ vững. Tội "
            "phạm về trật tự xã hội giảm 8,4% so với cùng kỳ, tỷ lệ điều tra khám phá đạt 91,2%. "
            "Tai nạn giao thông giảm trên cả 3 tiêu chí. Công tác tuyển chọn và gọi công dân nhập "
            "ngũ năm 2026 đạt 100% chỉ tiêu; lực lượng dân quân tự vệ được huấn luyện theo kế "
            "hoạch. Công tác tiếp công dân, giải quyết khiếu nại, tố cáo được thực hiện nghiêm; "
            "đã giải quyết 96/104 đơn thuộc thẩm quyền, đạt 92,3%."
        ),
    ]


def _assessment_and_tasks() -> list[Block]:
    return [
        h1("III. ĐÁNH GIÁ CHUNG"),
        h2("1. Kết quả đạt được"),
        p(
            "Trong 9 tháng đầu năm 2026, dưới sự lãnh đạo của Thành ủy, sự giám sát của Hội "
            "đồng nhân dân thành phố, Ủy ban nhân dân thành phố đã tập trung chỉ đạo, điều hành "
            "quyết liệt, linh hoạt; kinh tế tiếp tục tăng trưởng, thu ngân sách đạt khá, an sinh "
            "xã hội được bảo đảm, cải cách hành chính và chuyển đổi số có nhiều chuyển biến tích "
            "cực; quốc phòng, an ninh được giữ vững."
        ),
        h2("2. Hạn chế, khó khăn"),
        BulletList(
            [
                "Giải ngân vốn đầu tư công đạt thấp (62,0%), một số dự án trọng điểm còn vướng mặt "
                "bằng, chậm so với tiến độ được duyệt.",
                "Thu tiền sử dụng đất mới đạt 51,0% dự toán; nguồn thu chưa thật sự bền vững.",
                "Tình trạng xây dựng không phép, lấn chiếm lòng đường, vỉa hè vẫn còn xảy ra tại "
                "một số phường; ngập cục bộ khi mưa lớn chưa được khắc phục triệt để.",
                "Tỷ lệ dân số tham gia bảo hiểm y tế chưa đạt chỉ tiêu; số trường đạt chuẩn quốc "
                "gia tăng chậm do thiếu quỹ đất mở rộng.",
                "Dữ liệu giữa các hệ thống thông tin chưa được kết nối đồng bộ, một bộ phận người "
                "dân còn chưa quen sử dụng dịch vụ công trực tuyến.",
            ]
        ),
        h2("3. Nguyên nhân"),
        p(
            "Nguyên nhân khách quan là kinh tế thế giới còn nhiều biến động, thị trường bất động "
            "sản phục hồi chậm, giá vật liệu xây dựng tăng. Nguyên nhân chủ quan là một số chủ "
            "đầu tư, phòng, ban chuyên môn và phường chưa quyết liệt trong tổ chức thực hiện; "
            "công tác phối hợp giữa các đơn vị có lúc chưa chặt chẽ; việc kiểm tra, đôn đốc chưa "
            "thường xuyên."
        ),
        h1("IV. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM 3 THÁNG CUỐI NĂM 2026"),
        NumberedList(
            [
                p(
                    "Tập trung tháo gỡ khó khăn cho sản xuất, kinh doanh; tổ chức đối thoại doanh "
                    "nghiệp quý IV; đẩy mạnh xúc tiến thương mại, kích cầu tiêu dùng dịp cuối năm và "
                    "Tết Nguyên đán Đinh Mùi năm 2027, bảo đảm cung ứng hàng hóa thiết yếu."
                ),
                p(
                    "Quyết liệt giải ngân vốn đầu tư công: mỗi dự án trọng điểm có một đồng chí lãnh "
                    "đạo phụ trách; điều chuyển vốn của dự án chậm giải ngân; phấn đấu ",
                    bold("giải ngân đạt trên 95% kế hoạch vốn"),
                    " năm 2026.",
                ),
                p(
                    "Tăng cường các biện pháp chống thất thu ngân sách, tập trung thu nợ đọng thuế và "
                    "thu tiền sử dụng đất; điều hành chi ngân sách chặt chẽ, tiết kiệm."
                ),
                p(
                    "Hoàn thiện hồ sơ điều chỉnh quy hoạch chung thành phố đến năm 2045; xử lý dứt "
                    "điểm vi phạm trật tự xây dựng; tiếp tục chỉnh trang đô thị, khắc phục 6 điểm "
                    "ngập còn lại."
                ),
                p(
                    "Chuẩn bị tốt các điều kiện cho năm học 2026 - 2027; đẩy mạnh phát triển người "
                    "tham gia bảo hiểm y tế, bảo hiểm xã hội tự nguyện; chăm lo Tết cho người nghèo, "
                    "gia đình chính sách và công nhân lao động khó khăn."
                ),
                p(
                    "Đưa Trung tâm điều hành đô thị thông minh vào vận hành; kết nối dữ liệu dân cư "
                    "với các hệ thống chuyên ngành; mở rộng sử dụng phòng họp không giấy và chữ ký số "
                    "đến 100% cuộc họp của thành phố và các phường."
                ),
                p(
                    "Giữ vững an ninh chính trị, trật tự an toàn xã hội, nhất là dịp cuối năm; chuẩn "
                    "bị công tác tuyển quân năm 2027; tổ chức tốt diễn tập khu vực phòng thủ."
                ),
                p(
                    "Xây dựng kế hoạch phát triển kinh tế - xã hội, dự toán ngân sách và kế hoạch đầu "
                    "tư công năm 2027 trình Hội đồng nhân dân thành phố tại kỳ họp cuối năm."
                ),
            ]
        ),
        p(
            "Trên đây là báo cáo tình hình kinh tế - xã hội 9 tháng đầu năm, nhiệm vụ, giải pháp "
            "3 tháng cuối năm 2026 của Ủy ban nhân dân thành phố Thủ Dầu Một./."
        ),
    ]


def socio_economic_report() -> AdministrativeDocument:
    wards = ward_figures()
    body: list[Block] = [
        p(
            "Thực hiện Nghị quyết của Hội đồng nhân dân thành phố về kế hoạch phát triển kinh "
            "tế - xã hội năm 2026 và Chương trình công tác năm 2026 của Thành ủy, Ủy ban nhân dân "
            "thành phố báo cáo tình hình kinh tế - xã hội 9 tháng đầu năm và nhiệm vụ, giải pháp "
            "trọng tâm 3 tháng cuối năm 2026 như sau:"
        ),
        *_indicators(),
        *_economy(wards),
        *_society_and_admin(wards),
        *wards_section(wards),
        *_assessment_and_tasks(),
    ]
    return AdministrativeDocument(
        issuer=CITY_COMMITTEE,
        kind=DocumentKind.BAO_CAO,
        number=285,
        symbol="BC-UBND",
        place="Thủ Dầu Một",
        date=dt.date(2026, 9, 25),
        summary="Tình hình kinh tế - xã hội 9 tháng đầu năm 2026; nhiệm vụ, giải pháp trọng "
        "tâm 3 tháng cuối năm 2026",
        body=tuple(body),
        signatures=(SignatureBlock("Chủ tịch", CITY_CHAIR.name, authority="TM. Ủy ban nhân dân"),),
        recipients=(
            "Thường trực Thành ủy",
            "Thường trực HĐND thành phố",
            "Chủ tịch, các Phó Chủ tịch UBND thành phố",
            "Ủy ban MTTQ Việt Nam thành phố",
            "Các phòng, ban chuyên môn thuộc UBND thành phố",
            "UBND 14 phường",
            "Lưu: VT, TH",
        ),
    )
