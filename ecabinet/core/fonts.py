"""The bundled Noto fonts, registered so Vietnamese renders the same on every laptop."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from ecabinet.core.resources import FONTS

UI_FAMILY = "Noto Sans"
DEFAULT_POINT_SIZE = 11


class FontError(RuntimeError):
    """A bundled font is missing or Qt refused it."""


def register_fonts() -> list[str]:
    """Add every bundled font to Qt's database; returns the families it now knows."""
    families: set[str] = set()
    files = sorted(FONTS.glob("Noto*.ttf"))
    if not files:
        raise FontError(f"no bundled fonts in {FONTS}")
    for path in files:
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            raise FontError(f"Qt could not load the font {path}")
        families.update(QFontDatabase.applicationFontFamilies(font_id))
    return sorted(families)


def apply_ui_font(app: QApplication, point_size: int = DEFAULT_POINT_SIZE) -> QFont:
    font = QFont(UI_FAMILY, point_size)
    app.setFont(font)
    return font
