"""Votes (biểu quyết): the chair's controls, the live results, and the ballot's three big
buttons."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from ecabinet.core.meeting_time import meeting_time
from ecabinet.live.actions import LiveActions
from ecabinet.live.chair import CLOSE_VOTE_KEY, OPEN_VOTE_KEY, key_tip
from ecabinet.live.state import LiveState, latest_vote, my_entry, my_named_choice, open_vote
from meetings import protocol_live as pl
from meetings.live.model import Choice, VoteKind, VoteStatus

CHOICES = (Choice.YES, Choice.NO, Choice.ABSTAIN)


_CHOICE_NAMES = {
    Choice.YES: QT_TRANSLATE_NOOP("LiveChoice", "Agree"),
    Choice.NO: QT_TRANSLATE_NOOP("LiveChoice", "Disagree"),
    Choice.ABSTAIN: QT_TRANSLATE_NOOP("LiveChoice", "No opinion"),
}


def choice_text(choice: Choice) -> str:
    """The three options as the hall knows them (Đồng ý, Không đồng ý, Không biểu quyết)."""
    return QCoreApplication.translate("LiveChoice", str(_CHOICE_NAMES[choice]))


class VoteResults(QGroupBox):
    """The latest vote: question, how many voted, counts as bars, names for a named vote."""

    def __init__(self, state: LiveState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("voteResults")
        self.state = state
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.question.setObjectName("voteQuestion")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.bar_labels: dict[Choice, QLabel] = {}
        self.bars: dict[Choice, QProgressBar] = {}
        grid = QGridLayout()
        for row, choice in enumerate(CHOICES):
            label = QLabel()
            bar = QProgressBar()
            bar.setFormat("%v")
            bar.setObjectName(f"bar_{choice.value}")
            self.bar_labels[choice], self.bars[choice] = label, bar
            grid.addWidget(label, row, 0)
            grid.addWidget(bar, row, 1)
        grid.setColumnStretch(1, 1)
        self.hidden_note = QLabel()
        self.hidden_note.setWordWrap(True)
        self.names = QListWidget()
        self.names.setObjectName("voteNames")
        self.names.setMaximumHeight(140)
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addWidget(self.status)
        layout.addLayout(grid)
        layout.addWidget(self.hidden_note)
        layout.addWidget(self.names, 1)
        layout.addStretch(0)
        state.votes_changed.connect(self.refresh)
        state.loaded.connect(self.refresh)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Results"))
        for choice in CHOICES:
            self.bar_labels[choice].setText(choice_text(choice))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def counts(self) -> dict[Choice, int] | None:
        vote = latest_vote(self.state.view) if self.state.view else None
        return dict(vote.counts) if vote is not None and vote.counts is not None else None

    def refresh(self) -> None:
        vote = latest_vote(self.state.view) if self.state.view is not None else None
        if vote is None:
            self.question.setText(self.tr("No vote yet."))
            self.status.clear()
            for choice in CHOICES:
                self.bars[choice].setValue(0)
            self.hidden_note.hide()
            self.names.clear()
            self.names.hide()
            return
        self.question.setText(vote.question)
        kind = self.tr("named") if vote.kind is VoteKind.NAMED else self.tr("secret")
        if vote.status is VoteStatus.OPEN:
            closes = (
                self.tr(", closes at {0}").format(f"{meeting_time(vote.closes_at):%H:%M:%S}")
                if vote.closes_at is not None
                else ""
            )
            self.status.setText(
                self.tr("Open ({0}{1}): {2} of {3} have voted").format(
                    kind, closes, vote.cast, vote.eligible
                )
            )
        else:
            self.status.setText(
                self.tr("Closed ({0}): {1} of {2} voted").format(kind, vote.cast, vote.eligible)
            )
        for choice in CHOICES:
            bar = self.bars[choice]
            bar.setMaximum(max(vote.eligible, 1))
            bar.setValue(vote.counts.get(choice, 0) if vote.counts is not None else 0)
            bar.setEnabled(vote.counts is not None)
        self.hidden_note.setVisible(vote.counts is None)
        self.hidden_note.setText(self.tr("Secret ballot: the counts are shown when it closes."))
        self.names.clear()
        for ballot in vote.by_name or []:
            self.names.addItem(f"{ballot.full_name}: {choice_text(ballot.choice)}")
        self.names.setVisible(vote.by_name is not None)


class VoteControl(QGroupBox):
    """The chair opens a named or secret vote on the current item, with an optional timer,
    and closes it."""

    def __init__(
        self, state: LiveState, actions: LiveActions, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("voteControl")
        self.state = state
        self.live = actions
        self.question = QLineEdit()
        self.kind = QComboBox()
        self.timer = QSpinBox()
        self.timer.setRange(0, 3600)
        self.timer.setSingleStep(30)
        self.open_button = QPushButton()
        self.open_button.setObjectName("openVoteButton")
        self.close_button = QPushButton()
        self.close_button.setObjectName("closeVoteButton")
        self.labels = [QLabel(), QLabel(), QLabel()]
        self.form = QFormLayout()
        for label, field in zip(self.labels, (self.question, self.kind, self.timer), strict=True):
            self.form.addRow(label, field)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addLayout(buttons)
        self.open_button.clicked.connect(self._open)
        self.close_button.clicked.connect(self._close)
        for signal in (
            state.votes_changed,
            state.loaded,
            state.attendance_changed,
            state.item_changed,
        ):
            signal.connect(self.refresh)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Open a vote"))
        labels = (self.tr("Question"), self.tr("Kind"), self.tr("Timer"))
        for label, text in zip(self.labels, labels, strict=True):
            label.setText(text)
        self.question.setPlaceholderText(self.tr("What the hall votes on"))
        selected = max(self.kind.currentIndex(), 0)
        self.kind.clear()
        self.kind.addItem(self.tr("Named (public)"), VoteKind.NAMED.value)
        self.kind.addItem(self.tr("Secret ballot"), VoteKind.SECRET.value)
        self.kind.setCurrentIndex(selected)
        self.timer.setSpecialValueText(self.tr("closed by the chair"))
        self.timer.setSuffix(self.tr(" s"))
        self.open_button.setText(self.tr("Open &vote"))
        self.close_button.setText(self.tr("C&lose vote"))
        self.close_button.setToolTip(key_tip(CLOSE_VOTE_KEY))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        view = self.state.view
        running = open_vote(view) if view is not None else None
        quorum = view is not None and view.quorum.reached
        on_item = view is not None and view.current_item is not None
        self.open_button.setEnabled(running is None and quorum and on_item)
        self.open_button.setToolTip(
            key_tip(
                OPEN_VOTE_KEY,
                "" if quorum else self.tr("A vote needs a quorum of the members present."),
            )
        )
        self.close_button.setEnabled(running is not None)

    @asyncSlot()
    async def _open(self) -> None:
        question = self.question.text().strip()
        if not question:
            self.live.view.show_message(self.tr("Write the question first."))
            return
        self.open_button.setEnabled(False)
        kind = VoteKind(self.kind.currentData())
        if await self.live.open_vote(question, kind, self.timer.value() or None):
            self.question.clear()
        self.refresh()

    @asyncSlot()
    async def _close(self) -> None:
        view = self.state.view
        running = open_vote(view) if view is not None else None
        if running is not None:
            self.close_button.setEnabled(False)
            await self.live.close_vote(running.id)
            self.refresh()


class BallotPanel(QGroupBox):
    """Three big buttons while a vote is open for a member; then what was voted (named) or
    that the ballot is counted (secret)."""

    def __init__(
        self, state: LiveState, actions: LiveActions, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ballotPanel")
        self.state = state
        self.live = actions
        self.question = QLabel()
        self.question.setWordWrap(True)
        font = QFont(self.question.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.question.setFont(font)
        self.buttons: dict[Choice, QPushButton] = {}
        row = QHBoxLayout()
        colours = {Choice.YES: "#1b7f3b", Choice.NO: "#b3261e", Choice.ABSTAIN: "#5f6368"}
        for choice in CHOICES:
            button = QPushButton()
            button.setObjectName(f"ballot_{choice.value}")
            button.setMinimumHeight(64)
            button.setStyleSheet(
                f"QPushButton {{ background: {colours[choice]}; color: white;"
                " font-size: 15pt; font-weight: bold; border-radius: 6px; padding: 8px; }"
                " QPushButton:disabled { background: #c8c8c8; color: #6b6b6b; }"
            )
            button.clicked.connect(lambda _=False, c=choice: self.vote(c))
            self.buttons[choice] = button
            row.addWidget(button)
        self.result = QLabel()
        self.result.setObjectName("ballotResult")
        self.result.setWordWrap(True)
        bold = QFont(self.result.font())
        bold.setBold(True)
        self.result.setFont(bold)
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addLayout(row)
        layout.addWidget(self.result)
        for signal in (state.votes_changed, state.loaded, state.attendance_changed):
            signal.connect(self.refresh)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Your vote"))
        for choice, button in self.buttons.items():
            button.setText(choice_text(choice))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def current(self) -> pl.VoteView | None:
        view = self.state.view
        return open_vote(view) if view is not None else None

    def refresh(self) -> None:
        view = self.state.view
        vote = self.current()
        me = my_entry(view, self.state.me) if view is not None else None
        member = me is not None and me.member
        self.setVisible(vote is not None and member)
        if vote is None:
            return
        self.question.setText(vote.question)
        voted = view is not None and vote.id in view.voted
        for button in self.buttons.values():
            button.setEnabled(not voted)
        self.result.setStyleSheet("color: #1b7f3b;" if voted else "")
        if not voted:
            self.result.setText(self.tr("Choose one. Each member votes once."))
        elif vote.kind is VoteKind.SECRET:
            self.result.setText(self.tr("Your ballot is counted (secret ballot)."))
        else:
            choice = my_named_choice(vote, self.state.me) or self.state.my_choices.get(vote.id)
            shown = choice_text(choice) if choice is not None else "…"
            self.result.setText(self.tr("You voted: {0}").format(shown))

    @asyncSlot(object)
    async def vote(self, choice: Choice) -> None:
        vote = self.current()
        if vote is None:
            return
        for button in self.buttons.values():
            button.setEnabled(False)  # one ballot: no second click while this one travels
        if await self.live.cast(vote.id, choice) is None:
            self.refresh()
