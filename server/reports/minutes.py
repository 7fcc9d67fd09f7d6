"""The minutes (biên bản) and the conclusion notice (thông báo kết luận) of a meeting, built
from the live record: attendance, the agenda, who spoke on what and for how long, and the
votes. Both are `server.pdfgen.AdministrativeDocument`s in the layout of Decree 30/2020,
rendered with their signature boxes so that the signing workflow can place its fields."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from meetings.live.minutes_notes import MinutesNote
from meetings.live.model import CHOICE_VI, Choice, LiveState, Presence, Vote, VoteKind
from meetings.live.votes import passed
from meetings.meeting import Meeting
from meetings.units import Unit, UnitKind
from server.pdfgen import (
    AdministrativeDocument,
    Align,
    BulletList,
    Column,
    DocumentKind,
    HeaderVariant,
    Heading,
    IssuingBody,
    NumberedList,
    Paragraph,
    RenderedDocument,
    SignatureBlock,
    Table,
    render,
)

PRESENCE_VI = {
    Presence.HALL: "Có mặt tại hội trường",
    Presence.ONLINE: "Tham dự trực tuyến",
    Presence.ABSENT: "Vắng mặt",
}
KIND_VI = {VoteKind.NAMED: "biểu quyết công khai", VoteKind.SECRET: "bỏ phiếu kín"}


@dataclass(frozen=True, slots=True)
class MeetingRecord:
    """Everything the two documents are made of; the server gathers it from the store."""

    meeting: Meeting
    organiser: Unit
    state: LiveState
    chair_name: str
    chair_title: str  # e.g. "Chủ tịch"
    secretary_name: str
    place: str  # the place name in the date line, e.g. "Thủ Dầu Một"
    written_at: datetime
    notes: Mapping[str, MinutesNote] = field(default_factory=dict)
    """The secretary's notes by agenda item: the discussion and the conclusion."""


def _paragraphs(text: str) -> list[Paragraph]:
    """The secretary's text: one paragraph per non-empty line."""
    return [Paragraph.of(line.strip()) for line in text.splitlines() if line.strip()]


def _issuer(unit: Unit) -> tuple[IssuingBody, str, HeaderVariant]:
    """The issuing body, the organisation part of the symbol and the header variant."""
    name = unit.name.replace("UBND ", "Ủy ban nhân dân ")
    if unit.kind is UnitKind.PARTY_COMMITTEE:
        return IssuingBody(name), "TU", HeaderVariant.PARTY
    prefix = "Ủy ban nhân dân "
    if name.startswith(prefix):
        # "ỦY BAN NHÂN DÂN" on its own line, the place under it, as Decree 30 shows it.
        return IssuingBody(prefix.strip() + "\n" + name[len(prefix) :]), "UBND", HeaderVariant.STATE
    return IssuingBody(name), "VP", HeaderVariant.STATE


def _symbol(kind: DocumentKind, org: str, variant: HeaderVariant) -> str:
    if variant is HeaderVariant.PARTY:
        return f"{kind.abbreviation}/{org}"
    return f"{kind.abbreviation}-{org}"


def _lower_first(text: str) -> str:
    """A title inside a sentence: "Phiên họp ..." reads "... tổ chức phiên họp ..."."""
    return text[:1].lower() + text[1:]


def duration_vi(seconds: int) -> str:
    minutes, rest = divmod(seconds, 60)
    if minutes and rest:
        return f"{minutes} phút {rest} giây"
    return f"{minutes} phút" if minutes else f"{rest} giây"


def _clock_vi(moment: datetime) -> str:
    return f"{moment.hour:02d} giờ {moment.minute:02d} phút"


def _attendance_table(state: LiveState, sites: bool) -> Table:
    rows = []
    people = [x for x in state.roster if x.site is sites]
    for number, person in enumerate(people, 1):
        here = state.attendee(person.person_id)
        if here is None:
            status = "Chưa điểm danh"
        elif here.presence is Presence.ABSENT:
            status = f"Vắng mặt ({here.reason})" if here.reason else "Vắng mặt"
        else:
            status = PRESENCE_VI[here.presence]
        rows.append((str(number), person.full_name, status))
    return Table(
        columns=(
            Column("STT", 1, Align.CENTER),
            Column("Điểm cầu" if sites else "Họ và tên", 5),
            Column("Tình hình tham dự", 4),
        ),
        rows=tuple(rows),
        caption="Các điểm cầu trực tuyến" if sites else "Danh sách thành viên",
    )


def _name(state: LiveState, person_id: str) -> str:
    found = state.participant(person_id)
    return found.full_name if found is not None else person_id


def _vote_blocks(state: LiveState, vote: Vote) -> list[Paragraph | Table | BulletList]:
    eligible, cast = len(vote.eligible), len(vote.voters)
    outcome = "được thông qua" if passed(vote) else "không được thông qua"
    blocks: list[Paragraph | Table | BulletList] = [
        Paragraph.of(
            f"Biểu quyết ({KIND_VI[vote.kind]}): {vote.question} Số thành viên được biểu quyết: "
            f"{eligible}; số phiếu: {cast}. Kết quả: nội dung {outcome}."
        ),
        Table(
            columns=(
                Column("Phương án", 4),
                Column("Số phiếu", 2, Align.CENTER),
                Column("Tỷ lệ trên số được biểu quyết", 4, Align.CENTER),
            ),
            rows=tuple(
                (
                    CHOICE_VI[c],
                    str(vote.count(c)),
                    f"{vote.count(c) * 100 / eligible:.1f}%".replace(".", ",") if eligible else "",
                )
                for c in Choice
            ),
        ),
    ]
    if vote.kind is VoteKind.NAMED and vote.choices:
        by_choice = {c: [_name(state, p) for p, x in vote.choices if x is c] for c in Choice}
        blocks.append(
            BulletList(
                tuple(
                    f"{CHOICE_VI[c]}: {', '.join(names)}."
                    for c, names in by_choice.items()
                    if names
                )
            )
        )
    return blocks


def minutes(record: MeetingRecord) -> AdministrativeDocument:
    state, meeting = record.state, record.meeting
    issuer, org, variant = _issuer(record.organiser)
    quorum = state.quorum()
    start = meeting.starts_at
    body: list[object] = [
        Paragraph.of(
            f"Vào lúc {_clock_vi(start)} ngày {start.day:02d} tháng {start.month:02d} năm "
            f"{start.year}, tại {meeting.place.hall or 'phòng họp trực tuyến'}, "
            f"{record.organiser.name} tổ chức {_lower_first(meeting.title)}."
        ),
        Heading("I. THÀNH PHẦN THAM DỰ", level=1),
        Paragraph.of(f"Chủ trì: {record.chair_name}, {record.chair_title}."),
        Paragraph.of(f"Thư ký: {record.secretary_name}."),
        Paragraph.of(
            f"Số thành viên: {quorum.members}; có mặt: {quorum.present}; vắng mặt: "
            f"{quorum.members - quorum.present}. Số thành viên cần có mặt: {quorum.required}; "
            + ("cuộc họp đủ túc số." if quorum.reached else "cuộc họp không đủ túc số.")
        ),
        _attendance_table(state, sites=False),
    ]
    if any(x.site for x in state.roster):
        body.append(_attendance_table(state, sites=True))
    body.append(Heading("II. NỘI DUNG", level=1))
    for number, item in enumerate(meeting.agenda, 1):
        body.append(Heading(f"{number}. {item.title}", level=2))
        if item.presenter_name or item.presenter_id:
            presenter = item.presenter_name or _name(state, item.presenter_id or "")
            body.append(Paragraph.of(f"Trình bày: {presenter}."))
        speeches = [s for s in state.speeches if s.item_id == item.id]
        if speeches:
            body.append(Paragraph.of("Ý kiến phát biểu:"))
            body.append(
                NumberedList(
                    tuple(
                        f"{_name(state, s.person_id)} (thời gian phát biểu "
                        f"{duration_vi(s.seconds)})."
                        for s in speeches
                    )
                )
            )
        else:
            body.append(Paragraph.of("Không có ý kiến phát biểu."))
        note = record.notes.get(item.id)
        if note is not None and note.discussion:
            body.append(Paragraph.of("Tóm tắt ý kiến thảo luận:"))
            body.extend(_paragraphs(note.discussion))
        for vote in (v for v in state.votes if v.item_id == item.id and not v.is_open):
            body.extend(_vote_blocks(state, vote))
        if note is not None and note.conclusion:
            body.append(Paragraph.of("Kết luận của chủ trì:"))
            body.extend(_paragraphs(note.conclusion))
    body.append(Heading("III. KẾT THÚC", level=1))
    body.append(
        Paragraph.of(
            f"Cuộc họp kết thúc lúc {_clock_vi(record.written_at)} cùng ngày. Biên bản được lập "
            "từ dữ liệu điểm danh, phát biểu và biểu quyết ghi nhận trên hệ thống phòng họp "
            "không giấy."
        )
    )
    return AdministrativeDocument(
        issuer=issuer,
        kind=DocumentKind.BIEN_BAN,
        symbol=_symbol(DocumentKind.BIEN_BAN, org, variant),
        place=record.place,
        date=record.written_at.date(),
        summary=meeting.title,
        body=tuple(body),  # type: ignore[arg-type]
        signatures=(
            SignatureBlock(title="Thư ký", signer=record.secretary_name, seal=False),
            SignatureBlock(title=record.chair_title, signer=record.chair_name, authority="Chủ trì"),
        ),
        recipients=("Các thành viên dự họp", "Lưu: VT."),
        variant=variant,
    )


def conclusions(record: MeetingRecord) -> AdministrativeDocument:
    state, meeting = record.state, record.meeting
    issuer, org, variant = _issuer(record.organiser)
    start = meeting.starts_at
    points: list[str] = []
    for item in meeting.agenda:
        closed = [v for v in state.votes if v.item_id == item.id and not v.is_open]
        note = record.notes.get(item.id)
        said = " ".join(note.conclusion.split()) if note is not None else ""
        if not closed:
            points.append(
                f"Về {_lower_first(item.title)}: {said or 'ghi nhận nội dung trình bày.'}"
            )
            continue
        results = "; ".join(
            f"{v.question} {'thông qua' if passed(v) else 'không thông qua'} "
            f"({v.count(Choice.YES)}/{len(v.eligible)} đồng ý)"
            for v in closed
        )
        points.append(f"Về {_lower_first(item.title)}: {results}." + (f" {said}" if said else ""))
    body = (
        Paragraph.of(
            f"Ngày {start.day:02d} tháng {start.month:02d} năm {start.year}, "
            f"{record.organiser.name} tổ chức {_lower_first(meeting.title)} "
            f"do {record.chair_title} {record.chair_name} chủ trì. Sau khi nghe trình bày và ý "
            "kiến phát biểu của các thành viên, chủ trì cuộc họp kết luận như sau:"
        ),
        NumberedList(tuple(points)),
        Paragraph.of(
            "Giao các cơ quan, đơn vị liên quan tổ chức thực hiện theo nội dung kết luận."
        ),
    )
    return AdministrativeDocument(
        issuer=issuer,
        kind=DocumentKind.THONG_BAO,
        symbol=_symbol(DocumentKind.THONG_BAO, org, variant),
        place=record.place,
        date=record.written_at.date(),
        summary=f"Kết luận của {record.chair_title} tại {_lower_first(meeting.title)}",
        body=body,
        signatures=(
            SignatureBlock(title=record.chair_title, signer=record.chair_name, authority="Chủ trì"),
        ),
        recipients=("Các thành viên dự họp", "Các đơn vị liên quan", "Lưu: VT."),
        variant=variant,
    )


def render_both(record: MeetingRecord) -> tuple[RenderedDocument, RenderedDocument]:
    """The minutes and the conclusion notice as PDFs, with their signature boxes."""
    return render(minutes(record)), render(conclusions(record))
