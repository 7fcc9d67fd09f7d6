"""The live meeting screen, one tab per meeting, arranged by what the person may do: the
chair's screen (agenda and "Next item", quorum, roll call, the floor, votes, the video slot),
the delegate's panel (check in, ask to speak, vote), presenting, and the secretary's minutes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ecabinet.data.meeting_store import MeetingStore
from ecabinet.live.actions import LiveActions
from ecabinet.live.chair import (
    CLOSE_VOTE_KEY,
    END_FLOOR_KEY,
    GIVE_FLOOR_KEY,
    NEXT_ITEM_KEY,
    OPEN_VOTE_KEY,
    AgendaPanel,
    FloorPanel,
    QuorumBadge,
    RollCallPanel,
)
from ecabinet.live.delegate import DelegatePanel
from ecabinet.live.minutes import MinutesPanel
from ecabinet.live.presenting import FollowBar, Opener, PresentationFollower, PresentControl
from ecabinet.live.roles import LiveRoles
from ecabinet.live.settings import MeetingSettingsDialog
from ecabinet.live.state import LiveState, my_entry, open_vote
from ecabinet.live.votes import BallotPanel, VoteControl, VoteResults
from ecabinet.net.connection import Connection, LinkState
from meetings import protocol as p
from meetings import protocol_live as pl
from meetings.meeting import MeetingStatus


def scrolling(widget: QWidget) -> QScrollArea:
    """A column that scrolls when the screen is too low for it (a 1366×768 laptop with a
    ballot open), rather than growing the window past the screen."""
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


class LiveScreen(QWidget):
    attention = Signal()  # something needs this person now: a ballot, or the floor
    join_video = Signal(str)  # the meeting's video session, shown in `video_area`

    def __init__(
        self,
        meeting: p.MeetingDetail,
        store: MeetingStore,
        connection: Connection,
        me: p.PersonView | None,
        opener: Opener,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("liveScreen")
        self.meeting_id = meeting.id
        self.store = store
        self.connection = connection
        self.roles = LiveRoles.of(me, meeting)
        self.state = LiveState(connection, meeting.id, self)
        self.live = LiveActions(connection, self.state, self, self)
        self._meeting = meeting

        self.title = QLabel(meeting.title)
        self.title.setObjectName("liveTitle")
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.quorum = QuorumBadge(self.state)
        self.settings_button = QPushButton()
        self.settings_button.setObjectName("meetingSettingsButton")
        self.settings_button.setVisible(self.roles.chair)
        self.settings_button.clicked.connect(self.open_settings)
        self.settings_dialog: MeetingSettingsDialog | None = None
        self.message = QLabel()
        self.message.setObjectName("liveMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3261e;")
        self.message.hide()

        organiser = self.roles.chair or self.roles.roll_call
        self.agenda = AgendaPanel(self.state, self.live, meeting.agenda, self.roles.chair)
        self.roll_call = RollCallPanel(self.state, self.live, self.roles.roll_call)
        self.roll_call.setVisible(organiser)
        self.floor = FloorPanel(self.state, self.live, self.roles.chair)
        self.floor.setVisible(organiser)
        self.delegate = DelegatePanel(self.state, self.live, meeting.agenda)
        self.ballot = BallotPanel(self.state, self.live)
        self.vote_control = VoteControl(self.state, self.live)
        self.vote_control.setVisible(self.roles.chair)
        self.results = VoteResults(self.state)
        self.follower = PresentationFollower(self.state, self.live, opener, self)
        self.follow_bar = FollowBar(self.follower)
        self.present = PresentControl(self.state, self.live, self.documents)
        self.present.setVisible(self.roles.present)
        self.minutes = MinutesPanel(
            self.state, self.live, self.meeting, opener, self.refresh_meeting
        )

        # The video grid of the meeting's call goes here (ecabinet/call fills it).
        self.video_area = QWidget()
        self.video_area.setObjectName("video_area")
        self.video_area.setMinimumHeight(120)
        self.video_area.setStyleSheet("#video_area { background: #20242a; border-radius: 4px; }")
        video_layout = QVBoxLayout(self.video_area)
        self.video_placeholder = QLabel()
        self.video_placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.video_placeholder.setStyleSheet("color: #c8ccd2;")
        video_layout.addWidget(self.video_placeholder)
        self.video_button = QPushButton()
        self.video_button.setObjectName("liveJoinVideo")
        self.video_button.clicked.connect(lambda: self.join_video.emit(self.meeting_id))
        video_layout.addWidget(self.video_button, 0, Qt.AlignmentFlag.AlignHCenter)
        self.video: QWidget | None = None
        self.not_in_session = QLabel()
        self.not_in_session.setObjectName("notInSession")
        self.not_in_session.setWordWrap(True)
        self.not_in_session.setStyleSheet(
            "QLabel { background: #fff3c4; padding: 6px; border-radius: 4px; }"
        )

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.agenda, 2)
        left_layout.addWidget(self.roll_call, 3)

        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.addWidget(self.video_area, 3)
        centre_layout.addWidget(self.ballot)  # under the video, where a vote is seen at once
        centre_layout.addWidget(self.floor, 2)
        centre_layout.addWidget(self.delegate)

        self.side = QTabWidget()
        self.side.setObjectName("liveSide")
        votes = QWidget()
        votes_layout = QVBoxLayout(votes)
        votes_layout.addWidget(self.vote_control)
        votes_layout.addWidget(self.results, 1)
        presenting = QWidget()
        presenting_layout = QVBoxLayout(presenting)
        presenting_layout.addWidget(self.follow_bar)
        presenting_layout.addWidget(self.present)
        presenting_layout.addStretch(1)
        self.side.addTab(scrolling(votes), "")
        self.side.addTab(presenting, "")
        if self.roles.minutes:
            self.side.addTab(self.minutes, "")
        else:
            self.minutes.hide()

        split = QSplitter()
        split.addWidget(left)
        self.centre = scrolling(centre)
        split.addWidget(self.centre)
        split.addWidget(self.side)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setStretchFactor(2, 2)
        split.setSizes([2000, 3000, 2400])  # proportions; Qt scales them to the width
        self.split = split

        heading = QHBoxLayout()
        heading.addWidget(self.title, 1)
        heading.addWidget(self.quorum)
        heading.addWidget(self.settings_button)
        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addWidget(self.not_in_session)
        layout.addWidget(self.message)
        layout.addWidget(split, 1)

        # The chair's keys, live while this tab is shown (a hidden tab's shortcuts sleep).
        self.shortcuts: list[QShortcut] = []
        if self.roles.chair:
            for key, button in (
                (NEXT_ITEM_KEY, self.agenda.next_button),
                (GIVE_FLOOR_KEY, self.floor.give_button),
                (END_FLOOR_KEY, self.floor.end_button),
                (OPEN_VOTE_KEY, self.vote_control.open_button),
                (CLOSE_VOTE_KEY, self.vote_control.close_button),
            ):
                shortcut = QShortcut(key, self)
                shortcut.activated.connect(button.click)  # nothing while the button is disabled
                self.shortcuts.append(shortcut)

        store.changed.connect(self._meeting_changed)
        connection.state_changed.connect(self._link_changed)
        self._called: set[str] = set()  # the votes and speeches already called for
        for signal in (self.state.votes_changed, self.state.floor_changed, self.state.loaded):
            signal.connect(self._call_attention)
        self.state.failed.connect(self.show_message)
        self.state.loaded.connect(self.message.hide)
        self.retranslate()

    def retranslate(self) -> None:
        self.settings_button.setText(self.tr("Meeting se&ttings…"))
        self.settings_button.setToolTip(self.tr("The quorum rule and the default speaking time"))
        self.side.setTabText(0, self.tr("Votes"))
        self.side.setTabText(1, self.tr("Presenting"))
        if self.roles.minutes:
            self.side.setTabText(2, self.tr("Minutes"))
        self.video_placeholder.setText(self.tr("The video of the session appears here."))
        self.video_button.setText(self.tr("Join the &video session"))
        self._show_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    async def load(self) -> pl.LiveStateView | None:
        view = await self.state.load()
        if self.roles.minutes:
            await self.minutes.notes.load()
        return view

    # -- the meeting behind it -------------------------------------------------------------

    def meeting(self) -> p.MeetingDetail:
        return self.store.details.get(self.meeting_id, self._meeting)

    def documents(self) -> list[p.DocumentView]:
        return self.meeting().documents

    async def refresh_meeting(self) -> Any:
        if self.connection.online:
            return await self.store.detail(self.connection, self.meeting_id)
        return None

    def _meeting_changed(self, meeting_id: str) -> None:
        if meeting_id == self.meeting_id:
            self.present.reload_documents()
            self._show_status()
            if self.meeting().status == MeetingStatus.IN_PROGRESS and self.state.view is None:
                self.state.reload()  # the meeting started: its live state exists now

    def _show_status(self) -> None:
        """Live actions work while the meeting is in session; say so before and after."""
        status = self.meeting().status
        self.video_button.setVisible(
            self.video is None
            and self.meeting().video
            and status in (MeetingStatus.PUBLISHED, MeetingStatus.IN_PROGRESS)
        )
        if status == MeetingStatus.PUBLISHED:
            self.not_in_session.setText(
                self.tr(
                    "The meeting has not started: check-in, the floor and votes open when it does."
                )
            )
        elif status in (MeetingStatus.ENDED, MeetingStatus.ARCHIVED):
            self.not_in_session.setText(self.tr("The meeting has ended: this is its record."))
        self.not_in_session.setVisible(status != MeetingStatus.IN_PROGRESS)

    def open_settings(self) -> MeetingSettingsDialog:
        """The chair's quorum rule and speaking time, in a small dialog over the screen."""
        if self.settings_dialog is None:
            self.settings_dialog = MeetingSettingsDialog(self.connection, self.state, self)
        self.settings_dialog.load()
        self.settings_dialog.open()
        return self.settings_dialog

    def set_video(self, widget: QWidget) -> None:
        """Put the meeting's call view in its place."""
        self.video_placeholder.hide()
        self.video_button.hide()
        layout = self.video_area.layout()
        assert layout is not None
        layout.addWidget(widget)
        self.video = widget

    def take_video(self) -> QWidget | None:
        """Take the call view out (the call left, or the screen closes while it goes on)."""
        widget, self.video = self.video, None
        if widget is not None:
            widget.setParent(None)
        self.video_placeholder.show()
        self._show_status()
        return widget

    def _call_attention(self) -> None:
        """A vote this person may still vote in, or the floor given to them, brings the
        screen forward (they may be reading a document in another tab)."""
        view = self.state.view
        if view is None:
            return
        me = my_entry(view, self.state.me)
        vote = open_vote(view)
        wanted: list[str] = []
        if vote is not None and me is not None and me.member and vote.id not in view.voted:
            wanted.append(vote.id)
        if view.floor is not None and view.floor.person_id == self.state.me:
            wanted.append(f"floor:{view.floor.started_at.isoformat()}")
        fresh = [key for key in wanted if key not in self._called]
        self._called.update(wanted)
        if fresh:
            self.attention.emit()

    # -- MessageView ------------------------------------------------------------------------

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _link_changed(self, state: str) -> None:
        if state == LinkState.ONLINE.value:
            self.message.hide()
        else:
            self.show_message(
                self.tr("Not connected to the server: live actions need the connection.")
            )
