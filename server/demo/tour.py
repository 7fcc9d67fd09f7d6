"""A short printed tour of what the demo server holds, read through the protocol itself."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from ecabinet.net.client import Client, ServerError
from server.demo.seed import DemoCity

STATUS_VI = {"draft": "dự thảo", "published": "đã phát hành", "in_progress": "đang họp",
             "ended": "đã kết thúc", "archived": "đã lưu trữ"}


async def print_tour(url: str, fingerprint: str, city: DemoCity) -> None:
    client = await Client.connect(url, pinned=fingerprint)
    secretary = await Client.connect(url, pinned=fingerprint)
    try:
        await client.login("quantri", city.password)  # the administrator sees every meeting
        await secretary.login("thuky", city.password)  # and the secretary reads the papers
        units = (await client.call("units.list"))["units"]
        people = await client.call("people.list")
        meetings = await client.call("meetings.list")
        print(f"\neCabinet demo: {url}")
        print(f"TLS certificate SHA-256: {fingerprint}\n")
        kinds = Counter(u["kind"] for u in units)
        print(f"Đơn vị / units: {len(units)} ({kinds['ward']} phường / wards)")
        for unit in units:
            print(f"  - {unit['name']}")
        roles = Counter(m["role"] for x in people for m in x["memberships"])
        print(f"\nNgười dùng / people: {len(people)}; roles: "
              + ", ".join(f"{role} {count}" for role, count in sorted(roles.items())))
        print(f"\nTài khoản thử / demo accounts (mật khẩu / password: {city.password}):")
        for account in city.featured:
            print(f"  {account['username']:20} {account['label_vi']} / {account['label_en']}")
        print(f"\nCuộc họp / meetings: {len(meetings)}")
        for summary in meetings:
            try:
                detail = await secretary.call("meeting.get", meeting_id=summary["id"])
            except ServerError:
                detail = await client.call("meeting.get", meeting_id=summary["id"])
            starts = datetime.fromisoformat(detail["starts_at"])
            print(f"\n  {detail['title']}")
            print(f"    {starts:%d/%m/%Y %H:%M} · {detail['hall'] or 'trực tuyến'}"
                  f"{' + trực tuyến' if detail['video'] else ''} · "
                  f"{STATUS_VI[detail['status']]} · {detail['planned_minutes']} phút")
            documents = {d["id"]: d for d in detail["documents"]}
            for number, item in enumerate(detail["agenda"], 1):
                print(f"    {number}. {item['title']} ({item['planned_minutes']}′, "
                      f"{item['presenter_name']})")
                for document_id in item["document_ids"]:
                    # Administrators see meetings but not their papers (the permission table).
                    d = documents.get(document_id)
                    print(f"       📄 {d['filename']}: {d['pages']} trang, {d['size'] // 1024} KB"
                          if d else "       📄 (tài liệu nội bộ / internal document)")
            loose = [d for d in detail["documents"]
                     if not any(d["id"] in i["document_ids"] for i in detail["agenda"])]
            for d in loose:
                print(f"    📄 {d['title']} ({d['filename']}, {d['pages']} trang)")
        print()
    finally:
        await client.close()
        await secretary.close()
