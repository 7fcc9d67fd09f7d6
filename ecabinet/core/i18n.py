"""Translations the Qt way: .ts under resources/i18n, .qm built by pyside6-lrelease.

Source strings are English; Vietnamese is the default language. There is one catalogue per
part of the client (`ecabinet_vi.ts` for the core screens, `call_vi.ts` for the video call,
`live_vi.ts` for the live meeting, ...), so that the parts can be translated apart; every
`*_<language>.ts` found is loaded. The .qm files are committed too, and rebuilt here when a
.ts is newer (a translator edited it in Linguist).
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


def catalogues(language: str) -> list[Path]:
    """The .ts files of one language, one per part of the client."""
    return sorted(I18N.glob(f"*_{language}.ts"))


def qm_files(language: str) -> list[Path]:
    found: list[Path] = []
    for ts in catalogues(language):
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            try:
                build_qm(ts, qm)
            except (OSError, subprocess.SubprocessError) as exc:
                log.warning("could not rebuild %s: %s", qm, exc)
        if qm.exists():
            found.append(qm)
    return found


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
        loaded = 0
        for qm in qm_files(language):
            own = QTranslator(self.app)
            if own.load(str(qm)):
                self._install(own)
                loaded += 1
        if not loaded:
            log.warning("no %s translation found in %s", language, I18N)

    def _install(self, translator: QTranslator) -> None:
        self.app.installTranslator(translator)
        self._installed.append(translator)
