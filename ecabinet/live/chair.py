"""The chair's pieces of the live screen: the agenda with the current item and "Next item",
the quorum, the roll call, and the floor (queue, give, countdown, end). Delegates see the
same quorum, roll call and floor, without the chair's buttons."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from ecabinet.live.actions import LiveActions
from ecabinet.live.models import (
    ABSENT,
    PRESENT,
    AttendanceModel,
    LiveAgendaModel,
    PersonIdRole,
    QueueModel,
)
from ecabinet.live.state import LiveState, open_vote
from meetings import protocol as p
from meetings.live.model import Presence

# The chair's keys: function keys every hall laptop has, used by no other screen. LiveScreen
# binds them while the chair's live tab is shown; the buttons' tooltips name them.
NEXT_ITEM_KEY = QKeySequence(Qt.Key.Key_F6)
GIVE_FLOOR_KEY = QKeySequence(Qt.Key.Key_F7)
END_FLOOR_KEY = QKeySequence(Qt.Key.Key_F8)
OPEN_VOTE_KEY = QKeySequence(Qt.Key.Key_F9)
CLOSE_VOTE_KEY = QKeySequence("Shift+F9")


def key_tip(key: QKeySequence, text: str = "") -> str:
    """A button's tooltip ending with its shortcut."""
    native = key.toString(QKeySequence.SequenceFormat.NativeText)
    shortcut = QCoreApplication.translate("LiveShortcut", "Shortcut: {0}").format(native)
    return f"{text}\n{shortcut}" if text else shortcut


def countdown_text(seconds: int) -> str:
    seconds = max(0, seconds)
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


class QuorumBadge(QLabel):
    """Present / required, green when the quorum is reached, red when not."""

    def __init__(self, state: LiveState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quorumBadge")
        self.state = state
        self.reached: bool | None = None
        state.attendance_changed.connect(self.refresh)
        state.loaded.connect(self.refresh)
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)

    def refresh(self) -> None:
        view = self.state.view
        if view is None:
            self.reached = None
            self.setText(self.tr("Quorum: …"))
            self.setStyleSheet("")
            return
        quorum = view.quorum
        self.reached = quorum.reached
        if quorum.reached:
            text = self.tr("Quorum reached: {0} of {1} members present ({2} required)")
        else:
            text = self.tr("No quorum: {0} of {1} members present ({2} required)")
        self.setText(text.format(quorum.present, quorum.members, quorum.required))
        colour = PRESENT if quorum.reached else ABSENT
        self.setStyleSheet(
            f"QLabel {{ background: {colour.name()}; color: white; font-weight: bold;"
            " padding: 6px 10px; border-radius: 4px; }"
        )


class AgendaPanel(QGroupBox):
    """The agenda, the current item highlighted; for the chair one click to the next item,
    sending the item the screen shows so that a double click moves once."""

    def __init__(
        self,
        state: LiveState,
        actions: LiveActions,
        agenda: list[p.AgendaItemView],
        chair: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("liveAgenda")
        self.state = state
        self.live = actions
        self.model = LiveAgendaModel(self)
        self.model.set_items(agenda)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.next_button = QPushButton()
        self.next_button.setObjectName("nextItemButton")
        self.next_button.setVisible(chair)
        self.next_button.clicked.connect(self.next_item)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.next_button)
        state.item_changed.connect(self.refresh)
        state.loaded.connect(self.refresh)
        state.votes_changed.connect(self.refresh)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Agenda"))
        self.next_button.setText(self.tr("&Next item ▶"))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def shown_item(self) -> str | None:
        """The current item as this screen shows it."""
        return self.model.current

    def refresh(self) -> None:
        view = self.state.view
        self.model.set_current(view.current_item if view is not None else None)
        row = self.model.current_row()
        if row >= 0:
            self.view.scrollTo(self.model.index(row))
        last = row == len(self.model.items) - 1
        voting = view is not None and open_vote(view) is not None
        self.next_button.setEnabled(view is not None and not last and not voting)
        self.next_button.setToolTip(
            key_tip(NEXT_ITEM_KEY, self.tr("Close the vote before moving on.") if voting else "")
        )
        if view is None:
            self.next_button.setText(self.tr("&Next item ▶"))
        elif view.current_item is None:
            self.next_button.setText(self.tr("&Start with the first item ▶"))
        else:
            self.next_button.setText(self.tr("&Next item ▶"))

    @asyncSlot()
    async def next_item(self) -> None:
        await self.live.next_item(self.shown_item())


class RollCallPanel(QGroupBox):
    """Who is here; the secretary marks someone absent (with a reason) or present."""

    def __init__(
        self,
        state: LiveState,
        actions: LiveActions,
        roll_call: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("rollCall")
        self.state = state
        self.live = actions
        self.model = AttendanceModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.reason = QLineEdit()
        self.absent_button = QPushButton()
        self.absent_button.setObjectName("markAbsentButton")
        self.present_button = QPushButton()
        self.present_button.setObjectName("markPresentButton")
        self.online_button = QPushButton()
        self.online_button.setObjectName("markOnlineButton")
        self.tools = QWidget()
        tools = QVBoxLayout(self.tools)
        tools.setContentsMargins(0, 0, 0, 0)
        tools.addWidget(self.reason)
        row = QHBoxLayout()
        row.addWidget(self.absent_button)
        row.addWidget(self.present_button)
        row.addWidget(self.online_button)
        tools.addLayout(row)
        self.tools.setVisible(roll_call)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.tools)
        self.absent_button.clicked.connect(self._mark_absent)
        self.present_button.clicked.connect(lambda: self._mark_here(Presence.HALL))
        self.online_button.clicked.connect(lambda: self._mark_here(Presence.ONLINE))
        state.attendance_changed.connect(self.refresh)
        state.loaded.connect(self.refresh)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Roll call"))
        self.reason.setPlaceholderText(self.tr("Reason for the absence"))
        self.absent_button.setText(self.tr("Mark &absent"))
        self.present_button.setText(self.tr("In the &hall"))
        self.present_button.setToolTip(self.tr("Mark present in the hall"))
        self.online_button.setText(self.tr("O&nline"))
        self.online_button.setToolTip(self.tr("Mark present online, through the video session"))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        selected = self.selected_person()
        view = self.state.view
        self.model.set_attendance(view.attendance if view is not None else [])
        self.select_person(selected)

    def selected_person(self) -> str | None:
        index = self.table.currentIndex()
        return index.data(PersonIdRole) if index.isValid() else None

    def select_person(self, person_id: str | None) -> None:
        for row in range(self.model.rowCount()):
            if self.model.index(row, 0).data(PersonIdRole) == person_id:
                self.table.selectRow(row)
                return

    @asyncSlot()
    async def _mark_absent(self) -> None:
        person_id = self.selected_person()
        reason = self.reason.text().strip()
        if person_id is None:
            self.live.view.show_message(self.tr("Choose someone in the list first."))
            return
        if not reason:
            self.live.view.show_message(self.tr("An absence needs a reason."))
            return
        if await self.live.mark(person_id, Presence.ABSENT, reason):
            self.reason.clear()

    @asyncSlot(object)
    async def _mark_here(self, presence: Presence) -> None:
        person_id = self.selected_person()
        if person_id is None:
            self.live.view.show_message(self.tr("Choose someone in the list first."))
            return
        await self.live.mark(person_id, presence)


class FloorPanel(QGroupBox):
    """Who has the floor and for how long still; the queue. The chair gives the floor (with a
    time limit) and ends it."""

    def __init__(
        self,
        state: LiveState,
        actions: LiveActions,
        chair: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("floorPanel")
        self.state = state
        self.live = actions
        self.chair = chair
        self.speaker = QLabel()
        self.speaker.setObjectName("speakerLabel")
        self.speaker.setWordWrap(True)
        font = QFont(self.speaker.font())
        font.setBold(True)
        self.speaker.setFont(font)
        self.countdown = QLabel()
        self.countdown.setObjectName("countdown")
        big = QFont(self.countdown.font())
        big.setPointSizeF(big.pointSizeF() * 1.8)
        big.setBold(True)
        self.countdown.setFont(big)
        self.end_button = QPushButton()
        self.end_button.setObjectName("endFloorButton")
        self.queue_label = QLabel()
        self.queue = QueueModel(self)
        self.queue_view = QListView()
        self.queue_view.setModel(self.queue)
        self.queue_view.setObjectName("floorQueue")
        self.queue_view.setMaximumHeight(160)
        self.limit = QSpinBox()
        self.limit.setRange(1, 180)
        self.limit.setObjectName("floorLimit")
        self.give_button = QPushButton()
        self.give_button.setObjectName("giveFloorButton")
        top = QHBoxLayout()
        top.addWidget(self.speaker, 1)
        top.addWidget(self.countdown)
        top.addWidget(self.end_button)
        give = QHBoxLayout()
        give.addWidget(self.limit)
        give.addWidget(self.give_button, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.queue_label)
        layout.addWidget(self.queue_view)
        layout.addLayout(give)
        for widget in (self.end_button, self.limit, self.give_button):
            widget.setVisible(chair)
        self.end_button.clicked.connect(self._end)
        self.give_button.clicked.connect(self._give)
        self.queue_view.doubleClicked.connect(lambda _i: self._give())
        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self._tick)
        self._limit_from: int | None = None
        state.floor_changed.connect(self.refresh)
        state.loaded.connect(self.refresh)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("The floor"))
        self.queue_label.setText(self.tr("Asked to speak on this item:"))
        self.end_button.setText(self.tr("&End"))
        self.give_button.setText(self.tr("&Give floor"))
        self.give_button.setToolTip(key_tip(GIVE_FLOOR_KEY))
        self.end_button.setToolTip(key_tip(END_FLOOR_KEY))
        self.limit.setSuffix(self.tr(" min"))
        self.limit.setPrefix(self.tr("Limit "))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def remaining(self) -> int | None:
        view = self.state.view
        if view is None or view.floor is None:
            return None
        return int((view.floor.deadline - datetime.now(UTC)).total_seconds())

    def refresh(self) -> None:
        view = self.state.view
        if view is not None and self._limit_from != view.speaking_seconds:
            self._limit_from = view.speaking_seconds
            self.limit.setValue(max(1, view.speaking_seconds // 60))
        self.queue.set_queue(view.queue if view is not None else [])
        if self.queue.rowCount() and not self.queue_view.currentIndex().isValid():
            self.queue_view.setCurrentIndex(self.queue.index(0))
        floor = view.floor if view is not None else None
        if floor is None:
            self.speaker.setText(self.tr("Nobody has the floor."))
            self.countdown.clear()
            self.ticker.stop()
        else:
            if floor.person_id == self.state.me:
                self.speaker.setText(self.tr("You have the floor"))
            else:
                self.speaker.setText(self.tr("Speaking: {0}").format(floor.full_name))
            self._tick()
            self.ticker.start()
        self.end_button.setEnabled(floor is not None)
        self.give_button.setEnabled(floor is None and self.queue.rowCount() > 0)

    def _tick(self) -> None:
        left = self.remaining()
        if left is None:
            self.ticker.stop()
            return
        self.countdown.setText(countdown_text(left))

    def selected_person(self) -> str | None:
        index = self.queue_view.currentIndex()
        return index.data(PersonIdRole) if index.isValid() else None

    @asyncSlot()
    async def _give(self) -> None:
        person_id = self.selected_person()
        if person_id is None or not self.chair:
            return
        self.give_button.setEnabled(False)
        await self.live.give_floor(person_id, self.limit.value() * 60)
        self.refresh()

    @asyncSlot()
    async def _end(self) -> None:
        view = self.state.view
        if view is None or view.floor is None:
            return
        self.end_button.setEnabled(False)
        await self.live.end_floor(view.floor.person_id)
        self.refresh()
