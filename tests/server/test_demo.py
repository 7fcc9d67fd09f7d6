"""The demo city: its units, people and meetings, and the Vietnamese PDFs it generates."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader

from ecabinet.net.client import Client
from meetings.people import Role
from server.app import running
from server.config import ServerConfig
from server.demo.seed import city_data, seed_demo
from tests.server.conftest import FAST_AUTH

WARDS = [
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
]


def test_the_city_data_has_every_ward_and_role() -> None:
    data = city_data()
    names = [u["name"] for u in data["units"]]
    assert [n.removeprefix("UBND phường ") for n in names if n.startswith("UBND phường")] == WARDS
    roles = {role for person in data["people"] for _, role in person["roles"]}
    assert roles == {r.value for r in Role}
    assert 35 <= len(data["people"]) <= 60


async def test_the_seeded_city_serves_three_meetings_with_real_documents(tmp_path: Path) -> None:
    city = seed_demo(tmp_path, auth=FAST_AUTH)
    assert seed_demo(tmp_path, auth=FAST_AUTH).meeting_ids == city.meeting_ids  # idempotent
    async with running(ServerConfig(data_dir=tmp_path, port=0, auth=FAST_AUTH)) as server:
        secretary = await Client.connect(server.url, pinned=server.fingerprint)
        await secretary.login("thuky", city.password)
        meetings = await secretary.call("meetings.list")
        statuses = sorted(m["status"] for m in meetings)
        assert statuses == ["ended", "published"]  # the ward's meeting is the ward's business
        ended = next(m for m in meetings if m["status"] == "ended")
        detail = await secretary.call("meeting.get", meeting_id=ended["id"])
        assert any(d["title"] == "Biên bản phiên họp" for d in detail["documents"])
        document = detail["documents"][0]
        target = tmp_path / "bao-cao.pdf"
        await secretary.download(document["id"], target)
        text = "".join(
            page.extract_text() for page in PdfReader(io.BytesIO(target.read_bytes())).pages
        )
        assert "Độc lập - Tự do - Hạnh phúc" in text
        assert document["pages"] >= 12
        ward = await Client.connect(server.url, pinned=server.fingerprint)
        await ward.login("diemcau.phucuong", city.password)
        seen = {m["title"] for m in await ward.call("meetings.list")}
        assert any("Phú Cường" in title for title in seen)
        assert any("liên tịch" in title for title in seen)
        await secretary.close()
        await ward.close()
