"""The secretary's minutes panel: notes per item written by two people (a conflict merged,
nothing lost), the record, the minutes and the conclusion notice generated (with the notes)
and opened, then sent for signature."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from ecabinet.documents.tab import DocumentTab
from tests.live.conftest import DELEGATES, Connect, running_meeting
from tests.live_client.conftest import OpenLive, click, save_shot, until
from tests.pdfgen import pdf_text


async def test_minutes_from_the_record_generated_opened_and_sent_for_signing(
    qtbot: QtBot, live_window: OpenLive, connect: Connect, tmp_path: Path, vietnamese: Any
) -> None:
    chair = await connect("chutich")
    meeting = await running_meeting(await connect("thuky"), chair)
    mid = meeting["id"]
    await chair.call("live.check_in", meeting_id=mid)
    for name in DELEGATES[:7]:
        await (await connect(name)).call("live.check_in", meeting_id=mid)
    speaker = await connect(DELEGATES[3])
    await chair.call("live.next_item", meeting_id=mid, expected_item_id=None)
    await speaker.call("live.ask_floor", meeting_id=mid)
    state = await chair.call("live.state.get", meeting_id=mid)
    who = state["queue"][0]["person_id"]
    await chair.call("live.give_floor", meeting_id=mid, person_id=who, limit_seconds=60)
    await chair.call("live.end_floor", meeting_id=mid, speaker_id=who)
    vote = await chair.call("live.open_vote", meeting_id=mid, question="Thông qua báo cáo?")
    await chair.call("live.cast", meeting_id=mid, vote_id=vote["id"], choice="yes")
    await speaker.call("live.cast", meeting_id=mid, vote_id=vote["id"], choice="no")
    await chair.call("live.close_vote", meeting_id=mid, vote_id=vote["id"])

    window, secretary = await live_window("thuky", mid)
    assert secretary.roles.minutes and secretary.side.count() == 3
    delegate_window, delegate = await live_window(DELEGATES[0], mid)
    assert not delegate.roles.minutes and delegate.side.count() == 2

    draft = secretary.minutes.record.toPlainText()
    assert "Số thành viên: 12; có mặt: 8; số cần để đủ điều kiện họp: 7." in draft
    assert "- Tại hội trường: " in draft and "Trần Văn Chủ" in draft
    assert "1. Báo cáo kinh tế - xã hội" in draft
    assert "- Đại biểu số 03 phát biểu (0 phút" in draft
    assert (
        "- Biểu quyết (biểu quyết công khai) “Thông qua báo cáo?”: 2/8 đã biểu quyết: "
        "Đồng ý 1, Không đồng ý 1, Không biểu quyết 0"
    ) in draft
    assert not secretary.minutes.sign_button.isEnabled()

    # Notes on the current item: the secretary writes; the chair's screen shows them.
    _chair_window, chair_screen = await live_window("chutich", mid)
    notes, chair_notes = secretary.minutes.notes, chair_screen.minutes.notes
    assert notes.item_id() == meeting["agenda"][0]["id"]  # the meeting's current item
    notes.discussion.setPlainText("Các đại biểu thống nhất với báo cáo.")
    notes.conclusion.setPlainText("Giao Phòng Tài chính hoàn thiện báo cáo.")
    assert notes.status.text() == "Chưa lưu."
    click(qtbot, notes.save_button)
    await until(lambda: notes.status.text().startswith("Đã lưu bởi Nguyễn Thị Thư"), "saved")
    await until(
        lambda: chair_notes.discussion.toPlainText() == "Các đại biểu thống nhất với báo cáo.",
        "the note on the chair's screen",
    )

    # Both write at once: the chair's text and the secretary's both survive.
    chair_notes.discussion.setPlainText("Đại biểu số 03 đề nghị bổ sung số liệu.")
    notes.discussion.setPlainText("Các đại biểu thống nhất với báo cáo, có bổ sung.")
    click(qtbot, notes.save_button)
    await until(lambda: "thay đổi ghi chép" in chair_notes.status.text(), "the chair warned")
    click(qtbot, chair_notes.save_button)
    await until(lambda: chair_notes.status.text().startswith("Đã lưu bởi Trần Văn Chủ"), "merged")
    both = (
        "Các đại biểu thống nhất với báo cáo, có bổ sung.\n\n"
        "Đại biểu số 03 đề nghị bổ sung số liệu."
    )
    assert chair_notes.discussion.toPlainText() == both
    await until(lambda: notes.discussion.toPlainText() == both, "the merged note everywhere")

    assert window.workspace is not None
    secretary.side.setCurrentWidget(secretary.minutes)
    click(qtbot, secretary.minutes.generate_button)
    workspace = window.workspace
    await until(lambda: len(workspace.document_tabs()) == 2, "both documents opened")
    titles = sorted(t.document.filename for t in workspace.document_tabs())
    assert titles == ["bien-ban.pdf", "thong-bao-ket-luan.pdf"]
    current = workspace.currentWidget()
    assert isinstance(current, DocumentTab) and current.viewer.page_count >= 1
    assert secretary.minutes.sign_button.isEnabled()
    workspace.setCurrentWidget(secretary)
    save_shot(window, "secretary-minutes")

    click(qtbot, secretary.minutes.sign_button)
    await until(lambda: bool(secretary.minutes.requests) or secretary.message.isVisible(), "sent")
    assert not secretary.message.isVisible(), secretary.message.text()
    requests = secretary.minutes.requests
    assert [r.document_id for r in requests] == [
        secretary.minutes.made["minutes"].id,
        secretary.minutes.made["conclusions"].id,
    ]
    assert secretary.minutes.signing_list.count() == 2
    assert secretary.minutes.signing_list.item(0).text().startswith(requests[0].title)
    assert delegate_window.isVisible()
    reader = await connect("thuky")
    path = await reader.download(requests[0].document_id, tmp_path / "bien-ban.pdf")
    text = pdf_text.all_text(path.read_bytes())
    assert "Đại biểu số 03 đề nghị bổ sung số liệu." in text
