"""Opens the meeting dialog for a new or an existing meeting and sends what it collected."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget
from qasync import asyncSlot

from ecabinet.data.meeting_store import MeetingStore
from ecabinet.secretary.controller import SecretaryController
from ecabinet.secretary.meeting_dialog import MeetingDialog
from ecabinet.secretary.permissions import organiser_units
from meetings import protocol as p


class MeetingEditor(QObject):
    saved = Signal(object)  # p.MeetingDetail as the server answered

    def __init__(
        self,
        parent: QWidget,
        controller: SecretaryController,
        store: MeetingStore,
        me: p.PersonView | None,
    ) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.controller = controller
        self.store = store
        self.me = me
        self.dialog: MeetingDialog | None = None  # the one open now, if any

    def may_create(self) -> bool:
        return bool(organiser_units(self.me))

    def new_meeting(self) -> MeetingDialog:
        return self._open(None)

    def edit(self, meeting_id: str) -> MeetingDialog | None:
        meeting = self.store.details.get(meeting_id)
        return self._open(meeting) if meeting is not None else None

    def _open(self, meeting: p.MeetingDetail | None) -> MeetingDialog:
        if self.dialog is not None:
            self.dialog.close()
        dialog = MeetingDialog(
            self.store.directory, organiser_units(self.me), meeting, self.parent_widget
        )
        # Read the form now: the dialog is deleted once it closes, before the request ends.
        dialog.accepted.connect(lambda: self._send(dialog.meeting, dialog.fields()))
        dialog.finished.connect(lambda _result: self._closed(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _closed(self, dialog: MeetingDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    @asyncSlot(object, dict)
    async def _send(self, meeting: p.MeetingDetail | None, fields: dict[str, Any]) -> None:
        if meeting is None:
            detail = await self.controller.create_meeting(**fields)
        elif not fields:
            return
        else:
            detail = await self.controller.update_meeting(
                meeting.id, expected_version=meeting.version, **fields
            )
        if detail is not None:
            self.saved.emit(detail)
