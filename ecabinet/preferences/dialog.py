"""The settings dialog. Language and font size apply at once, app-wide (retranslation through
QEvent.LanguageChange); the server and the cache take effect at the next sign-in."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ecabinet.core.fonts import apply_ui_font
from ecabinet.core.forms import add_row
from ecabinet.core.i18n import Translations
from ecabinet.core.settings import FONT_SIZES, LANGUAGES, Settings
from ecabinet.preferences.forget import forget_laptop

LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}  # each in its own language


def ask_with_box(parent: QWidget, title: str, text: str) -> bool:
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


class SettingsDialog(QDialog):
    forgotten = Signal()  # the cache and pins are gone: whoever is signed in must leave

    def __init__(
        self,
        settings: Settings,
        translations: Translations | None,
        ask: Callable[[QWidget, str, str], bool] = ask_with_box,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.settings = settings
        self.translations = translations
        self.ask = ask
        self.language = QComboBox()
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(LANGUAGES.index(settings.language))
        self.server = QLineEdit(settings.server_url)
        self.cache_dir = QLineEdit(str(settings.cache_dir))
        self.browse_button = QPushButton()
        cache_row = QHBoxLayout()
        cache_row.addWidget(self.cache_dir, 1)
        cache_row.addWidget(self.browse_button)
        self.cache_limit = QSpinBox()
        self.cache_limit.setRange(50, 1_000_000)
        self.cache_limit.setSingleStep(256)
        self.cache_limit.setValue(settings.cache_limit_mb)
        self.font_size = QSpinBox()
        self.font_size.setRange(FONT_SIZES.start, FONT_SIZES.stop - 1)
        self.font_size.setValue(settings.font_size)
        self.forget_button = QPushButton()
        self.forget_button.setObjectName("dangerButton")
        self.message = QLabel()
        self.message.setObjectName("pageMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.labels = [QLabel() for _ in range(5)]
        form = QFormLayout()
        for label, field, buddy in zip(
            self.labels,
            (self.language, self.server, cache_row, self.cache_limit, self.font_size),
            (self.language, self.server, self.cache_dir, self.cache_limit, self.font_size),
            strict=True,
        ):
            add_row(form, label, field)
            label.setBuddy(buddy)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.forget_button)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        chain = [
            self.language,
            self.server,
            self.cache_dir,
            self.browse_button,
            self.cache_limit,
            self.font_size,
            self.forget_button,
            self.buttons,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.buttons.accepted.connect(self.apply_and_close)
        self.buttons.rejected.connect(self.reject)
        self.browse_button.clicked.connect(self._browse)
        self.forget_button.clicked.connect(self.forget)
        self.language.setFocus()
        self.setMinimumWidth(620)  # room for a cache path
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        for label, text in zip(
            self.labels,
            (
                self.tr("&Language"),
                self.tr("&Server"),
                self.tr("&Cache folder"),
                self.tr("Cache &limit"),
                self.tr("&Font size"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.browse_button.setText(self.tr("&Browse…"))
        self.cache_limit.setSuffix(self.tr(" MB"))
        self.font_size.setSuffix(self.tr(" pt"))
        self.forget_button.setText(self.tr("Forget this &laptop…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _browse(self) -> None:
        dialog = QFileDialog(self, self.tr("Where the offline copy is kept"))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.fileSelected.connect(self.cache_dir.setText)
        dialog.open()

    def _show(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def apply(self) -> bool:
        """Save every field; False (with the reason shown) when one is refused."""
        try:
            self.settings.server_url = self.server.text().strip()
        except ValueError:
            self._show(self.tr("The server address starts with wss:// (ws:// on loopback)."))
            return False
        folder = self.cache_dir.text().strip()
        if not folder or not Path(folder).is_absolute():
            self._show(self.tr("The cache folder must be a full path."))
            return False
        self.settings.cache_dir = Path(folder)
        self.settings.cache_limit_mb = self.cache_limit.value()
        self.settings.font_size = self.font_size.value()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_ui_font(app, self.font_size.value())
        language = str(self.language.currentData())
        if language != self.settings.language or (
            self.translations is not None and self.translations.language != language
        ):
            self.settings.language = language
            if self.translations is not None:
                self.translations.switch(language)  # Qt sends LanguageChange to every widget
        self.settings.sync()
        self.message.hide()
        return True

    def apply_and_close(self) -> None:
        if self.apply():
            self.accept()

    def forget(self) -> bool:
        if not self.ask(
            self,
            self.tr("Forget this laptop"),
            self.tr(
                "Delete the offline copy of every meeting and document, the pinned server "
                "certificates and the saved user names from this laptop? Notes and comments "
                "not yet sent are lost too."
            ),
        ):
            return False
        try:
            folder = forget_laptop(self.settings)
        except OSError as exc:
            self._show(self.tr("The cache could not be deleted: {0}").format(exc))
            return False
        self._show(
            self.tr("This laptop no longer keeps anything of eCabinet in {0}.").format(folder)
        )
        self.forgotten.emit()
        return True
