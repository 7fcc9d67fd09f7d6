"""The delegate's panel (also a ward hall's room account): check in, ask to speak or
withdraw, the current item and who speaks; the ballot comes from `votes.BallotPanel`."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from ecabinet.live.actions import LiveActions
from ecabinet.live.models import PRESENT
from ecabinet.live.state import LiveState, my_entry
from meetings import protocol as p
from meetings.live.model import Presence


class DelegatePanel(QGroupBox):
    def __init__(
        self,
        state: LiveState,
        actions: LiveActions,
        agenda: list[p.AgendaItemView],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("delegatePanel")
        self.state = state
        self.live = actions
        self.titles = {i.id: i.title for i in agenda}
        self._site_default = False  # a ward hall takes part online: preset once
        self.check_in_button = QPushButton()
        self.check_in_button.setObjectName("checkInButton")
        self.check_in_button.setMinimumHeight(40)
        self.online = QCheckBox()
        self.presence = QLabel()
        self.presence.setObjectName("myPresence")
        self.floor_button = QPushButton()
        self.floor_button.setObjectName("askFloorButton")
        self.floor_button.setMinimumHeight(40)
        self.item = QLabel()
        self.item.setObjectName("currentItem")
        self.item.setWordWrap(True)
        self.speaker = QLabel()
        self.speaker.setObjectName("delegateSpeaker")
        self.speaker.setWordWrap(True)
        bold = QFont(self.item.font())
        bold.setBold(True)
        self.item.setFont(bold)
        row = QHBoxLayout()
        row.addWidget(self.check_in_button)
        row.addWidget(self.online)
        row.addWidget(self.presence, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.item)
        layout.addWidget(self.speaker)
        layout.addWidget(self.floor_button)
        self.check_in_button.clicked.connect(self.check_in)
        self.floor_button.clicked.connect(self.toggle_floor)
        for signal in (state.loaded, state.attendance_changed, state.floor_changed):
            signal.connect(self.refresh)
        state.item_changed.connect(self.refresh)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Taking part"))
        self.check_in_button.setText(self.tr("&Check in"))
        self.online.setText(self.tr("I take part online"))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def asked(self) -> bool:
        view = self.state.view
        return view is not None and any(q.person_id == self.state.me for q in view.queue)

    def refresh(self) -> None:
        view = self.state.view
        me = my_entry(view, self.state.me) if view is not None else None
        here = me is not None and me.presence in (Presence.HALL, Presence.ONLINE)
        self.setVisible(me is not None)  # on the roster
        if me is not None and me.site and not self._site_default:
            self._site_default = True
            self.online.setChecked(True)
        self.check_in_button.setEnabled(view is not None and not here)
        self.online.setVisible(not here)
        if me is None or me.presence is None:
            self.presence.setText(self.tr("You have not checked in yet."))
            self.presence.setStyleSheet("")
        elif me.presence is Presence.ABSENT:
            self.presence.setText(self.tr("Marked absent: {0}").format(me.reason))
            self.presence.setStyleSheet("")
        else:
            where = self.tr("in the hall") if me.presence is Presence.HALL else self.tr("online")
            self.presence.setText(self.tr("Checked in ({0})").format(where))
            self.presence.setStyleSheet(f"color: {PRESENT.name()}; font-weight: bold;")
        current = view.current_item if view is not None else None
        self.item.setText(
            self.tr("Current item: {0}").format(self.titles.get(current, "…"))
            if current
            else self.tr("The meeting has not reached the first item yet.")
        )
        floor = view.floor if view is not None else None
        if floor is None:
            self.speaker.setText(self.tr("Nobody has the floor."))
            self.speaker.setStyleSheet("")
        elif floor.person_id == self.state.me:
            self.speaker.setText(self.tr("You have the floor: speak now."))
            self.speaker.setStyleSheet(
                f"QLabel {{ background: {PRESENT.name()}; color: white; font-weight: bold;"
                " padding: 6px; border-radius: 4px; }"
            )
        else:
            self.speaker.setText(self.tr("Speaking: {0}").format(floor.full_name))
            self.speaker.setStyleSheet("")
        self.floor_button.setText(
            self.tr("&Withdraw my request") if self.asked() else self.tr("&Ask to speak")
        )
        speaking = floor is not None and floor.person_id == self.state.me
        self.floor_button.setEnabled(here and current is not None and not speaking)

    @asyncSlot()
    async def check_in(self) -> None:
        self.check_in_button.setEnabled(False)
        presence = Presence.ONLINE if self.online.isChecked() else Presence.HALL
        if not await self.live.check_in(presence):
            self.refresh()

    @asyncSlot()
    async def toggle_floor(self) -> None:
        self.floor_button.setEnabled(False)
        if self.asked():
            await self.live.withdraw_floor()
        else:
            await self.live.ask_floor()
        self.refresh()
