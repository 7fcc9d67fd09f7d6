"""The call view: the tiles, the toolbar, and for the chair the controls of the room."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import shiboken6
from PySide6.QtCore import QEvent, QPoint, Signal
from PySide6.QtGui import QAction, QImage
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from ecabinet.call.controller import CallController
from ecabinet.call.devices import DevicePicker
from ecabinet.call.grid import CallGrid
from ecabinet.call.model import Change, Phase, Quality
from ecabinet.call.stamps import render_text
from ecabinet.call.tiles import VideoTile


class CallView(QWidget):
    left = Signal(str)  # meeting id: the call is over for this view

    def __init__(
        self,
        controller: CallController,
        title: str,
        *,
        may_control: bool,
        unit_names: dict[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("callView")
        self.controller = controller
        self.session = controller.session
        self.title = title
        self.may_control = may_control
        self.unit_names = unit_names or {}
        self.grid = CallGrid()
        self.grid.on_new_tile = self._new_tile
        self._sent_hidden: set[str] = set()
        self.user_hidden: set[str] = set()

        self.heading = QLabel()
        self.heading.setObjectName("callTitle")
        self.status = QLabel()
        self.status.setObjectName("callStatus")
        self.notice = QLabel()
        self.notice.setObjectName("callNotice")
        self.notice.setStyleSheet("color: #b3261e;")
        self.quality = QLabel()

        self.mute_button = self._button(checkable=True)
        self.camera_button = self._button(checkable=True)
        self.hand_button = self._button(checkable=True)
        self.layout_button = self._button(checkable=True)
        self.devices_button = self._button()
        self.leave_button = self._button()
        self.leave_button.setStyleSheet("background: #d33b2c; color: white;")
        self.mute_all_button = self._button()
        self.lock_button = self._button(checkable=True)
        self.record_button = self._button(checkable=True)
        self.layout_button.setChecked(self.session.spotlight_layout)
        self.camera_button.setChecked(False)  # checked: the camera is off
        for button in (self.mute_all_button, self.lock_button, self.record_button):
            button.setVisible(may_control)
        self.devices_button.clicked.connect(self.pick_devices)
        self.picker: DevicePicker | None = None

        self.mute_button.clicked.connect(self._mute_clicked)
        self.camera_button.clicked.connect(self._camera_clicked)
        self.hand_button.clicked.connect(self._hand_clicked)
        self.layout_button.clicked.connect(self._layout_clicked)
        self.leave_button.clicked.connect(self._leave_clicked)
        self.mute_all_button.clicked.connect(self._mute_all_clicked)
        self.lock_button.clicked.connect(self._lock_clicked)
        self.record_button.clicked.connect(self._record_clicked)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.quality)
        top.addWidget(self.status)
        self.tools = QGridLayout()
        self.compact = False
        self._place_tools()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(self.grid, 1)
        layout.addLayout(self.tools)

        controller.on_change.append(self._changed)
        controller.on_picture.append(self._picture)
        controller.on_message.append(self._message)
        self.retranslate()
        self._refresh_tiles()

    def _place_tools(self) -> None:
        """One row of buttons in a tab of its own; rows of three on the chair's live screen,
        where the call shares the width with the floor and the votes."""
        own = [
            self.mute_button,
            self.camera_button,
            self.hand_button,
            self.layout_button,
            self.devices_button,
        ]
        control = [self.mute_all_button, self.lock_button, self.record_button, self.leave_button]
        while self.tools.count():
            self.tools.takeAt(0)
        for column in range(self.tools.columnCount()):
            self.tools.setColumnStretch(column, 0)
        if not self.compact:
            for column, button in enumerate(own):
                self.tools.addWidget(button, 0, column)
            self.tools.setColumnStretch(len(own), 1)
            for column, button in enumerate(control, len(own) + 1):
                self.tools.addWidget(button, 0, column)
            return
        shown = [b for b in own + control if b is self.leave_button or b.isVisibleTo(self)]
        shown = shown if self.may_control else [b for b in shown if b not in control[:3]]
        for index, button in enumerate(shown):
            self.tools.addWidget(button, index // 3, index % 3)

    def set_compact(self, compact: bool) -> None:
        """Fit a narrow place: no title line (the screen around says which meeting), the
        buttons in rows of three."""
        self.compact = compact
        self.heading.setVisible(not compact)
        light = "color: #e6e8eb;" if compact else ""  # on the live screen's dark video area
        self.status.setStyleSheet(light)
        self.quality.setStyleSheet(light)
        self._place_tools()

    def _new_tile(self, tile: VideoTile) -> None:
        tile.context_requested.connect(self._tile_menu)

    def _button(self, *, checkable: bool = False) -> QPushButton:
        button = QPushButton()
        button.setCheckable(checkable)
        button.setMinimumHeight(34)
        return button

    # --- texts ----------------------------------------------------------------------------

    def retranslate(self) -> None:
        session = self.session
        self.heading.setText(self.tr("Video call: {0}").format(self.title))
        self.mute_button.setText(self.tr("Unmute") if session.muted else self.tr("Mute"))
        self.camera_button.setText(
            self.tr("Camera off") if session.camera_on else self.tr("Camera on")
        )
        self.hand_button.setText(
            self.tr("Lower hand") if session.hand_raised else self.tr("Raise hand")
        )
        self.layout_button.setText(
            self.tr("Grid view") if session.spotlight_layout else self.tr("Speaker view")
        )
        self.devices_button.setText(self.tr("Camera and microphone…"))
        self.leave_button.setText(self.tr("Leave"))
        self.mute_all_button.setText(self.tr("Mute all"))
        self.lock_button.setText(
            self.tr("Unlock the room") if session.room.locked else self.tr("Lock the room")
        )
        self.record_button.setText(
            self.tr("Stop recording") if session.room.recording else self.tr("Record")
        )
        self.status.setText(self.controller.phase_text())
        self.quality.setText(self._quality_text(session.local.quality))

    def _quality_text(self, quality: Quality) -> str:
        names = {
            Quality.GOOD: self.tr("Connection: good"),
            Quality.FAIR: self.tr("Connection: fair"),
            Quality.POOR: self.tr("Connection: poor"),
            Quality.UNKNOWN: self.tr("Connection: not measured yet"),
        }
        return names[quality]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- following the session ------------------------------------------------------------

    def _changed(self, what: str) -> None:
        if what in (Change.SITES, Change.SPEAKER, Change.SPOTLIGHT, Change.FLOOR, Change.MUTED):
            self._refresh_tiles()
        elif what == Change.STATS:
            self._refresh_tiles()
        session = self.session
        self.mute_button.setChecked(session.muted)
        self.camera_button.setChecked(not session.camera_on)
        self.hand_button.setChecked(session.hand_raised)
        self.lock_button.setChecked(session.room.locked)
        self.record_button.setChecked(session.room.recording)
        self.layout_button.setChecked(session.spotlight_layout)
        if what == Change.PHASE and session.phase is Phase.ENDED and session.end_reason:
            self.notice.setText(self.controller.phase_text())
        self.retranslate()

    def _label(self, site: str) -> str:
        state = self.session.room.sites.get(site)
        if state is None:
            return site
        unit = self.unit_names.get(state.unit_id or "")
        if unit and unit not in state.name:
            return f"{state.name} · {unit}"
        return state.name

    def order(self) -> list[str]:
        """The sites in the order they joined, this site first."""
        sites = list(self.session.room.sites)
        own = self.session.site
        if own in sites:
            sites.remove(own)
            sites.insert(0, own)
        return sites

    def spotlight(self) -> str | None:
        room = self.session.room
        return room.spotlight or room.speaker

    def _refresh_tiles(self) -> None:
        session = self.session
        room = session.room
        order = self.order()
        for site in order:
            tile = self.grid.tile(site, self._label(site))
            state = room.sites[site]
            tile.own = site == session.site
            tile.set_video_hidden(site in self.user_hidden)
            tile.set_state(
                speaking=room.speaker == site,
                muted=state.muted,
                floor=room.floor == site,
                pinned=room.pinned and room.spotlight == site,
                quality=state.quality if self.may_control else Quality.UNKNOWN,
            )
        self.grid.drop_missing(set(order))
        self.grid.arrange(order, self.spotlight(), session.spotlight_layout)
        hidden = (set(self.grid.overflow(order)) | self.user_hidden) - {session.site}
        if hidden != self._sent_hidden and session.phase is Phase.JOINED:
            self._sent_hidden = hidden
            self._send_layout()

    def _picture(self, site: str, image: QImage) -> None:
        tile = self.grid.tiles.get(site)
        if tile is not None and tile.isVisible():
            tile.set_image(image)

    def _message(self, text: str) -> None:
        self.notice.setText(text)

    # --- the toolbar ----------------------------------------------------------------------

    @asyncSlot()
    async def _mute_clicked(self) -> None:
        await self.controller.attempt(self.session.set_muted(not self.session.muted))
        self.mute_button.setChecked(self.session.muted)
        self.retranslate()

    def _camera_clicked(self) -> None:
        self.controller.act(self.session.set_camera, not self.session.camera_on)

    @asyncSlot()
    async def _hand_clicked(self) -> None:
        await self.controller.attempt(self.session.raise_hand(not self.session.hand_raised))
        self.hand_button.setChecked(self.session.hand_raised)
        self.retranslate()

    @asyncSlot()
    async def _layout_clicked(self) -> None:
        spotlight = not self.session.spotlight_layout
        self.session.spotlight_layout = spotlight
        self._refresh_tiles()
        self.retranslate()
        await self.controller.attempt(self.session.set_layout(spotlight))

    @asyncSlot()
    async def _send_layout(self) -> None:
        await self.controller.attempt(
            self.session.set_layout(self.session.spotlight_layout, self._sent_hidden)
        )

    @asyncSlot()
    async def _leave_clicked(self) -> None:
        await self.leave()

    async def leave(self) -> None:
        await self.controller.leave()
        self.left.emit(self.session.meeting_id)

    @asyncSlot()
    async def leave_and_delete(self) -> None:
        """Hang up, then go (the tab holding the view was closed)."""
        await self.controller.leave()
        if shiboken6.isValid(self):  # the window may have gone meanwhile, and the view with it
            self.deleteLater()

    @asyncSlot()
    async def _mute_all_clicked(self) -> None:
        await self.controller.attempt(self.session.control("mute_all"))

    @asyncSlot()
    async def _lock_clicked(self) -> None:
        action = "unlock" if self.session.room.locked else "lock"
        await self.controller.attempt(self.session.control(action))
        self.lock_button.setChecked(self.session.room.locked)

    @asyncSlot()
    async def _record_clicked(self) -> None:
        await self.controller.attempt(self.session.record(not self.session.room.recording))
        self.record_button.setChecked(self.session.room.recording)

    def pick_devices(self) -> DevicePicker:
        """The camera and microphone dialog, with its preview running; applied on OK."""
        picker = DevicePicker(self.controller.spec, render_text, self.controller.devices, self)
        self.picker = picker
        picker.finished.connect(lambda result: self._devices_picked(picker, result))
        picker.start_preview()
        picker.open()
        return picker

    @asyncSlot()
    async def _devices_picked(self, picker: DevicePicker, result: int) -> None:
        if result == QDialog.DialogCode.Accepted:
            self.controller.use_devices(picker.choice())
        await picker.stop_preview()
        picker.deleteLater()
        if self.picker is picker:
            self.picker = None

    # --- a tile's menu --------------------------------------------------------------------

    def tile_actions(self, site: str) -> list[QAction]:
        """What may be done to a site's tile: the chair's controls, and hiding its video."""
        actions: list[QAction] = []
        session = self.session
        state = session.room.sites.get(site)
        if state is None or site == session.site:
            return actions

        def add(text: str, handler: Callable[[], None]) -> None:
            action = QAction(text, self)
            action.triggered.connect(handler)
            actions.append(action)

        if self.may_control:
            add(self.tr("Give the floor"), partial(self._control, "give_floor", site))
            if state.muted is None:
                add(self.tr("Mute"), partial(self._control, "mute", site))
            else:
                add(self.tr("Unmute"), partial(self._control, "unmute", site))
            add(self.tr("Spotlight"), partial(self._control, "spotlight", site))
            if session.room.pinned and session.room.spotlight == site:
                add(self.tr("Unpin"), partial(self._control, "unpin", None))
            else:
                add(self.tr("Pin"), partial(self._control, "pin", site))
            add(self.tr("Remove from the call"), partial(self._control, "remove", site))
        if site in self.user_hidden:
            add(self.tr("Show video"), partial(self._set_hidden, site, False))
        else:
            add(self.tr("Hide video"), partial(self._set_hidden, site, True))
        return actions

    def _tile_menu(self, site: str, where: QPoint) -> None:
        actions = self.tile_actions(site)
        if actions:
            menu = QMenu(self)
            menu.addActions(actions)
            menu.exec(where)

    @asyncSlot()
    async def _control(self, action: str, site: str | None) -> None:
        await self.controller.attempt(self.session.control(action, site))

    def _set_hidden(self, site: str, hidden: bool) -> None:
        if hidden:
            self.user_hidden.add(site)
        else:
            self.user_hidden.discard(site)
        self._refresh_tiles()

    def tile(self, site: str) -> VideoTile | None:
        return self.grid.tiles.get(site)
