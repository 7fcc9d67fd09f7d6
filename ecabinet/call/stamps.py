"""Texts drawn into the synthetic source's pictures, rendered once with Qt's fonts.

Rendering happens in the GUI thread when a source is built; the frames then paste the grey
bitmaps without Qt (`ecabinet.call.sources`). The project's bundled fonts cover Vietnamese.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter

from ecabinet.call.sources import Bitmap

BACKGROUND = 128  # the pattern's flat grey below the grid
TEXT = 235


def render_text(text: str, height: int) -> Bitmap:
    """``text`` in white on the pattern's grey, ``height`` pixels tall, as luma bytes."""
    font = QFont()
    font.setPixelSize(max(6, int(height * 0.8)))
    metrics = QFontMetrics(font)
    width = max(2, metrics.horizontalAdvance(text) + 2)
    width += width % 2
    image = QImage(width, height, QImage.Format.Format_Grayscale8)
    image.fill(QColor(BACKGROUND, BACKGROUND, BACKGROUND))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor(TEXT, TEXT, TEXT))
    baseline = (height + metrics.ascent() - metrics.descent()) // 2
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.drawText(QPoint(1, baseline), text)
    painter.end()
    stride = image.bytesPerLine()
    data = bytes(image.constBits())
    rows = b"".join(data[y * stride : y * stride + width] for y in range(height))
    return Bitmap(width, height, rows)


__all__ = ["render_text"]
