"""Small helpers for the client's forms."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFormLayout, QLabel, QLayout, QWidget


def add_row(form: QFormLayout, label: QLabel, field: QObject) -> None:
    """A labelled row whose field is a widget or a layout (a row of several widgets)."""
    if isinstance(field, QLayout):
        form.addRow(label, field)
    elif isinstance(field, QWidget):
        form.addRow(label, field)
    else:
        raise TypeError(f"a form row holds a widget or a layout, not {type(field).__name__}")
