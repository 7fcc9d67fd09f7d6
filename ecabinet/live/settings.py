"""The chair's meeting settings: the quorum rule (a share of the members, "more than" or "at
least") and the default speaking time, sent with `live.configure`. The quorum badge follows
the event the server sends back to everyone."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from ecabinet.live.actions import LiveActions
from ecabinet.live.state import LiveState
from ecabinet.net.connection import Connection
from meetings.live.model import QuorumRule


class MeetingSettingsDialog(QDialog):
    """Quorum as numerator/denominator of the members, strict or not, and the speaking time
    in minutes; a line says how many members that needs now. OK sends the settings and
    closes once the server took them; a refusal stays in the dialog, in words."""

    def __init__(self, connection: Connection, state: LiveState, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("meetingSettings")
        self.state = state
        # Its own actions, so that what goes wrong shows here and not behind the dialog.
        self.live = LiveActions(connection, state, self, self)
        self.numerator = QSpinBox()
        self.numerator.setObjectName("quorumNumerator")
        self.numerator.setRange(0, 100)
        self.denominator = QSpinBox()
        self.denominator.setObjectName("quorumDenominator")
        self.denominator.setRange(1, 100)
        self.rule = QComboBox()
        self.rule.setObjectName("quorumRule")
        self.speaking = QSpinBox()
        self.speaking.setObjectName("speakingMinutes")
        self.speaking.setRange(1, 180)
        self.share_label = QLabel()
        self.rule_label = QLabel()
        self.speaking_label = QLabel()
        self.slash = QLabel("/")
        share = QHBoxLayout()
        share.addWidget(self.numerator)
        share.addWidget(self.slash)
        share.addWidget(self.denominator)
        share.addStretch(1)
        form = QFormLayout()
        form.addRow(self.rule_label, self.rule)
        form.addRow(self.share_label, share)
        form.addRow(self.speaking_label, self.speaking)
        self.preview = QLabel()
        self.preview.setObjectName("quorumPreview")
        self.preview.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("settingsMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3261e;")
        self.message.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        for box in (self.numerator, self.denominator, self.rule):
            signal = box.currentIndexChanged if isinstance(box, QComboBox) else box.valueChanged
            signal.connect(self._preview)
        self.retranslate()

    @property
    def ok_button(self) -> QPushButton:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert button is not None
        return button

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Meeting settings"))
        self.rule_label.setText(self.tr("Quorum"))
        self.share_label.setText(self.tr("Share of the members"))
        self.speaking_label.setText(self.tr("Speaking time"))
        self.speaking.setSuffix(self.tr(" min"))
        strict = self.rule.currentIndex()
        self.rule.clear()
        self.rule.addItem(self.tr("more than"), True)
        self.rule.addItem(self.tr("at least"), False)
        self.rule.setCurrentIndex(max(strict, 0))
        self.ok_button.setText(self.tr("&Apply"))
        self._preview()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def load(self) -> None:
        """Fill the fields from the meeting as it stands."""
        view = self.state.view
        self.message.hide()
        if view is None:
            return
        quorum = view.quorum
        self.numerator.setValue(quorum.numerator)
        self.denominator.setValue(quorum.denominator)
        self.rule.setCurrentIndex(0 if quorum.strict else 1)
        self.speaking.setValue(max(1, min(180, round(view.speaking_seconds / 60))))
        self._preview()

    def rule_chosen(self) -> QuorumRule | None:
        """The rule as typed, or None when it is not a share between 0 and 1."""
        numerator, denominator = self.numerator.value(), self.denominator.value()
        if numerator > denominator:
            return None
        return QuorumRule(numerator, denominator, bool(self.rule.currentData()))

    def _preview(self) -> None:
        rule = self.rule_chosen()
        self.ok_button.setEnabled(rule is not None)
        if rule is None:
            self.preview.setText(self.tr("The share must be between 0 and 1 (for example 1/2)."))
            return
        view = self.state.view
        if view is None:
            self.preview.clear()
            return
        members = view.quorum.members
        self.preview.setText(
            self.tr("With {0} members, {1} must be present.").format(
                members, rule.required(members)
            )
        )

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    @asyncSlot()
    async def apply(self) -> None:
        rule = self.rule_chosen()
        if rule is None:
            return
        self.ok_button.setEnabled(False)
        try:
            done = await self.live.configure(rule, self.speaking.value() * 60)
        finally:
            self.ok_button.setEnabled(True)
        if done:
            self.accept()
