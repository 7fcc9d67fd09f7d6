"""Create or edit a meeting: title, date and time (Vietnam time), hall, video, and who is
invited (units and people from the directory). The dialog only collects; the controller asks
the server."""

from __future__ import annotations

from datetime import datetime, time
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QDate, QEvent, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ecabinet.core.forms import add_row
from ecabinet.core.meeting_time import at_meeting_clock, meeting_time, meeting_today
from ecabinet.data.directory import Directory
from meetings import protocol as p

IdRole = Qt.ItemDataRole.UserRole + 1


def _checked_list(rows: list[tuple[str, str]], chosen: set[str]) -> QListWidget:
    view = QListWidget()
    for ident, name in rows:
        item = QListWidgetItem(name)
        item.setData(IdRole, ident)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if ident in chosen else Qt.CheckState.Unchecked)
        view.addItem(item)
    return view


def checked_ids(view: QListWidget) -> list[str]:
    return [
        str(view.item(r).data(IdRole))
        for r in range(view.count())
        if view.item(r).checkState() == Qt.CheckState.Checked
    ]


class MeetingDialog(QDialog):
    """`meeting` None creates one (organised by one of `organiser_units`); else edits it."""

    def __init__(
        self,
        directory: Directory,
        organiser_units: list[str],
        meeting: p.MeetingDetail | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("meetingDialog")
        self.meeting = meeting
        self.title = QLineEdit(meeting.title if meeting else "")
        self.title.setMaxLength(200)
        self.organiser = QComboBox()
        for unit_id in organiser_units:
            self.organiser.addItem(directory.unit_name(unit_id), unit_id)
        if meeting is not None:
            self.organiser.addItem(
                directory.unit_name(meeting.organiser_unit_id), meeting.organiser_unit_id
            )
            self.organiser.setCurrentIndex(self.organiser.count() - 1)
            self.organiser.setEnabled(False)  # a meeting keeps its organiser
        start = meeting_time(meeting.starts_at) if meeting else None
        end = meeting_time(meeting.ends_at) if meeting else None
        day = start.date() if start else meeting_today()
        self.day = QDateEdit(QDate(day.year, day.month, day.day))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd/MM/yyyy")
        self.starts = QTimeEdit(QTime(start.hour, start.minute) if start else QTime(8, 0))
        self.ends = QTimeEdit(QTime(end.hour, end.minute) if end else QTime(11, 0))
        for edit in (self.starts, self.ends):
            edit.setDisplayFormat("HH:mm")
        self.zone_label = QLabel()
        times = QHBoxLayout()
        times.addWidget(self.starts)
        times.addWidget(QLabel("–"))
        times.addWidget(self.ends)
        times.addWidget(self.zone_label, 1)
        self.hall = QLineEdit(meeting.hall or "" if meeting else "")
        self.video = QCheckBox()
        self.video.setChecked(bool(meeting and meeting.video))
        units = sorted(
            ((u.id, u.name) for u in directory.units.values() if u.active), key=lambda row: row[1]
        )
        people = sorted(
            (
                (x.id, f"{x.full_name} — {x.title}" if x.title else x.full_name)
                for x in directory.people.values()
            ),
            key=lambda row: row[1],
        )
        self.units = _checked_list(units, set(meeting.invited_unit_ids if meeting else []))
        self.people = _checked_list(people, set(meeting.invited_person_ids if meeting else []))
        self.people_filter = QLineEdit()
        self.people_filter.setClearButtonEnabled(True)
        self.people_filter.textChanged.connect(self._filter_people)
        self.message = QLabel()
        self.message.setObjectName("pageMessage")
        self.message.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._check_and_accept)
        self.buttons.rejected.connect(self.reject)

        self.labels = [QLabel() for _ in range(9)]
        form = QFormLayout()
        for label, field in zip(
            self.labels,
            (
                self.title,
                self.organiser,
                self.day,
                times,
                self.hall,
                self.video,
                self.units,
                self.people_filter,
                self.people,
            ),
            strict=True,
        ):
            add_row(form, label, field)
        for label, buddy in zip(
            self.labels,
            (
                self.title,
                self.organiser,
                self.day,
                self.starts,
                self.hall,
                self.video,
                self.units,
                self.people_filter,
                self.people,
            ),
            strict=True,
        ):
            label.setBuddy(buddy)  # Alt + the underlined letter reaches the field
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        # Reading order is tab order: the form from top to bottom, then OK and Cancel.
        chain = [
            self.title,
            self.organiser,
            self.day,
            self.starts,
            self.ends,
            self.hall,
            self.video,
            self.units,
            self.people_filter,
            self.people,
            self.buttons,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.title.setFocus()
        self.retranslate()
        self.resize(640, 720)

    def retranslate(self) -> None:
        self.setWindowTitle(
            self.tr("New meeting") if self.meeting is None else self.tr("Edit meeting")
        )
        texts = (
            self.tr("&Title"),
            self.tr("&Organised by"),
            self.tr("&Date"),
            self.tr("T&ime"),
            self.tr("&Hall"),
            self.tr("&Video"),
            self.tr("Invited &units"),
            self.tr("&Find a person"),
            self.tr("Invited &people"),
        )
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.zone_label.setText(self.tr("Vietnam time (UTC+07:00)"))
        self.video.setText(self.tr("Ward halls join over video"))
        self.people_filter.setPlaceholderText(self.tr("Name or title"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _filter_people(self, text: str) -> None:
        needle = text.strip().casefold()
        for row in range(self.people.count()):
            item = self.people.item(row)
            item.setHidden(bool(needle) and needle not in item.text().casefold())

    def set_checked(self, view: QListWidget, ids: set[str]) -> None:
        for row in range(view.count()):
            item = view.item(row)
            item.setCheckState(
                Qt.CheckState.Checked if item.data(IdRole) in ids else Qt.CheckState.Unchecked
            )

    def _times(self) -> tuple[datetime, datetime]:
        day = self.day.date().toPython()
        start, end = self.starts.time().toPython(), self.ends.time().toPython()
        assert isinstance(start, time) and isinstance(end, time)
        return at_meeting_clock(day, start), at_meeting_clock(day, end)  # type: ignore[arg-type]

    def problem(self) -> str | None:
        """What stops the form from being sent, in words; None when it may go."""
        if not self.title.text().strip():
            return self.tr("Give the meeting a title.")
        if self.meeting is None and self.organiser.currentData() is None:
            return self.tr("You do not organise meetings for any unit.")
        start, end = self._times()
        if end <= start:
            return self.tr("The meeting must end after it starts.")
        return None

    def fields(self) -> dict[str, Any]:
        """The request fields: everything for a new meeting, only what changed for an edit."""
        start, end = self._times()
        found: dict[str, Any] = {
            "title": self.title.text().strip(),
            "starts_at": start.isoformat(),
            "ends_at": end.isoformat(),
            "hall": self.hall.text().strip() or None,
            "video": self.video.isChecked(),
            "invited_unit_ids": checked_ids(self.units),
            "invited_person_ids": checked_ids(self.people),
        }
        if self.meeting is None:
            return {"organiser_unit_id": self.organiser.currentData(), **found}
        was = self.meeting
        before: dict[str, Any] = {
            "title": was.title,
            "starts_at": meeting_time(was.starts_at).isoformat(),
            "ends_at": meeting_time(was.ends_at).isoformat(),
            "hall": was.hall,
            "video": was.video,
            "invited_unit_ids": list(was.invited_unit_ids),
            "invited_person_ids": list(was.invited_person_ids),
        }
        changed = {k: v for k, v in found.items() if before[k] != v}
        if "hall" in changed and changed["hall"] is None:
            changed["hall"] = ""  # None means "unchanged" to meeting.update
        return changed

    def _check_and_accept(self) -> None:
        problem = self.problem()
        if problem:
            self.message.setText(problem)
            self.message.show()
            return
        self.accept()
