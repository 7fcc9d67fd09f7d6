"""The minutes and the conclusion notice carry the attendance, the speakers and the votes."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from meetings.errors import Conflict, InvalidState, NotFound
from meetings.live import agenda, attendance, floor, minutes_notes, votes
from meetings.live.minutes_notes import MinutesNote
from meetings.live.model import Choice, LiveState, Participant, Presence, VoteKind
from meetings.meeting import AgendaItem, Meeting, MeetingStatus, Place
from meetings.units import Unit, UnitKind
from server.reports.minutes import MeetingRecord, duration_vi, render_both
from tests.pdfgen import pdf_text

VN = timezone(timedelta(hours=7))
T0 = datetime(2026, 12, 1, 8, 0, tzinfo=VN)


def _record(unit_kind: UnitKind = UnitKind.PEOPLES_COMMITTEE) -> MeetingRecord:
    meeting = Meeting(
        "mtg",
        "Phiên họp thường kỳ tháng 12",
        "ubnd",
        T0,
        T0 + timedelta(hours=3),
        Place("Hội trường A", video=True),
        MeetingStatus.IN_PROGRESS,
        agenda=(AgendaItem("i1", "Báo cáo kinh tế - xã hội"), AgendaItem("i2", "Tờ trình")),
    )
    people = tuple(Participant(f"m{n}", f"Đại biểu số {n}", member=True) for n in range(1, 11))
    site = Participant("s1", "Điểm cầu phường Phú Cường", member=False, site=True)
    state: LiveState = attendance.with_roster(
        agenda.start_state("mtg", ("i1", "i2")), (*people, site)
    )
    for n in range(1, 9):
        state, _ = attendance.check_in(state, f"m{n}", Presence.HALL)
    state, _ = attendance.mark(state, "m9", Presence.ABSENT, "Ốm", "sec")
    state, _ = attendance.check_in(state, "s1", Presence.ONLINE)
    state, _ = agenda.next_item(state, None, T0)
    state, _ = floor.give(state, "s1", T0)
    state, _ = floor.end(state, T0 + timedelta(seconds=135))
    state, _ = votes.open_vote(state, "v1", "i1", VoteKind.NAMED, "Thông qua báo cáo?", "c", T0)
    for n, choice in zip(range(1, 9), [Choice.YES] * 6 + [Choice.NO, Choice.ABSTAIN], strict=True):
        state, _ = votes.cast(state, "v1", f"m{n}", choice, T0)
    state, _ = votes.close(state, "v1", T0)
    return MeetingRecord(
        meeting,
        Unit("ubnd", "UBND thành phố Thủ Dầu Một", unit_kind),
        state,
        "Trần Văn Chủ",
        "Chủ tịch",
        "Nguyễn Thị Thư",
        "Thủ Dầu Một",
        T0 + timedelta(hours=3),
    )


def test_minutes_and_notice_say_what_happened() -> None:
    minutes, notice = render_both(_record())
    text = pdf_text.all_text(minutes.pdf)
    for expected in (
        "ỦY BAN NHÂN DÂN THÀNH PHỐ THỦ DẦU MỘT",
        "/BB-UBND",
        "BIÊN BẢN Phiên họp thường kỳ tháng 12",
        "Chủ trì: Trần Văn Chủ, Chủ tịch.",
        "Số thành viên: 10; có mặt: 8; vắng mặt: 2. Số thành viên cần có mặt: 6",
        "9 Đại biểu số 9 Vắng mặt (Ốm)",
        "10 Đại biểu số 10 Chưa điểm danh",
        "1 Điểm cầu phường Phú Cường Tham dự trực tuyến",
        "Điểm cầu phường Phú Cường (thời gian phát biểu 2 phút 15 giây)",
        "Số thành viên được biểu quyết: 8; số phiếu: 8. Kết quả: nội dung được thông qua.",
        "Đồng ý 6 75,0%",
        "Không đồng ý 1 12,5%",
        "Không biểu quyết: Đại biểu số 8.",
        "Không có ý kiến phát biểu.",  # the second item
        "Nguyễn Thị Thư",
    ):
        assert expected in text, expected
    assert len(minutes.signature_boxes) == 2 and minutes.seal_boxes[0] is None
    notice_text = pdf_text.all_text(notice.pdf)
    assert "THÔNG BÁO Kết luận của Chủ tịch tại phiên họp thường kỳ tháng 12" in notice_text
    assert "Thông qua báo cáo? thông qua (6/8 đồng ý)" in notice_text
    assert len(notice.signature_boxes) == 1 and notice.seal_boxes[0] is not None


def test_a_party_committee_gets_the_party_header() -> None:
    minutes, _ = render_both(_record(UnitKind.PARTY_COMMITTEE))
    text = pdf_text.all_text(minutes.pdf)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text and "BB/TU" in text


def test_durations_in_vietnamese() -> None:
    assert [duration_vi(s) for s in (0, 45, 60, 135)] == [
        "0 giây",
        "45 giây",
        "1 phút",
        "2 phút 15 giây",
    ]


def test_the_secretarys_notes_go_under_their_items() -> None:
    record = _record()
    notes = {
        "i1": MinutesNote(
            "mtg",
            "i1",
            "Các đại biểu thống nhất với báo cáo.\nĐề nghị bổ sung số liệu quý IV.",
            "Giao Phòng Tài chính hoàn thiện báo cáo trước ngày 15/12.",
            1,
            "sec",
            T0,
        ),
        "i2": MinutesNote("mtg", "i2", "", "Thống nhất trình HĐND thành phố.", 2, "sec", T0),
    }
    minutes, notice = render_both(replace(record, notes=notes))
    text = pdf_text.all_text(minutes.pdf)
    for expected in (
        "Tóm tắt ý kiến thảo luận: Các đại biểu thống nhất với báo cáo. Đề nghị bổ sung số liệu",
        "Kết luận của chủ trì: Giao Phòng Tài chính hoàn thiện báo cáo trước ngày 15/12.",
        "Kết luận của chủ trì: Thống nhất trình HĐND thành phố.",
    ):
        assert expected in text, expected
    notice_text = pdf_text.all_text(notice.pdf)
    assert "(6/8 đồng ý). Giao Phòng Tài chính hoàn thiện báo cáo" in notice_text
    assert "Về tờ trình: Thống nhất trình HĐND thành phố." in notice_text


def _meeting(status: MeetingStatus = MeetingStatus.IN_PROGRESS) -> Meeting:
    return replace(_record().meeting, status=status)


def test_a_note_names_the_version_it_replaces() -> None:
    first = minutes_notes.write(_meeting(), None, "i1", " Thảo luận ", "Kết luận", 0, "sec", T0)
    assert (first.version, first.discussion) == (1, "Thảo luận")
    second = minutes_notes.write(_meeting(), first, "i1", "Sửa", "", 1, "chair", T0)
    assert (second.version, second.written_by) == (2, "chair")
    with pytest.raises(Conflict) as stale:
        minutes_notes.write(_meeting(), second, "i1", "Cũ", "", 1, "sec", T0)
    assert stale.value.details == {"version": 2}
    with pytest.raises(Conflict):
        minutes_notes.write(_meeting(), None, "i1", "Mới", "", 3, "sec", T0)


def test_notes_only_on_agenda_items_and_while_the_meeting_runs_or_after() -> None:
    with pytest.raises(NotFound):
        minutes_notes.write(_meeting(), None, "other", "x", "", 0, "sec", T0)
    assert minutes_notes.write(_meeting(MeetingStatus.ENDED), None, "i1", "x", "", 0, "s", T0)
    for status in (MeetingStatus.PUBLISHED, MeetingStatus.ARCHIVED):
        with pytest.raises(InvalidState):
            minutes_notes.write(_meeting(status), None, "i1", "x", "", 0, "sec", T0)
