"""Where the bundled resources live, found from this file (the package ships beside them)."""

from __future__ import annotations

from pathlib import Path

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
FONTS = RESOURCES / "fonts"
I18N = RESOURCES / "i18n"
STYLE = RESOURCES / "style"
DEMO_CITY = RESOURCES / "demo" / "city.json"
