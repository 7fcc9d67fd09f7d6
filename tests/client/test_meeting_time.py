"""Meeting times read in Vietnam time (+07:00) on a laptop whose clock is set to UTC."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
from pytestqt.qtbot import QtBot

from ecabinet.agenda.model import AgendaModel
from ecabinet.calendar.model import MeetingListModel
from ecabinet.calendar.week_view import WeekView
from ecabinet.core.meeting_time import meeting_time, meeting_today
from ecabinet.data.meeting_store import MeetingStore
from meetings import protocol as p


@pytest.fixture
def utc_laptop(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    assert datetime(2026, 12, 1, 7).astimezone().utcoffset() == timedelta(0)
    yield
    monkeypatch.undo()
    time.tzset()


def meeting(starts: str, ends: str) -> p.MeetingDetail:
    return p.MeetingDetail.model_validate(
        {
            "id": "m1",
            "title": "Họp giao ban",
            "organiser_unit_id": "ubnd",
            "starts_at": starts,
            "ends_at": ends,
            "hall": "Hội trường A",
            "video": False,
            "status": "published",
            "version": 1,
            "planned_minutes": 40,
            "description": "",
            "invited_unit_ids": [],
            "invited_person_ids": [],
            "documents": [],
            "agenda": [
                {
                    "id": "a1",
                    "title": "Khai mạc",
                    "planned_minutes": 10,
                    "presenter_id": None,
                    "presenter_name": "",
                    "document_ids": [],
                },
                {
                    "id": "a2",
                    "title": "Thảo luận",
                    "planned_minutes": 30,
                    "presenter_id": None,
                    "presenter_name": "",
                    "document_ids": [],
                },
            ],
        }
    )


@pytest.mark.usefixtures("utc_laptop")
@pytest.mark.parametrize(
    "starts,ends",
    [
        ("2026-12-01T14:00:00+07:00", "2026-12-01T17:00:00+07:00"),
        ("2026-12-01T07:00:00Z", "2026-12-01T10:00:00Z"),  # the same moment, sent in UTC
    ],
)
def test_views_show_the_meetings_own_clock(qtbot: QtBot, starts: str, ends: str) -> None:
    store = MeetingStore()
    store.put(meeting(starts, ends))
    listed = MeetingListModel(store)
    assert listed.index(0, 0).data() == "01/12/2026 14:00–17:00"
    agenda = AgendaModel()
    agenda.set_meeting(store.details["m1"])
    assert agenda.index(0, 1).data() == "14:00–14:10"
    assert agenda.index(1, 1).data() == "14:10–14:40"
    week = WeekView(store, today=date(2026, 12, 1))
    qtbot.addWidget(week)
    assert [c.meeting_id for c in week.cards] == ["m1"]
    assert week.cards[0].text().startswith("14:00–17:00")


@pytest.mark.usefixtures("utc_laptop")
def test_a_late_evening_meeting_stays_on_its_vietnamese_day(qtbot: QtBot) -> None:
    # 00:30 on 2 December in Hà Nội is still 1 December in UTC.
    store = MeetingStore()
    store.put(meeting("2026-12-02T00:30:00+07:00", "2026-12-02T01:30:00+07:00"))
    week = WeekView(store, today=date(2026, 11, 30))
    qtbot.addWidget(week)
    assert len(week.cards) == 1
    assert week.meetings_on(date(2026, 12, 2)) and not week.meetings_on(date(2026, 12, 1))


def test_today_is_vietnams_today() -> None:
    assert meeting_today(datetime(2026, 12, 1, 18, 30, tzinfo=UTC)) == date(2026, 12, 2)
    with pytest.raises(ValueError, match="offset"):
        meeting_time(datetime(2026, 12, 1, 14))
