"""A full session through real websockets: a chair, a secretary, 10 delegates and 3 ward halls
check in, reach quorum, take the floor, vote by name and in secret."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from ecabinet.net.client import Client, ServerError
from meetings import protocol as p
from meetings import protocol_live as pl
from meetings import protocol_signing as ps
from signing.validate import async_validate_pdf
from tests.live.conftest import DELEGATES, ROOMS, Connect, event_where, running_meeting
from tests.live.signing_steps import sign_in_turn
from tests.pdfgen import pdf_text
from tests.support import pdfs
from tests.support.pki import LoopbackPki


def _vote_event(vote_id: str, reason: str) -> Any:
    return lambda e: isinstance(e, pl.VoteChanged) and e.vote.id == vote_id and e.reason == reason


async def test_a_whole_session(connect: Connect, hall_pki: LoopbackPki, tmp_path: Path) -> None:
    secretary = await connect("thuky")
    chair = await connect("chutich")
    delegates = [await connect(name) for name in DELEGATES]
    rooms = [await connect(name) for name in ROOMS]
    everyone = [secretary, chair, *delegates, *rooms]

    # Not before the meeting is in session.
    draft = await secretary.call(
        "meeting.create",
        title="Họp chưa bắt đầu",
        organiser_unit_id="ubnd",
        starts_at="2026-12-02T08:00:00+07:00",
        ends_at="2026-12-02T09:00:00+07:00",
        hall="Hội trường B",
    )
    with pytest.raises(ServerError) as refused:
        await chair.call("live.check_in", meeting_id=draft["id"])
    assert refused.value.code == "invalid_state"

    meeting = await running_meeting(secretary, chair)
    mid = meeting["id"]
    items = [i["id"] for i in meeting["agenda"]]

    # Roll call: six delegates in the hall, not yet a quorum of the 12 members.
    for client in delegates[:6]:
        await client.call("live.check_in", meeting_id=mid)
    state = await chair.call("live.state.get", meeting_id=mid)
    assert state["quorum"] == {
        "members": 12,
        "present": 6,
        "required": 7,
        "reached": False,
        "numerator": 1,
        "denominator": 2,
        "strict": True,
    }
    assert sum(1 for a in state["attendance"] if a["site"]) == 3
    await chair.call("live.next_item", meeting_id=mid, expected_item_id=None)
    with pytest.raises(ServerError) as refused:
        await chair.call("live.open_vote", meeting_id=mid, question="Thông qua báo cáo?")
    assert refused.value.code == "invalid_state"
    assert refused.value.details == {"present": 6, "required": 7}

    # The chair, three online delegates and the ward halls arrive; one delegate is absent.
    await chair.call("live.check_in", meeting_id=mid)
    for client in delegates[6:9]:
        await client.call("live.check_in", meeting_id=mid, presence="online")
    for client in rooms:
        await client.call("live.check_in", meeting_id=mid, presence="online")
    absent = next(a for a in state["attendance"] if a["full_name"] == "Đại biểu số 09")
    with pytest.raises(ServerError):
        await delegates[0].call(
            "live.mark",
            meeting_id=mid,
            person_id=absent["person_id"],
            presence="absent",
            reason="Đi công tác",
        )  # a delegate does not run the roll call
    await secretary.call(
        "live.mark",
        meeting_id=mid,
        person_id=absent["person_id"],
        presence="absent",
        reason="Đi công tác",
    )
    seen = await event_where(
        chair,
        lambda e: (
            isinstance(e, pl.AttendanceChanged)
            and any(a.reason == "Đi công tác" for a in e.attendance)
        ),
    )
    assert isinstance(seen, pl.AttendanceChanged)
    assert (seen.quorum.present, seen.quorum.reached) == (10, True)

    # The floor: a ward hall and a delegate ask; the chair gives it in order.
    await rooms[1].call("live.ask_floor", meeting_id=mid)
    await delegates[2].call("live.ask_floor", meeting_id=mid)
    state = await chair.call("live.state.get", meeting_id=mid)
    queue = [q["full_name"] for q in state["queue"]]
    assert queue == ["Điểm cầu phường Chánh Nghĩa", "Đại biểu số 02"]
    room_id = state["queue"][0]["person_id"]
    await chair.call("live.give_floor", meeting_id=mid, person_id=room_id, limit_seconds=120)
    given = await event_where(
        delegates[5], lambda e: isinstance(e, pl.FloorChanged) and e.floor is not None
    )
    assert isinstance(given, pl.FloorChanged) and given.floor is not None
    assert given.floor.full_name == "Điểm cầu phường Chánh Nghĩa"
    with pytest.raises(ServerError) as refused:
        await chair.call(
            "live.give_floor", meeting_id=mid, person_id=state["queue"][1]["person_id"]
        )
    assert refused.value.code == "conflict"
    state = await chair.call("live.end_floor", meeting_id=mid, speaker_id=room_id)
    assert state["floor"] is None
    assert [(s["full_name"], s["item_id"]) for s in state["speeches"]] == [
        ("Điểm cầu phường Chánh Nghĩa", items[0])
    ]

    # A named vote: the ten members present vote; a ward hall may not.
    vote = await chair.call(
        "live.open_vote", meeting_id=mid, question="Thông qua báo cáo kinh tế - xã hội?"
    )
    assert (vote["eligible"], vote["cast"], vote["status"]) == (10, 0, "open")
    voters = [chair, *delegates[:9]]
    choices = ["yes"] * 7 + ["no"] * 2 + ["abstain"]
    await asyncio.gather(
        *(
            c.call("live.cast", meeting_id=mid, vote_id=vote["id"], choice=x)
            for c, x in zip(voters, choices, strict=True)
        )
    )
    with pytest.raises(ServerError) as refused:
        await delegates[0].call("live.cast", meeting_id=mid, vote_id=vote["id"], choice="no")
    assert refused.value.code == "conflict"
    with pytest.raises(ServerError) as refused:
        await rooms[0].call("live.cast", meeting_id=mid, vote_id=vote["id"], choice="yes")
    assert refused.value.code == "forbidden"
    closed = await chair.call("live.close_vote", meeting_id=mid, vote_id=vote["id"])
    assert closed["counts"] == {"yes": 7, "no": 2, "abstain": 1}
    for client in everyone:
        event = await event_where(client, _vote_event(vote["id"], "closed"))
        assert isinstance(event, pl.VoteChanged) and event.vote.by_name is not None
        assert event.vote.counts == {"yes": 7, "no": 2, "abstain": 1}
        by_name = {b.full_name: b.choice.value for b in event.vote.by_name}
        assert by_name["Trần Văn Chủ"] == "yes" and by_name["Đại biểu số 08"] == "abstain"

    # Next item, then a secret vote whose counts stay hidden until it closes.
    await chair.call("live.next_item", meeting_id=mid, expected_item_id=items[0])
    secret = await chair.call(
        "live.open_vote", meeting_id=mid, kind="secret", question="Tín nhiệm phương án?"
    )
    for client, choice in zip(voters[:4], ["yes", "no", "no", "abstain"], strict=True):
        receipt = await client.call(
            "live.cast", meeting_id=mid, vote_id=secret["id"], choice=choice
        )
        assert receipt["counts"] is None and receipt["choice"] == choice
    tally = await event_where(
        secretary,
        lambda e: (
            _vote_event(secret["id"], "tally")(e)
            and (isinstance(e, pl.VoteChanged) and e.vote.cast == 4)
        ),
    )
    assert isinstance(tally, pl.VoteChanged) and tally.vote.counts is None
    result = await chair.call("live.close_vote", meeting_id=mid, vote_id=secret["id"])
    assert result["counts"] == {"yes": 1, "no": 2, "abstain": 1} and result["by_name"] is None
    assert result["item_id"] == items[1]

    # The audit log has every step; of the secret vote only who voted.
    admin = await connect("quantri")
    audit = await admin.call("audit.list", limit=500)
    voted = [e for e in audit if e["action"] == "live.voted"]
    assert len(voted) == 14
    secret_entries = [e for e in voted if e["detail"]["vote_id"] == secret["id"]]
    assert len(secret_entries) == 4 and all("choice" not in e["detail"] for e in secret_entries)
    # The secretary's notes for the minutes: drafts that only those who write minutes see.
    note = await secretary.call(
        "live.write_minutes",
        meeting_id=mid,
        item_id=items[0],
        discussion="Các đại biểu thống nhất với báo cáo.",
        conclusion="Giao Phòng Tài chính hoàn thiện báo cáo trước ngày 15/12.",
        expected_version=0,
    )
    assert note["version"] == 1 and note["written_by_name"] == "Nguyễn Thị Thư"
    seen_note = await event_where(chair, lambda e: isinstance(e, pl.MinutesNoteChanged))
    assert isinstance(seen_note, pl.MinutesNoteChanged) and seen_note.note.version == 1
    with pytest.raises(ServerError) as refused:
        await chair.call("live.write_minutes", meeting_id=mid, item_id=items[0], expected_version=0)
    assert refused.value.code == "conflict" and refused.value.details["note"]["version"] == 1
    with pytest.raises(ServerError) as refused:
        await delegates[0].call("live.minutes_notes", meeting_id=mid)
    assert refused.value.code == "forbidden"
    assert [n["item_id"] for n in await chair.call("live.minutes_notes", meeting_id=mid)] == [
        items[0]
    ]

    # The minutes and the conclusion notice, from what was recorded.
    made = await secretary.call("live.generate_minutes", meeting_id=mid)
    assert made["minutes"]["filename"] == "bien-ban.pdf"
    assert len(made["boxes"]["minutes"]["signatures"]) == 2
    assert made["boxes"]["minutes"]["seals"][0] is None  # the secretary signs without a seal
    for _ in range(200):  # the delegate gets the documents, and never the draft notes
        event = await delegates[0].next_event(10)
        assert not isinstance(event, pl.MinutesNoteChanged)
        if isinstance(event, p.DocumentAdded) and event.document.id == made["minutes"]["id"]:
            break
    else:
        raise AssertionError("no document.added for the minutes")
    path = await delegates[0].download(made["minutes"]["id"], tmp_path / "bien-ban.pdf")
    text = pdf_text.all_text(path.read_bytes())
    for expected in (
        "BIÊN BẢN",
        "Trần Văn Chủ",  # the chair
        "Vắng mặt (Đi công tác)",
        "Điểm cầu phường Chánh Nghĩa (thời gian phát biểu",
        "Số thành viên: 12; có mặt: 10",
        "Thông qua báo cáo kinh tế - xã hội? Số thành viên được biểu quyết: 10; số phiếu: 10.",
        "Đồng ý 7 70,0%",
        "Không đồng ý 2 20,0%",
        "Không biểu quyết 1 10,0%",
        "Tín nhiệm phương án? Số thành viên được biểu quyết: 10; số phiếu: 4.",
        "Tóm tắt ý kiến thảo luận: Các đại biểu thống nhất với báo cáo.",
        "Kết luận của chủ trì: Giao Phòng Tài chính hoàn thiện báo cáo trước ngày 15/12.",
        "Không đồng ý 2 20,0%",
    ):
        assert expected in text, expected
    notice = await delegates[0].download(made["conclusions"]["id"], tmp_path / "tb.pdf")
    notice_text = pdf_text.all_text(notice.read_bytes())
    assert "THÔNG BÁO" in notice_text and "(7/10 đồng ý)" in notice_text

    actions = {e["action"] for e in audit}
    assert {
        "live.checked_in",
        "live.attendance_marked",
        "live.floor_given",
        "live.vote_opened",
        "live.vote_closed",
        "live.item",
    } <= actions

    # After the meeting, both go to their signers with the fields on the drawn blocks.
    await chair.call("meeting.transition", meeting_id=mid, to="ended")
    with pytest.raises(ServerError) as refused:
        await delegates[0].call("live.send_for_signing", meeting_id=mid)
    assert refused.value.code == "forbidden"
    clerk = await connect("vanthu")
    sent = await secretary.call("live.send_for_signing", meeting_id=mid)
    with pytest.raises(ServerError) as refused:
        await chair.call("live.send_for_signing", meeting_id=mid)
    assert refused.value.code == "conflict"
    requests = {k: ps.SigningRequestView.model_validate(v) for k, v in sent.items()}
    assert [(s.person_id, s.field_name, s.role.value) for s in requests["minutes"].signers] == [
        ("per_secretary", "thu_ky", "signer"),
        ("per_chair", "chu_tri", "signer"),
        ("per_clerk", "con_dau", "seal"),
    ]
    assert [s.field_name for s in requests["conclusions"].signers] == ["chu_tri", "con_dau"]
    for kind, request in requests.items():
        drawn = made["boxes"][kind]
        placed = [[s.box.page - 1, s.box.x1, s.box.y1, s.box.x2, s.box.y2] for s in request.signers]
        assert placed == [*drawn["signatures"], *[b for b in drawn["seals"] if b]]
        assert request.document_id == made[kind]["id"]

    # The chair declines the notice: only the notice goes again.
    await chair.call("signing.decline", request_id=requests["conclusions"].id, reason="Sửa câu chữ")
    again = await secretary.call("live.send_for_signing", meeting_id=mid)
    assert (
        list(again) == ["conclusions"] and again["conclusions"]["id"] != requests["conclusions"].id
    )
    requests["conclusions"] = ps.SigningRequestView.model_validate(again["conclusions"])

    # They sign in turn on their laptops; the signed files validate.
    keys = {"per_secretary": (secretary, "vice1"), "per_chair": (chair, "chair")}
    keys["per_clerk"] = (clerk, "org")
    for client, label in keys.values():
        await client.call("signing.register_certificate", pem=hall_pki.pem(label))
    for kind, request in requests.items():
        done, final = await sign_in_turn(hall_pki, request, keys)
        assert [s.signed_at is not None for s in done.signers] == [True] * len(done.signers)
        report = await async_validate_pdf(final, [hall_pki.root], other_certs=[hall_pki.interm])
        assert report.all_valid, report.summary_en()
        signed = [s.field_name for s in report.signatures if not s.is_document_timestamp]
        assert signed == [s.field_name for s in request.signers]
        if kind == "minutes":
            signed_text = pdf_text.all_text(final)
            assert "Đồng ý 7 70,0%" in signed_text and "Vắng mặt (Đi công tác)" in signed_text


async def test_two_chairs_open_one_vote_and_move_one_item(connect: Connect) -> None:
    secretary = await connect("thuky")
    chair = await connect("chutich")
    second = await connect("phochutich")
    delegates = [await connect(name) for name in DELEGATES[:6]]
    meeting = await running_meeting(secretary, chair)
    mid = meeting["id"]
    items = [i["id"] for i in meeting["agenda"]]
    for client in [chair, second, *delegates]:
        await client.call("live.check_in", meeting_id=mid)
    await chair.call("live.next_item", meeting_id=mid, expected_item_id=None)

    outcomes = await asyncio.gather(
        chair.call("live.open_vote", meeting_id=mid, question="Thông qua?"),
        second.call("live.open_vote", meeting_id=mid, question="Thông qua?"),
        chair.call("live.open_vote", meeting_id=mid, question="Thông qua?"),
        return_exceptions=True,
    )
    opened = [o for o in outcomes if isinstance(o, dict)]
    refused = [o for o in outcomes if isinstance(o, ServerError)]
    assert len(opened) == 1 and len(refused) == 2
    assert all(r.code == "conflict" for r in refused)
    state = await chair.call("live.state.get", meeting_id=mid)
    assert len(state["votes"]) == 1
    await second.call("live.close_vote", meeting_id=mid, vote_id=opened[0]["id"])

    # A double click on "next" by both chairs moves one item, not three.
    clicks = await asyncio.gather(
        *(
            c.call("live.next_item", meeting_id=mid, expected_item_id=items[0])
            for c in (chair, chair, second)
        ),
        return_exceptions=True,
    )
    assert sum(isinstance(c, dict) for c in clicks) == 1
    state = await second.call("live.state.get", meeting_id=mid)
    assert state["current_item"] == items[1]


async def test_a_delegate_who_drops_mid_vote_votes_after_reconnecting(connect: Connect) -> None:
    secretary = await connect("thuky")
    chair = await connect("chutich")
    delegates = [await connect(name) for name in DELEGATES[:7]]
    meeting = await running_meeting(secretary, chair)
    mid = meeting["id"]
    for client in delegates:
        await client.call("live.check_in", meeting_id=mid)
    await chair.call("live.next_item", meeting_id=mid, expected_item_id=None)
    vote = await chair.call("live.open_vote", meeting_id=mid, question="Thông qua?")
    await delegates[0].call("live.cast", meeting_id=mid, vote_id=vote["id"], choice="yes")
    await delegates[1].close()  # the laptop drops

    again: Client = await connect(DELEGATES[1])
    state = await again.call("live.state.get", meeting_id=mid)
    assert state["voted"] == [] and state["votes"][0]["status"] == "open"
    await again.call("live.check_in", meeting_id=mid)  # harmless: already present
    receipt = await again.call("live.cast", meeting_id=mid, vote_id=vote["id"], choice="no")
    assert receipt["counts"] == {"yes": 1, "no": 1, "abstain": 0}
    state = await again.call("live.state.get", meeting_id=mid)
    assert state["voted"] == [vote["id"]]


async def test_a_timed_vote_closes_by_itself(connect: Connect) -> None:
    secretary = await connect("thuky")
    chair = await connect("chutich")
    delegates = [await connect(name) for name in DELEGATES[:7]]
    meeting = await running_meeting(secretary, chair)
    mid = meeting["id"]
    for client in delegates:
        await client.call("live.check_in", meeting_id=mid)
    await chair.call("live.next_item", meeting_id=mid, expected_item_id=None)
    vote = await chair.call("live.open_vote", meeting_id=mid, question="Thông qua?", seconds=5)
    await delegates[0].call("live.cast", meeting_id=mid, vote_id=vote["id"], choice="yes")
    closed = await event_where(secretary, _vote_event(vote["id"], "closed"), timeout=30)
    assert isinstance(closed, pl.VoteChanged)
    assert closed.vote.counts == {"yes": 1, "no": 0, "abstain": 0}
    assert closed.vote.closed_at == closed.vote.closes_at
    with pytest.raises(ServerError) as refused:
        await delegates[1].call("live.cast", meeting_id=mid, vote_id=vote["id"], choice="yes")
    assert refused.value.code == "invalid_state"


async def test_presenting_follows_the_presenter(connect: Connect, tmp_path: Path) -> None:
    secretary = await connect("thuky")
    chair = await connect("chutich")
    delegate = await connect(DELEGATES[0])
    meeting = await running_meeting(secretary, chair)
    mid = meeting["id"]
    with pytest.raises(ServerError) as refused:
        await chair.call("live.present", meeting_id=mid, document_id="doc_none", page=1)
    assert refused.value.code == "not_found"
    paper = tmp_path / "bao-cao.pdf"
    paper.write_bytes(pdfs.vietnamese_pdf(3))
    document = await secretary.upload(mid, paper, title="Báo cáo")
    await chair.call("live.present", meeting_id=mid, document_id=document.id, page=1)
    await chair.call("live.present", meeting_id=mid, document_id=document.id, page=3)
    shown = await event_where(
        delegate,
        lambda e: (
            isinstance(e, pl.PresentationChanged)
            and e.presentation is not None
            and e.presentation.page == 3
        ),
    )
    assert isinstance(shown, pl.PresentationChanged) and shown.presentation is not None
    assert shown.presentation.document_id == document.id


async def test_ballots_sent_together_count_once_each(connect: Connect) -> None:
    secretary = await connect("thuky")
    chair = await connect("chutich")
    delegates = [await connect(name) for name in DELEGATES[:7]]
    meeting = await running_meeting(secretary, chair)
    mid = meeting["id"]
    for client in delegates:
        await client.call("live.check_in", meeting_id=mid)
    await chair.call("live.next_item", meeting_id=mid, expected_item_id=None)
    vote = await chair.call("live.open_vote", meeting_id=mid, question="Thông qua?")
    # Every delegate votes, and the first one clicks three times: the ballots travel in the
    # same batches, and the repeated ones are refused alone.
    calls = [
        c.call("live.cast", meeting_id=mid, vote_id=vote["id"], choice="yes") for c in delegates
    ] + [
        delegates[0].call("live.cast", meeting_id=mid, vote_id=vote["id"], choice=x)
        for x in ("no", "abstain")
    ]
    outcomes = await asyncio.gather(*calls, return_exceptions=True)
    refused = [o for o in outcomes if isinstance(o, ServerError)]
    assert len(refused) == 2 and all(r.code == "conflict" for r in refused)
    closed = await chair.call("live.close_vote", meeting_id=mid, vote_id=vote["id"])
    assert closed["counts"] == {"yes": 7, "no": 0, "abstain": 0}


async def test_the_chair_sets_the_quorum_rule(connect: Connect) -> None:
    secretary = await connect("thuky")
    chair = await connect("chutich")
    meeting = await running_meeting(secretary, chair)
    mid = meeting["id"]
    with pytest.raises(ServerError) as refused:
        await secretary.call("live.configure", meeting_id=mid, speaking_seconds=120)
    assert refused.value.code == "forbidden"  # the chair's control
    state = await chair.call(
        "live.configure",
        meeting_id=mid,
        quorum_numerator=2,
        quorum_denominator=3,
        quorum_strict=False,
        speaking_seconds=120,
    )
    assert state["quorum"]["required"] == 8  # at least two thirds of 12
    assert state["speaking_seconds"] == 120
    seen = await event_where(
        secretary, lambda e: isinstance(e, pl.AttendanceChanged) and e.quorum.required == 8
    )
    assert isinstance(seen, pl.AttendanceChanged)
