"""Screenshots of the main screens, kept for a person to look at (bench/out is ignored by git)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

SCREENS = Path(__file__).resolve().parents[2] / "bench" / "out" / "client-screens"


def save_screenshot(widget: QWidget, name: str) -> Path:
    SCREENS.mkdir(parents=True, exist_ok=True)
    path = SCREENS / f"{name}.png"
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    return path
