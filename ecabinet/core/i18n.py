"""Translations the Qt way: .ts under resources/i18n, .qm built by pyside6-lrelease.

Source strings are English; Vietnamese is the default language. The .qm files are committed
too, and rebuilt here when a .ts is newer (a translator edited it in Linguist).
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ecabinet.core.resources import I18N

log = logging.getLogger(__name__)
CATALOGUE = "ecabinet"


def lrelease_path() -> Path | None:
    beside = Path(sys.executable).parent / "pyside6-lrelease"
    if beside.exists():
        return beside
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    return Path(found) if found else None


def build_qm(ts: Path, qm: Path) -> Path:
    tool = lrelease_path()
    if tool is None:
        raise FileNotFoundError("pyside6-lrelease is not installed")
    subprocess.run([str(tool), "-silent", str(ts), "-qm", str(qm)], check=True, timeout=60)
    return qm


def qm_for(language: str) -> Path | None:
    ts = I18N / f"{CATALOGUE}_{language}.ts"
    qm = I18N / f"{CATALOGUE}_{language}.qm"
    if ts.exists() and (not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime):
        try:
            build_qm(ts, qm)
        except (OSError, subprocess.SubprocessError) as exc:
            log.warning("could not rebuild %s: %s", qm, exc)
    return qm if qm.exists() else None


class Translations:
    """The translators installed in the application; `switch` changes language live."""

    def __init__(self, app: QCoreApplication) -> None:
        self.app = app
        self.language = "en"
        self._installed: list[QTranslator] = []

    def switch(self, language: str) -> None:
        for translator in self._installed:
            self.app.removeTranslator(translator)
        self._installed.clear()
        self.language = language
        QLocale.setDefault(
            QLocale(QLocale.Language.Vietnamese if language == "vi" else QLocale.Language.English)
        )
        if language == "en":
            return  # the source strings are English
        qt = QTranslator(self.app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(f"qtbase_{language}", qt_dir):
            self._install(qt)
        own = QTranslator(self.app)
        qm = qm_for(language)
        if qm is None or not own.load(str(qm)):
            log.warning("no %s translation found in %s", language, I18N)
            return
        self._install(own)

    def _install(self, translator: QTranslator) -> None:
        self.app.installTranslator(translator)
        self._installed.append(translator)
