"""A week of meetings: seven day columns with a card per meeting, and week navigation."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ecabinet.calendar.model import local_time, place_text
from ecabinet.calendar.status_names import COLOURS, status_name
from ecabinet.core.meeting_time import meeting_today
from ecabinet.data.meeting_store import MeetingStore
from meetings import protocol as p


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


class MeetingCard(QPushButton):
    def __init__(self, meeting: p.MeetingSummary, unit: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.meeting_id = meeting.id
        start, end = local_time(meeting.starts_at), local_time(meeting.ends_at)
        lines = [f"{start:%H:%M}–{end:%H:%M} · {status_name(meeting.status)}", meeting.title]
        if place := place_text(meeting):
            lines.append(place)
        lines.append(unit)
        self.setText("\n".join(lines))
        self.setObjectName("meetingCard")
        self.setToolTip(meeting.title)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setStyleSheet(f"#meetingCard {{ border-left: 5px solid {COLOURS[meeting.status]}; }}")


class WeekView(QWidget):
    meeting_activated = Signal(str)

    def __init__(
        self, store: MeetingStore, today: date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.week_start = monday_of(today or meeting_today())
        self.cards: list[MeetingCard] = []
        self.previous_button, self.today_button, self.next_button = (
            QPushButton(),
            QPushButton(),
            QPushButton(),
        )
        self.range_label = QLabel()
        self.range_label.setObjectName("weekRange")
        bar = QHBoxLayout()
        bar.addWidget(self.previous_button)
        bar.addWidget(self.today_button)
        bar.addWidget(self.next_button)
        bar.addSpacing(12)
        bar.addWidget(self.range_label, 1)
        self.days = QHBoxLayout()
        self.days.setSpacing(6)
        body = QWidget()
        body.setLayout(self.days)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(scroll, 1)
        self.previous_button.clicked.connect(lambda: self.show_week(self.week_start - timedelta(7)))
        self.next_button.clicked.connect(lambda: self.show_week(self.week_start + timedelta(7)))
        self.today_button.clicked.connect(lambda: self.show_week(monday_of(meeting_today())))
        store.reset.connect(self.redraw)
        store.changed.connect(self.redraw)
        store.removed.connect(self.redraw)
        self.retranslate()

    def retranslate(self) -> None:
        self.previous_button.setText(self.tr("◀ Previous week"))
        self.today_button.setText(self.tr("This week"))
        self.next_button.setText(self.tr("Next week ▶"))
        self.redraw()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_week(self, monday: date) -> None:
        self.week_start = monday_of(monday)
        self.redraw()

    def meetings_on(self, day: date) -> list[p.MeetingSummary]:
        return [m for m in self.store.sorted_summaries() if local_time(m.starts_at).date() == day]

    def redraw(self, *_: object) -> None:
        while self.days.count():
            item = self.days.takeAt(0)
            if item is not None and (widget := item.widget()):
                widget.deleteLater()
        self.cards = []
        locale = QLocale()
        end = self.week_start + timedelta(days=6)
        self.range_label.setText(
            self.tr("Week of {0} – {1}").format(f"{self.week_start:%d/%m}", f"{end:%d/%m/%Y}")
        )
        for offset in range(7):
            day = self.week_start + timedelta(days=offset)
            self.days.addWidget(self._day_column(day, locale), 1)

    def _day_column(self, day: date, locale: QLocale) -> QFrame:
        column = QFrame()
        column.setObjectName("dayColumnToday" if day == meeting_today() else "dayColumn")
        layout = QVBoxLayout(column)
        name = locale.standaloneDayName(day.isoweekday(), QLocale.FormatType.LongFormat)
        header = QLabel(f"{name}\n{day:%d/%m}")
        header.setAlignment(Qt.AlignmentFlag.AlignCenter)
        header.setObjectName("dayHeader")
        layout.addWidget(header)
        for meeting in self.meetings_on(day):
            card = MeetingCard(meeting, self.store.directory.unit_name(meeting.organiser_unit_id))
            card.clicked.connect(lambda _=False, m=meeting.id: self.meeting_activated.emit(m))
            layout.addWidget(card)
            self.cards.append(card)
        layout.addStretch(1)
        return column


def week_containing(moment: datetime) -> date:
    return monday_of(local_time(moment).date())
