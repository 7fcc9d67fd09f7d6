"""A short printed tour of what the demo server holds, read from its store."""

from __future__ import annotations

from collections import Counter
from functools import partial
from pathlib import Path

from server.config import ServerConfig
from server.demo.seed import DemoCity
from server.store import directory_repo, documents_repo, meetings_repo
from server.store.db import Store

# The live meetings the client's headless tour (ecabinet/demo_live_tour.py) creates for itself end
# their titles with this; they are counted, not listed.
TOUR_MARK = "(phiên trình diễn)"

STATUS_VI = {
    "draft": "dự thảo",
    "published": "đã phát hành",
    "in_progress": "đang họp",
    "ended": "đã kết thúc",
    "archived": "đã lưu trữ",
}


def print_tour(data_dir: Path, city: DemoCity, url: str, fingerprint: str) -> None:
    store = Store(ServerConfig(data_dir=data_dir).db_url)
    try:
        units = store.read_sync(directory_repo.all_units)
        people = store.read_sync(directory_repo.all_people)
        meetings = store.read_sync(meetings_repo.load_many)
        print(f"\neCabinet demo: {url}")
        print(f"TLS certificate SHA-256: {fingerprint}\n")
        wards = sum(1 for u in units.values() if u.kind.value == "ward")
        print(f"Đơn vị / units: {len(units)} ({wards} phường / wards)")
        for unit in units.values():
            print(f"  - {unit.name}")
        roles = Counter(m.role.value for x in people for m in x.memberships)
        print(
            f"\nNgười dùng / people: {len(people)}; roles: "
            + ", ".join(f"{role} {count}" for role, count in sorted(roles.items()))
        )
        print(f"\nTài khoản thử / demo accounts (mật khẩu / password: {city.password}):")
        for account in city.featured:
            print(f"  {account['username']:20} {account['label_vi']} / {account['label_en']}")
        tours = [m for m in meetings if m.title.endswith(TOUR_MARK)]
        meetings = [m for m in meetings if not m.title.endswith(TOUR_MARK)]
        print(f"\nCuộc họp / meetings: {len(meetings)}")
        if tours:
            print(
                f"  (và {len(tours)} phiên trình diễn của các lần chạy trước, đã lưu trữ / "
                f"and {len(tours)} live meetings of earlier headless tours, archived)"
            )
        for meeting in meetings:
            documents = {
                d.id: d
                for d in store.read_sync(partial(documents_repo.of_meeting, meeting_id=meeting.id))
            }
            place = meeting.place.hall or "trực tuyến"
            video = " + trực tuyến" if meeting.place.video and meeting.place.hall else ""
            print(f"\n  {meeting.title}")
            print(
                f"    {meeting.starts_at:%d/%m/%Y %H:%M} · {place}{video} · "
                f"{STATUS_VI[meeting.status.value]} · {meeting.planned_minutes} phút"
            )
            attached = set()
            for number, item in enumerate(meeting.agenda, 1):
                print(
                    f"    {number}. {item.title} ({item.planned_minutes}′, {item.presenter_name})"
                )
                for document_id in item.document_ids:
                    d = documents[document_id]
                    attached.add(d.id)
                    print(f"       📄 {d.filename}: {d.pages} trang, {d.size // 1024} KB")
            for d in documents.values():
                if d.id not in attached:
                    print(f"    📄 {d.title} ({d.filename}, {d.pages} trang)")
        print()
    finally:
        store.engine.dispose()
