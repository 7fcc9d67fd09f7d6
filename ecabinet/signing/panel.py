"""The signature panel: every signature of a document with its status, in the UI language."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ecabinet.core.meeting_time import MEETING_ZONE
from ecabinet.signing.status_names import timestamp_name, verdict
from meetings import protocol_signing as ps

GOOD, BAD = QColor("#237804"), QColor("#a8071a")


class SignaturePanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signaturePanel")
        self.title = QLabel()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.report: ps.ValidationView | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.title, self.summary, self.list):
            layout.addWidget(widget)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Signatures"))
        self.show_report(self.report)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def lines(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def show_report(self, report: ps.ValidationView | None) -> None:
        self.report = report
        self.list.clear()
        if report is None:
            self.summary.setText("")
            return
        signatures = [s for s in report.signatures if not s.is_document_timestamp]
        if not signatures:
            self.summary.setText(self.tr("No signature yet."))
        elif report.all_valid:
            self.summary.setText(self.tr("All {0} signatures are valid.").format(len(signatures)))
        else:
            self.summary.setText(self.tr("Some signatures are NOT valid."))
        for signature in report.signatures:
            when = (
                signature.signing_time.astimezone(MEETING_ZONE).strftime("%d/%m/%Y %H:%M:%S")
                if signature.signing_time
                else "?"
            )
            status = timestamp_name() if signature.is_document_timestamp else verdict(signature)
            text = self.tr("{0} — {1}\nField {2}, signed {3}").format(
                signature.signer, status, signature.field_name, when
            )
            item = QListWidgetItem(text)
            item.setForeground(GOOD if signature.ok else BAD)
            item.setToolTip(f"{signature.summary_vi}\n{signature.summary_en}")
            self.list.addItem(item)
