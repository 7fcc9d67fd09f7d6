"""The demo city's three meetings and their agenda documents, as plain data.

The same call returns the same documents, and they render to the same bytes, on every run.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from server.pdfgen.demo_city import budget_report, investment_plan_submission
from server.pdfgen.demo_joint import digital_plan, digital_resolution_draft, paperless_report
from server.pdfgen.demo_people import (
    CITY_CHAIR,
    CITY_OFFICE_CHIEF,
    CITY_VICE_ECONOMY,
    DIGITAL_HEAD,
    FINANCE_HEAD,
    PARTY_DEPUTY,
    PARTY_SECRETARY,
    WARD_CHAIR,
    WARD_VICE,
    DemoPerson,
)
from server.pdfgen.demo_report import socio_economic_report
from server.pdfgen.demo_ward import tidy_streets_plan, ward_report
from server.pdfgen.model import AdministrativeDocument


@dataclass(frozen=True)
class DemoDocument:
    """One agenda document: its file name, the title an agenda shows, who presents it."""

    file_name: str
    title: str
    presenter: DemoPerson
    document: AdministrativeDocument


@dataclass(frozen=True)
class DemoMeeting:
    """A demo meeting: a stable key, its title, the organising unit, who chairs it, and its
    agenda documents in agenda order."""

    key: str
    title: str
    organiser: str
    chair: DemoPerson
    documents: tuple[DemoDocument, ...]


@cache
def demo_documents() -> tuple[DemoMeeting, ...]:
    """The city People's Committee meeting, the joint Party/People's Committee meeting and
    the Phú Cường ward meeting, in that order."""
    return (
        DemoMeeting(
            key="ubnd-thuong-ky-thang-9-2026",
            title="Phiên họp thường kỳ tháng 9 năm 2026 của UBND thành phố: tình hình kinh tế - "
            "xã hội 9 tháng đầu năm 2026",
            organiser="UBND thành phố Thủ Dầu Một",
            chair=CITY_CHAIR,
            documents=(
                DemoDocument(
                    "bao-cao-kinh-te-xa-hoi-9-thang-2026.pdf",
                    "Báo cáo tình hình kinh tế - xã hội 9 tháng đầu năm 2026",
                    CITY_OFFICE_CHIEF,
                    socio_economic_report(),
                ),
                DemoDocument(
                    "bao-cao-thu-chi-ngan-sach-9-thang-2026.pdf",
                    "Báo cáo thu, chi ngân sách nhà nước 9 tháng đầu năm 2026",
                    FINANCE_HEAD,
                    budget_report(),
                ),
                DemoDocument(
                    "to-trinh-ke-hoach-dau-tu-cong-2027.pdf",
                    "Tờ trình về kế hoạch đầu tư công năm 2027",
                    CITY_VICE_ECONOMY,
                    investment_plan_submission(),
                ),
            ),
        ),
        DemoMeeting(
            key="lien-tich-thanh-uy-ubnd-chuyen-doi-so",
            title="Hội nghị liên tịch Ban Thường vụ Thành ủy và UBND thành phố về chuyển đổi số",
            organiser="Thành ủy Thủ Dầu Một",
            chair=PARTY_SECRETARY,
            documents=(
                DemoDocument(
                    "du-thao-nghi-quyet-chuyen-doi-so-2026-2030.pdf",
                    "Dự thảo Nghị quyết về chuyển đổi số giai đoạn 2026 - 2030",
                    PARTY_DEPUTY,
                    digital_resolution_draft(),
                ),
                DemoDocument(
                    "ke-hoach-chuyen-doi-so-2027.pdf",
                    "Kế hoạch chuyển đổi số thành phố năm 2027",
                    DIGITAL_HEAD,
                    digital_plan(),
                ),
                DemoDocument(
                    "bao-cao-phong-hop-khong-giay-2026.pdf",
                    "Báo cáo kết quả triển khai phòng họp không giấy và ký số",
                    CITY_OFFICE_CHIEF,
                    paperless_report(),
                ),
            ),
        ),
        DemoMeeting(
            key="ubnd-phuong-phu-cuong-thang-9-2026",
            title="Phiên họp UBND phường Phú Cường tháng 9 năm 2026",
            organiser="UBND phường Phú Cường",
            chair=WARD_CHAIR,
            documents=(
                DemoDocument(
                    "phu-cuong-bao-cao-9-thang-2026.pdf",
                    "Báo cáo kết quả thực hiện nhiệm vụ 9 tháng đầu năm 2026",
                    WARD_VICE,
                    ward_report(),
                ),
                DemoDocument(
                    "phu-cuong-ke-hoach-chinh-trang-do-thi-2027.pdf",
                    "Kế hoạch chỉnh trang đô thị và trật tự lòng đường, vỉa hè năm 2027",
                    WARD_VICE,
                    tidy_streets_plan(),
                ),
            ),
        ),
    )
