"""One site's tile: its picture, its name, the speaker's border, a muted badge, quality bars."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QContextMenuEvent, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ecabinet.call.model import Picture, Quality

SPEAKER_COLOUR = QColor("#f5b700")
FLOOR_COLOUR = QColor("#2e9e44")
QUALITY_COLOURS = {
    Quality.GOOD: QColor("#2e9e44"),
    Quality.FAIR: QColor("#f5b700"),
    Quality.POOR: QColor("#d33b2c"),
    Quality.UNKNOWN: QColor("#8a8f98"),
}
QUALITY_BARS = {Quality.GOOD: 3, Quality.FAIR: 2, Quality.POOR: 1, Quality.UNKNOWN: 0}


def picture_image(picture: Picture) -> QImage:
    """A QImage owning a copy of the picture's bytes (build it in the GUI thread)."""
    image = QImage(
        picture.rgb, picture.width, picture.height, picture.stride, QImage.Format.Format_RGB888
    )
    return image.copy()


class VideoTile(QFrame):
    """Paints the latest picture scaled to fit; the texts are child labels."""

    context_requested = Signal(str, QPoint)  # site, global position

    def __init__(self, site: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("videoTile")
        self.site = site
        self.image: QImage | None = None
        self.pictures = 0
        self.speaking = False
        self.floor = False
        self.pinned = False
        self.own = False
        self.video_hidden = False
        self.muted: str | None = None
        self.quality = Quality.UNKNOWN
        self.setMinimumSize(QSize(160, 90))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.name_label = QLabel(name)
        self.name_label.setObjectName("tileName")
        self.name_label.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.name_label.setStyleSheet(
            "background: rgba(0,0,0,150); color: white; padding: 2px 6px; border-radius: 3px;"
        )
        self.name_label.setVisible(bool(name))
        self.muted_badge = QLabel()
        self.muted_badge.setObjectName("tileMuted")
        self.muted_badge.setStyleSheet(
            "background: #d33b2c; color: white; padding: 2px 6px; border-radius: 3px;"
        )
        self.muted_badge.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.muted_badge.hide()
        self.placeholder = QLabel()
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet("color: #c8ccd2;")
        self.placeholder.setWordWrap(True)
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.muted_badge)
        bottom = QHBoxLayout()
        bottom.addWidget(self.name_label, 0, Qt.AlignmentFlag.AlignLeft)
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.placeholder, 1)
        layout.addLayout(bottom)
        self.retranslate()

    def retranslate(self) -> None:
        by_chair = self.muted == "chair"
        self.muted_badge.setText(self.tr("Muted by the chair") if by_chair else self.tr("Muted"))
        self._placeholder_text()
        names = {
            Quality.GOOD: self.tr("Connection: good"),
            Quality.FAIR: self.tr("Connection: fair"),
            Quality.POOR: self.tr("Connection: poor"),
            Quality.UNKNOWN: self.tr("Connection: not measured yet"),
        }
        self.setToolTip(names[self.quality])

    def _placeholder_text(self) -> None:
        # The placeholder stays in the layout (it keeps the labels at the edges); only its
        # text goes when a picture is shown.
        if self.video_hidden:
            self.placeholder.setText(self.tr("Video hidden"))
        elif self.image is None:
            self.placeholder.setText(self.tr("No picture yet"))
        else:
            self.placeholder.setText("")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- state ----------------------------------------------------------------------------

    @property
    def name(self) -> str:
        return self.name_label.text()

    def set_name(self, name: str) -> None:
        self.name_label.setText(name)
        self.name_label.setVisible(bool(name))

    def set_video_hidden(self, hidden: bool) -> None:
        if hidden != self.video_hidden:
            self.video_hidden = hidden
            if hidden:
                self.image = None
            self._placeholder_text()
            self.retranslate()
            self.update()

    def set_image(self, image: QImage) -> None:
        if self.video_hidden:
            return
        self.image = image
        self.pictures += 1
        if self.pictures == 1:
            self._placeholder_text()
        self.update()

    def set_state(
        self,
        *,
        speaking: bool,
        muted: str | None,
        floor: bool,
        pinned: bool,
        quality: Quality,
    ) -> None:
        changed = (speaking, muted, floor, pinned, quality) != (
            self.speaking,
            self.muted,
            self.floor,
            self.pinned,
            self.quality,
        )
        self.speaking, self.muted, self.floor, self.pinned = speaking, muted, floor, pinned
        self.quality = quality
        if changed:
            self.muted_badge.setVisible(muted is not None)
            self.retranslate()
            self.update()

    # --- painting -------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#1d2330"))
        if self.image is not None and not self.image.isNull():
            scaled = self.image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(QPoint(0, 0), scaled)
            target.moveCenter(self.rect().center())
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(target, self.image)
        self._paint_quality(painter)
        if self.speaking or self.floor:
            colour = FLOOR_COLOUR if self.floor else SPEAKER_COLOUR
            painter.setPen(QPen(colour, 4))
            painter.drawRect(self.rect().adjusted(2, 2, -2, -2))
        painter.end()

    def _paint_quality(self, painter: QPainter) -> None:
        bars = QUALITY_BARS[self.quality]
        colour = QUALITY_COLOURS[self.quality]
        for index in range(3):
            height = 5 + 4 * index
            rect = QRect(10 + index * 6, 10 + 13 - height, 4, height)
            painter.fillRect(rect, colour if index < bars else QColor(255, 255, 255, 60))

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.context_requested.emit(self.site, event.globalPos())
