"""Fixtures shared by the whole suite."""

from __future__ import annotations

import os

# Qt tests run without a display; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
