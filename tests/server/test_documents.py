from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from ecabinet.net.client import Client, Disconnected, ServerError
from meetings import protocol as p
from server.app import RunningServer
from tests.server import org
from tests.server.conftest import Login
from tests.server.meeting_helpers import create_meeting, next_meeting_event, published_meeting
from tests.support import pdfs


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


async def test_a_20_mb_upload_resumes_after_a_dropped_connection(
    login: Login, server: RunningServer, tmp_path: Path
) -> None:
    secretary = await login("secretary")
    meeting = await create_meeting(secretary)
    data = pdfs.large_pdf(20 * 1024 * 1024)
    path = write(tmp_path, "Hồ sơ kỳ họp.pdf", data)
    client = await Client.connect(server.url, pinned=server.fingerprint)
    token = (await client.login("thuky", org.PASSWORD)).token

    def drop_midway(received: int, size: int) -> None:
        if received >= 8 * 1024 * 1024:
            client.ws.transport.abort()  # the Wi-Fi goes away

    with pytest.raises(Disconnected):
        await client.upload(meeting["id"], path, title="Hồ sơ kỳ họp", progress=drop_midway)

    again = await Client.connect(server.url, pinned=server.fingerprint)
    await again.resume(token)
    seen: list[int] = []
    document = await again.upload(
        meeting["id"],
        path,
        title="Hồ sơ kỳ họp",
        progress=lambda received, size: seen.append(received),
    )
    await again.close()
    assert seen[0] > 8 * 1024 * 1024  # it went on from where it stopped, not from zero
    assert document.sha256 == hashlib.sha256(data).hexdigest()
    assert document.size == len(data) and document.pages == 5
    assert document.filename == "Hồ sơ kỳ họp.pdf"
    stored = server.state.blobs.path(document.sha256)
    assert stored.read_bytes() == data
    # The download comes back byte for byte, and resumes from a partial file.
    target = tmp_path / "tai-ve.pdf"
    (tmp_path / "tai-ve.pdf.part").write_bytes(data[: 3 * 1024 * 1024 + 17])
    await secretary.download(document.id, target)
    assert target.read_bytes() == data


async def test_upload_attaches_to_an_item_and_invitees_hear_of_it(
    login: Login, tmp_path: Path
) -> None:
    secretary = await login("secretary")
    delegate = await login("delegate")
    meeting = await published_meeting(secretary)
    item_id = meeting["agenda"][0]["id"]
    await next_meeting_event(delegate, meeting["id"])
    path = write(tmp_path, "bao-cao.pdf", pdfs.vietnamese_pdf(4))
    document = await secretary.upload(meeting["id"], path, title="Báo cáo 9 tháng", item_id=item_id)
    added = await delegate.next_event()
    assert isinstance(added, p.DocumentAdded) and added.document.id == document.id
    updated = await next_meeting_event(delegate, meeting["id"])
    assert isinstance(updated, p.MeetingUpdated)
    assert updated.meeting.agenda[0].document_ids == [document.id]
    # A new version is a new document linked to the old; the agenda points at the new one.
    path2 = write(tmp_path, "bao-cao-v2.pdf", pdfs.vietnamese_pdf(5))
    second = await secretary.upload(
        meeting["id"], path2, title="Báo cáo 9 tháng (sửa)", replaces=document.id
    )
    assert second.previous_id == document.id and second.id != document.id
    detail = await delegate.call("meeting.get", meeting_id=meeting["id"])
    assert detail["agenda"][0]["document_ids"] == [second.id]
    assert {d["id"] for d in detail["documents"]} == {document.id, second.id}


@pytest.mark.parametrize(
    ("name", "make", "reason"),
    [
        ("tai-lieu.pdf", pdfs.zip_named_pdf, "not_pdf"),
        ("mat-khau.pdf", pdfs.encrypted_pdf, "encrypted"),
        ("hong.pdf", pdfs.corrupt_pdf, "corrupt"),
    ],
)
async def test_bad_files_are_refused_with_the_reason(
    login: Login, tmp_path: Path, name: str, make: object, reason: str, server: RunningServer
) -> None:
    secretary = await login("secretary")
    meeting = await create_meeting(secretary)
    path = write(tmp_path, name, make())  # type: ignore[operator]
    with pytest.raises(ServerError) as caught:
        await secretary.upload(meeting["id"], path, title="Tài liệu")
    assert caught.value.code == "invalid_document"
    assert caught.value.details["reason"] == reason
    assert not [f for f in server.state.blobs.root.rglob("*") if f.is_file()]
    assert not list(server.state.blobs.uploads.iterdir())  # the partial file is gone too


async def test_upload_rules(login: Login, server: RunningServer, tmp_path: Path) -> None:
    secretary = await login("secretary")
    delegate = await login("delegate")
    meeting = await published_meeting(secretary)
    data = pdfs.vietnamese_pdf(2)
    good = {
        "meeting_id": meeting["id"],
        "title": "Tài liệu",
        "size": len(data),
        "sha256": hashlib.sha256(data).hexdigest(),
    }
    cases = [
        ({"filename": "../../etc/passwd.pdf"}, "bad_request"),
        (
            {"filename": "a.pdf", "size": server.state.config.limits.max_upload_bytes + 1},
            "too_large",
        ),
    ]
    for changes, code in cases:
        with pytest.raises(ServerError) as caught:
            await secretary.call("upload.begin", **{**good, **changes})
        assert caught.value.code == code
    with pytest.raises(ServerError) as caught:
        await delegate.call("upload.begin", filename="a.pdf", **good)
    assert caught.value.code == "forbidden"
    # A truncated upload cannot be finished.
    state = await secretary.call("upload.begin", filename="a.pdf", **good)
    await secretary.call_binary("upload.chunk", data[:1000], upload_id=state["upload_id"], offset=0)
    with pytest.raises(ServerError) as caught:
        await secretary.call("upload.finish", upload_id=state["upload_id"])
    assert caught.value.code == "bad_request" and caught.value.details["received"] == 1000
    # A chunk at the wrong offset says where to go on from.
    with pytest.raises(ServerError) as caught:
        await secretary.call_binary(
            "upload.chunk", data[5000:6000], upload_id=state["upload_id"], offset=5000
        )
    assert caught.value.code == "conflict" and caught.value.details["received"] == 1000
    # Chunks travel in binary frames only.
    with pytest.raises(ServerError) as caught:
        await secretary.call("upload.chunk", upload_id=state["upload_id"], offset=1000)
    assert caught.value.code == "bad_request"
    # Someone else's upload is not found.
    with pytest.raises(ServerError) as caught:
        await delegate.call("upload.status", upload_id=state["upload_id"])
    assert caught.value.code == "not_found"


async def test_bytes_that_do_not_match_the_hash_are_refused(login: Login, tmp_path: Path) -> None:
    secretary = await login("secretary")
    meeting = await create_meeting(secretary)
    data = pdfs.vietnamese_pdf(1)
    state = await secretary.call(
        "upload.begin",
        meeting_id=meeting["id"],
        filename="a.pdf",
        title="A",
        size=len(data),
        sha256=hashlib.sha256(b"other").hexdigest(),
    )
    await secretary.call_binary("upload.chunk", data, upload_id=state["upload_id"], offset=0)
    with pytest.raises(ServerError) as caught:
        await secretary.call("upload.finish", upload_id=state["upload_id"])
    assert caught.value.code == "checksum_mismatch"


async def test_confidential_documents_are_hidden_from_room_accounts(
    login: Login, tmp_path: Path
) -> None:
    secretary = await login("secretary")
    room = await login("room")
    meeting = await published_meeting(secretary)
    path = write(tmp_path, "mat.pdf", pdfs.vietnamese_pdf(1))
    document = await secretary.upload(
        meeting["id"], path, title="Hạn chế", classification="confidential"
    )
    detail = await room.call("meeting.get", meeting_id=meeting["id"])
    assert detail["documents"] == []
    with pytest.raises(ServerError) as caught:
        await room.call_for_bytes("document.download", document_id=document.id)
    assert caught.value.code == "not_found"


async def test_comments_on_drafts(login: Login, tmp_path: Path) -> None:
    secretary = await login("secretary")
    delegate = await login("delegate")
    chair = await login("chair")
    room = await login("room")
    meeting = await published_meeting(secretary)
    draft = await secretary.upload(
        meeting["id"],
        write(tmp_path, "du-thao.pdf", pdfs.vietnamese_pdf(2)),
        title="Dự thảo Nghị quyết",
        is_draft=True,
    )
    final = await secretary.upload(
        meeting["id"], write(tmp_path, "bao-cao.pdf", pdfs.vietnamese_pdf(3)), title="Báo cáo"
    )
    comment = await delegate.call(
        "comment.add",
        document_id=draft.id,
        page=2,
        text="Đề nghị bổ sung số liệu phường Phú Cường.",
        client_id="offline-1",
    )
    # Sent again after a reconnect, it still counts once.
    again = await delegate.call(
        "comment.add",
        document_id=draft.id,
        page=2,
        text="Đề nghị bổ sung số liệu phường Phú Cường.",
        client_id="offline-1",
    )
    assert again["id"] == comment["id"]
    await chair.call("comment.add", document_id=draft.id, text="Thống nhất.")
    everyone = await secretary.call("comments.list", document_id=draft.id)
    assert [c["author_name"] for c in everyone] == ["Lê Văn Đại", "Trần Văn Chủ"]
    own = await delegate.call("comments.list", document_id=draft.id)
    assert [c["text"] for c in own] == ["Đề nghị bổ sung số liệu phường Phú Cường."]
    with pytest.raises(ServerError) as caught:
        await delegate.call("comment.add", document_id=final.id, text="x")
    assert caught.value.code == "invalid_state"
    with pytest.raises(ServerError) as caught:
        await room.call("comment.add", document_id=draft.id, text="x")
    assert caught.value.code == "forbidden"


async def test_notes_are_private_and_follow_their_author(
    login: Login, server: RunningServer, tmp_path: Path
) -> None:
    secretary = await login("secretary")
    delegate = await login("delegate")
    laptop2 = await Client.connect(server.url, pinned=server.fingerprint)
    await laptop2.login("daibieu", org.PASSWORD)
    meeting = await published_meeting(secretary)
    document = await secretary.upload(
        meeting["id"], write(tmp_path, "a.pdf", pdfs.vietnamese_pdf(3)), title="A"
    )
    while not delegate.events.empty():
        delegate.events.get_nowait()
    note = await delegate.call(
        "note.put",
        note_id="n1",
        document_id=document.id,
        page=3,
        kind="highlight",
        rect={"x": 0.1, "y": 0.2, "w": 0.5, "h": 0.05},
        text="Chú ý chỉ tiêu thu ngân sách",
    )
    pushed = await laptop2.next_event()
    while not isinstance(pushed, p.NoteChanged):
        pushed = await laptop2.next_event()
    assert pushed.note.text == "Chú ý chỉ tiêu thu ngân sách"
    assert await secretary.call("notes.list", document_id=document.id) == []
    # An edit from a stale copy is a conflict that carries the current note.
    await laptop2.call(
        "note.put",
        note_id="n1",
        document_id=document.id,
        page=3,
        kind="highlight",
        rect=note["rect"],
        text="Sửa trên máy 2",
        base_version=1,
    )
    with pytest.raises(ServerError) as caught:
        await delegate.call(
            "note.put",
            note_id="n1",
            document_id=document.id,
            page=3,
            kind="highlight",
            rect=note["rect"],
            text="Sửa trên máy 1",
            base_version=1,
        )
    assert caught.value.code == "conflict"
    assert caught.value.details["current"]["text"] == "Sửa trên máy 2"
    with pytest.raises(ServerError) as caught:
        await secretary.call("note.delete", note_id="n1")
    assert caught.value.code == "not_found"
    with pytest.raises(ServerError) as caught:
        await delegate.call(
            "note.put", note_id="n2", document_id=document.id, page=9, rect={"x": 0, "y": 0}
        )
    assert caught.value.code == "bad_request"
    await laptop2.close()
