"""The demo city's issuing bodies and the invented people who sign its documents.

The names are made up for the demo; they belong to nobody in the real city.
"""

from __future__ import annotations

from dataclasses import dataclass

from server.pdfgen.model import IssuingBody

CITY = "Thủ Dầu Một"
WARDS: tuple[str, ...] = (
    "Phú Cường",
    "Hiệp Thành",
    "Chánh Nghĩa",
    "Phú Thọ",
    "Phú Hòa",
    "Phú Lợi",
    "Hiệp An",
    "Định Hòa",
    "Tân An",
    "Tương Bình Hiệp",
    "Chánh Mỹ",
    "Phú Tân",
    "Phú Mỹ",
    "Hòa Phú",
)

CITY_COMMITTEE = IssuingBody("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ THỦ DẦU MỘT")
CITY_OFFICE = IssuingBody("VĂN PHÒNG", parent="UBND THÀNH PHỐ THỦ DẦU MỘT")
PARTY_COMMITTEE = IssuingBody("THÀNH ỦY THỦ DẦU MỘT", parent="ĐẢNG BỘ TỈNH BÌNH DƯƠNG")


def ward_committee(ward: str) -> IssuingBody:
    return IssuingBody(f"ỦY BAN NHÂN DÂN\nPHƯỜNG {ward.upper()}", parent="UBND TP. THỦ DẦU MỘT")


@dataclass(frozen=True)
class DemoPerson:
    """Someone who signs or presents a demo document: full name, title, unit."""

    name: str
    title: str
    unit: str


PARTY_SECRETARY = DemoPerson("Võ Thành Trung", "Bí thư Thành ủy", "Thành ủy Thủ Dầu Một")
PARTY_DEPUTY = DemoPerson(
    "Trương Mỹ Linh", "Phó Bí thư Thường trực Thành ủy", "Thành ủy Thủ Dầu Một"
)
PARTY_OFFICE_CHIEF = DemoPerson("Bùi Khánh Vy", "Chánh Văn phòng Thành ủy", "Thành ủy Thủ Dầu Một")
CITY_CHAIR = DemoPerson("Lê Minh Khôi", "Chủ tịch UBND thành phố", "UBND thành phố Thủ Dầu Một")
CITY_VICE_ECONOMY = DemoPerson(
    "Phạm Thị Thu Hà", "Phó Chủ tịch UBND thành phố", "UBND thành phố Thủ Dầu Một"
)
CITY_VICE_URBAN = DemoPerson(
    "Ngô Đức Thịnh", "Phó Chủ tịch UBND thành phố", "UBND thành phố Thủ Dầu Một"
)
CITY_OFFICE_CHIEF = DemoPerson(
    "Đặng Ngọc Lan", "Chánh Văn phòng HĐND và UBND thành phố", "UBND thành phố Thủ Dầu Một"
)
FINANCE_HEAD = DemoPerson(
    "Hồ Quang Vinh", "Trưởng phòng Tài chính - Kế hoạch", "UBND thành phố Thủ Dầu Một"
)
DIGITAL_HEAD = DemoPerson(
    "Châu Gia Bảo", "Trưởng phòng Văn hóa, Khoa học và Thông tin", "UBND thành phố Thủ Dầu Một"
)
WARD_CHAIR = DemoPerson("Huỳnh Văn Sang", "Chủ tịch UBND phường", "UBND phường Phú Cường")
WARD_VICE = DemoPerson("Lý Thị Kim Oanh", "Phó Chủ tịch UBND phường", "UBND phường Phú Cường")

DEMO_PEOPLE: tuple[DemoPerson, ...] = (
    PARTY_SECRETARY,
    PARTY_DEPUTY,
    PARTY_OFFICE_CHIEF,
    CITY_CHAIR,
    CITY_VICE_ECONOMY,
    CITY_VICE_URBAN,
    CITY_OFFICE_CHIEF,
    FINANCE_HEAD,
    DIGITAL_HEAD,
    WARD_CHAIR,
    WARD_VICE,
)
