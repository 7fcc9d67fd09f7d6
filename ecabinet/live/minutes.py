"""The secretary's minutes panel: notes per agenda item (`minutes_notes.py`), the record as it
stands (attendance, agenda, speakers and how long they spoke, vote results), "Generate
minutes and conclusion notice" (`live.generate_minutes`), the two documents opened, and
sending them for signature."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from ecabinet.core.meeting_time import meeting_time
from ecabinet.live.actions import LiveActions
from ecabinet.live.minutes_notes import MinutesNotesEditor
from ecabinet.live.state import LiveState
from ecabinet.live.votes import CHOICES, choice_text
from meetings import protocol as p
from meetings import protocol_live as pl
from meetings import protocol_signing as ps
from meetings.live.model import Presence, VoteKind, VoteStatus


class MinutesPanel(QGroupBox):
    generated = Signal(object)  # the reply of live.generate_minutes
    sent = Signal(list)  # the signing requests made

    def __init__(
        self,
        state: LiveState,
        actions: LiveActions,
        meeting: Callable[[], p.MeetingDetail],
        opener: Callable[[str], Awaitable[Any]],
        refresh_meeting: Callable[[], Awaitable[Any]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("minutesPanel")
        self.state = state
        self.live = actions
        self.meeting = meeting
        self.opener = opener
        self.refresh_meeting = refresh_meeting
        self.made: dict[str, p.DocumentView] = {}
        self.requests: list[ps.SigningRequestView] = []
        self.notes = MinutesNotesEditor(actions.connection, state, meeting().agenda)
        self.record_label = QLabel()
        self.record = QPlainTextEdit()
        self.record.setObjectName("minutesRecord")
        self.record.setReadOnly(True)
        self.generate_button = QPushButton()
        self.generate_button.setObjectName("generateMinutesButton")
        self.open_minutes = QPushButton()
        self.open_conclusions = QPushButton()
        self.sign_button = QPushButton()
        self.sign_button.setObjectName("sendForSigningButton")
        self.made_label = QLabel()
        self.made_label.setWordWrap(True)
        self.signing_list = QListWidget()
        self.signing_list.setMaximumHeight(90)
        self.signing_list.hide()
        record = QWidget()
        record_layout = QVBoxLayout(record)
        record_layout.setContentsMargins(0, 0, 0, 0)
        record_layout.addWidget(self.record_label)
        record_layout.addWidget(self.record, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.notes)
        split.addWidget(record)
        split.setSizes([3000, 2000])
        made = QHBoxLayout()
        made.addWidget(self.open_minutes)
        made.addWidget(self.open_conclusions)
        made.addWidget(self.sign_button)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(self.generate_button)
        layout.addWidget(self.made_label)
        layout.addLayout(made)
        layout.addWidget(self.signing_list)
        self.generate_button.clicked.connect(self.generate)
        self.open_minutes.clicked.connect(lambda: self._open("minutes"))
        self.open_conclusions.clicked.connect(lambda: self._open("conclusions"))
        self.sign_button.clicked.connect(self.send_for_signing)
        for signal in (
            state.loaded,
            state.attendance_changed,
            state.floor_changed,
            state.votes_changed,
        ):
            signal.connect(self.fill)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Minutes"))
        self.record_label.setText(self.tr("The record so far (printed in the minutes)"))
        self.generate_button.setText(self.tr("&Generate minutes and conclusion notice"))
        self.open_minutes.setText(self.tr("Open the minutes"))
        self.open_conclusions.setText(self.tr("Open the conclusion notice"))
        self.sign_button.setText(self.tr("Send for &signature"))
        self._show_made()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def fill(self) -> None:
        """Show the record as it stands."""
        view = self.state.view
        if view is not None:
            self.record.setPlainText(self.record_text(self.meeting(), view))

    # -- the record as text ----------------------------------------------------------------

    def record_text(self, meeting: p.MeetingDetail, view: pl.LiveStateView) -> str:
        start = meeting_time(meeting.starts_at)
        lines = [
            meeting.title,
            f"{start:%H:%M %d/%m/%Y}" + (f", {meeting.hall}" if meeting.hall else ""),
        ]
        lines += ["", self.tr("1. Attendance")]
        quorum = view.quorum
        lines.append(
            self.tr("Members: {0}; present: {1}; required for a quorum: {2}.").format(
                quorum.members, quorum.present, quorum.required
            )
        )
        groups = (
            (Presence.HALL, self.tr("In the hall")),
            (Presence.ONLINE, self.tr("Online")),
            (Presence.ABSENT, self.tr("Absent")),
            (None, self.tr("Not checked in")),
        )
        for presence, title in groups:
            people = [a for a in view.attendance if a.presence is presence]
            if not people:
                continue
            names = [f"{a.full_name} ({a.reason})" if a.reason else a.full_name for a in people]
            lines.append(f"- {title}: " + "; ".join(names))
        lines += ["", self.tr("2. Agenda")]
        for number, item in enumerate(meeting.agenda, 1):
            lines.append(f"{number}. {item.title}")
            for speech in (s for s in view.speeches if s.item_id == item.id):
                minutes, seconds = divmod(speech.seconds, 60)
                lines.append(
                    "   "
                    + self.tr("- {0} spoke ({1} min {2} s)").format(
                        speech.full_name, minutes, seconds
                    )
                )
            for vote in (v for v in view.votes if v.item_id == item.id):
                lines.append("   " + self.vote_line(vote))
        return "\n".join(lines) + "\n"

    def vote_line(self, vote: pl.VoteView) -> str:
        kind = self.tr("named vote") if vote.kind is VoteKind.NAMED else self.tr("secret ballot")
        if vote.status is VoteStatus.OPEN or vote.counts is None:
            return self.tr("- Vote ({0}) \u201c{1}\u201d: open, {2} of {3} voted").format(
                kind, vote.question, vote.cast, vote.eligible
            )
        counts = ", ".join(f"{choice_text(c)} {vote.counts.get(c, 0)}" for c in CHOICES)
        return self.tr("- Vote ({0}) \u201c{1}\u201d: {2} of {3} voted: {4}").format(
            kind, vote.question, vote.cast, vote.eligible, counts
        )

    # -- generating and signing ------------------------------------------------------------

    @asyncSlot()
    async def generate(self) -> dict[str, Any] | None:
        self.generate_button.setEnabled(False)
        try:
            made = await self.live.generate_minutes()
        finally:
            self.generate_button.setEnabled(True)
        if made is None:
            return None
        self.made = {
            key: p.DocumentView.model_validate(made[key]) for key in ("minutes", "conclusions")
        }
        self._show_made()
        await self.refresh_meeting()  # the meeting's documents now include both
        for key in ("conclusions", "minutes"):
            await self.opener(self.made[key].id)
        self.generated.emit(made)
        return made

    def _show_made(self) -> None:
        ready = bool(self.made)
        for button in (self.open_minutes, self.open_conclusions, self.sign_button):
            button.setEnabled(ready)
        if ready:
            self.made_label.setText(
                self.tr("Generated: {0} and {1}.").format(
                    self.made["minutes"].title, self.made["conclusions"].title
                )
            )
        else:
            self.made_label.setText(
                self.tr("The minutes and the conclusion notice are not generated yet.")
            )

    @asyncSlot(str)
    async def _open(self, key: str) -> None:
        if key in self.made:
            await self.opener(self.made[key].id)

    @asyncSlot()
    async def send_for_signing(self) -> list[ps.SigningRequestView] | None:
        """Send the generated minutes and conclusion notice into the signing workflow."""
        self.sign_button.setEnabled(False)
        try:
            made = await self.live.send_for_signing()
        finally:
            self.sign_button.setEnabled(bool(self.made))
        if made is None:
            return None
        self.requests = made
        self.signing_list.clear()
        for request in made:
            turn = next(
                (s.full_name for s in request.signers if s.person_id == request.turn_person_id),
                "",
            )
            self.signing_list.addItem(
                self.tr("{0}: signer {1} of {2}, {3}").format(
                    request.title, request.step + 1, len(request.signers), turn
                )
            )
        self.signing_list.setVisible(bool(made))
        self.sent.emit(made)
        return made
