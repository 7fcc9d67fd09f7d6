"""Ward-hall mode (điểm cầu): the room PC shows the spotlighted site full screen with a small
self view and one big raise-hand button, and joins its meeting's call by itself.

`choose_meeting` picks the meeting: today's (in the meetings' time zone) soonest one with
video that is published or running and not over. `WardHallMode` waits for its scheduled start
(at once if it has begun), then opens the call screen; it looks again whenever the meeting
list changes.
"""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QImage, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget
from qasync import asyncSlot

from ecabinet.call.controller import CallController
from ecabinet.call.model import Change
from ecabinet.call.tiles import VideoTile
from ecabinet.core.meeting_time import MEETING_ZONE
from ecabinet.data.meeting_store import MeetingStore
from ecabinet.net.connection import Connection
from ecabinet.shell.window import MainWindow
from meetings import protocol as p
from meetings.meeting import MeetingStatus
from meetings.people import Role

log = logging.getLogger(__name__)

OPEN_STATUSES = {MeetingStatus.PUBLISHED, MeetingStatus.IN_PROGRESS}
MAX_WAIT_MS = 6 * 3600 * 1000  # look again at least this often


def is_room_account(person: p.PersonView | None) -> bool:
    """A ward hall's room account: every role it holds is the room role."""
    return bool(person and person.memberships) and all(
        m.role == Role.ROOM
        for m in person.memberships  # type: ignore[union-attr]
    )


def choose_meeting(meetings: list[p.MeetingSummary], now: datetime) -> p.MeetingSummary | None:
    today = now.astimezone(MEETING_ZONE).date()
    candidates = [
        m
        for m in meetings
        if m.video
        and m.status in OPEN_STATUSES
        and m.starts_at.astimezone(MEETING_ZONE).date() == today
        and m.ends_at > now
    ]
    return min(candidates, key=lambda m: (m.starts_at, m.title), default=None)


class WardHallView(QWidget):
    """The spotlighted site large, this room small in a corner, one big button."""

    closed = Signal()

    def __init__(self, controller: CallController, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("wardHall")
        self.setStyleSheet("#wardHall { background: #0f141c; } QLabel { color: white; }")
        self.controller = controller
        self.session = controller.session
        self.title = title
        self.big_site: str | None = None
        self.big = VideoTile("", "")
        self.self_view = VideoTile(self.session.me, "", self.big)
        self.self_view.setFixedSize(240, 135)
        self.heading = QLabel()
        font = QFont(self.heading.font())
        font.setPointSize(font.pointSize() + 6)
        font.setBold(True)
        self.heading.setFont(font)
        self.status = QLabel()
        self.hand_button = QPushButton()
        self.hand_button.setObjectName("wardHallHand")
        self.hand_button.setCheckable(True)
        self.hand_button.setMinimumHeight(96)
        big_font = QFont(self.hand_button.font())
        big_font.setPointSize(big_font.pointSize() + 12)
        big_font.setBold(True)
        self.hand_button.setFont(big_font)
        self.hand_button.setStyleSheet(
            "QPushButton { background: #1f6feb; color: white; border-radius: 12px; }"
            "QPushButton:checked { background: #f5b700; color: black; }"
        )
        self.hand_button.clicked.connect(self._hand_clicked)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.big, 1)
        layout.addWidget(self.hand_button)
        controller.on_change.append(self._changed)
        controller.on_picture.append(self._picture)
        controller.on_message.append(self.status.setText)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.title)
        self.hand_button.setText(
            self.tr("Hand raised: waiting for the floor")
            if self.session.hand_raised
            else self.tr("Raise hand to speak")
        )
        self.status.setText(self.controller.phase_text())
        if self.big_site is None:
            self.big.placeholder.setText(self.tr("Waiting for the other sites…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Esc leaves full screen (the room's operator may need the desktop); the call goes on.
        if event.key() == Qt.Key.Key_Escape and self.isFullScreen():
            self.showNormal()
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        margin = 12
        # Top right: the bottom of a picture carries its site's name and clock.
        self.self_view.move(
            self.big.width() - self.self_view.width() - margin,
            margin,
        )
        self.self_view.raise_()

    def choose_big(self) -> str | None:
        """The spotlight, else the speaker, else the first hall site: never this room."""
        room = self.session.room
        me = self.session.site
        for site in (room.spotlight, room.speaker):
            if site and site != me and site in room.sites:
                return site
        others = [s for s in room.sites.values() if s.site != me]
        halls = [s for s in others if s.hall]
        return (halls or others)[0].site if others else None

    def _changed(self, what: str) -> None:
        big = self.choose_big()
        if big != self.big_site:
            self.big_site = big
            self.big.site = big or ""
            self.big.image = None
            self.big.pictures = 0
        room = self.session.room
        if big is not None:
            state = room.sites[big]
            self.big.set_name(state.name)
            self.big.set_state(
                speaking=room.speaker == big,
                muted=state.muted,
                floor=room.floor == big,
                pinned=room.pinned,
                quality=state.quality,
            )
        mine = room.sites.get(self.session.site)
        if mine is not None:
            self.self_view.set_name(mine.name)
        self.hand_button.setChecked(self.session.hand_raised)
        if what in (Change.PHASE, Change.HAND, Change.SITES):
            self.retranslate()

    def _picture(self, site: str, image: QImage) -> None:
        if site == self.big_site:
            self.big.set_image(image)
        elif site == self.session.me:
            self.self_view.set_image(image)

    @asyncSlot()
    async def _hand_clicked(self) -> None:
        await self.controller.attempt(self.session.raise_hand(not self.session.hand_raised))
        self.hand_button.setChecked(self.session.hand_raised)
        self.retranslate()


class WardHallMode(QObject):
    """Waits for the room's meeting and opens its call full screen at the scheduled start."""

    def __init__(
        self,
        store: MeetingStore,
        connection: Connection,
        me: p.PersonView,
        *,
        full_screen: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.connection = connection
        self.me = me
        self.full_screen = full_screen
        self.meeting: p.MeetingSummary | None = None
        self.view: WardHallView | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._start)
        store.reset.connect(self.arm)
        store.changed.connect(lambda _id: self.arm())

    def arm(self, now: datetime | None = None) -> p.MeetingSummary | None:
        """Choose the meeting and wait for its start; returns it (None: nothing today)."""
        if self.view is not None:
            return self.meeting
        now = now or datetime.now(MEETING_ZONE)
        self.meeting = choose_meeting(self.store.sorted_summaries(), now)
        if self.meeting is None:
            self.timer.stop()
            return None
        wait_ms = int((self.meeting.starts_at - now).total_seconds() * 1000)
        self.timer.start(max(0, min(wait_ms, MAX_WAIT_MS)))
        return self.meeting

    @asyncSlot()
    async def _start(self) -> None:
        meeting = self.meeting
        if meeting is None or self.view is not None:
            return
        if datetime.now(MEETING_ZONE) < meeting.starts_at:
            self.arm()  # woke early (the long wait is capped): wait again
            return
        await self.open(meeting)

    async def open(self, meeting: p.MeetingSummary) -> WardHallView:
        controller = CallController(self.connection, meeting.id, self.me)
        view = WardHallView(controller, meeting.title)
        view.setWindowFlag(Qt.WindowType.Window)
        self.view = view
        if self.full_screen:
            view.showFullScreen()
        else:
            view.show()
        await controller.start()
        return view

    async def close(self) -> None:
        self.timer.stop()
        if self.view is not None:
            await self.view.controller.leave()
            self.view.close()
            self.view.deleteLater()
            self.view = None


def attach_ward_hall(window: MainWindow, *, forced: bool = False) -> None:
    """Once signed in, a room account (or any account with ``--ward-hall``) gets ward-hall
    mode: it waits for today's video meeting and joins it full screen."""

    modes: list[WardHallMode] = []

    def ready() -> None:
        me = window.connection.me
        if me is None or modes:
            return
        if forced or is_room_account(me):
            modes.append(WardHallMode(window.store, window.connection, me, parent=window))
            modes[0].arm()

    window.ready.connect(ready)
