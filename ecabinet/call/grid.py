"""The tiles laid out: a grid of up to 16 sites, or a large spotlight tile over a strip."""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from ecabinet.call.tiles import VideoTile

MAX_TILES = 16


def grid_shape(count: int) -> tuple[int, int]:
    """Columns and rows for ``count`` tiles, about as wide as 16:9 pictures want."""
    if count <= 0:
        return 1, 1
    columns = math.ceil(math.sqrt(count))
    rows = math.ceil(count / columns)
    return columns, rows


class CallGrid(QWidget):
    """Owns one `VideoTile` per site; `arrange` places them for the chosen layout."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callGrid")
        self.tiles: dict[str, VideoTile] = {}
        self.shown: list[str] = []
        self.big: str | None = None
        self.on_new_tile: Callable[[VideoTile], None] | None = None
        self.grid_page = QWidget()
        self.grid_layout = QGridLayout(self.grid_page)
        self.grid_layout.setSpacing(4)
        self.grid_layout.setContentsMargins(0, 0, 0, 0)
        self.spot_page = QWidget()
        self.big_slot = QVBoxLayout()
        self.strip = QHBoxLayout()
        self.strip.setSpacing(4)
        spot = QVBoxLayout(self.spot_page)
        spot.setContentsMargins(0, 0, 0, 0)
        spot.addLayout(self.big_slot, 4)
        spot.addLayout(self.strip, 1)
        self.stack = QStackedLayout(self)
        self.stack.addWidget(self.grid_page)
        self.stack.addWidget(self.spot_page)

    def tile(self, site: str, name: str) -> VideoTile:
        tile = self.tiles.get(site)
        if tile is None:
            tile = VideoTile(site, name)
            self.tiles[site] = tile
            if self.on_new_tile is not None:
                self.on_new_tile(tile)
        elif tile.name != name:
            tile.set_name(name)
        return tile

    def drop_missing(self, sites: set[str]) -> None:
        for site in list(self.tiles):
            if site not in sites:
                tile = self.tiles.pop(site)
                tile.hide()
                tile.setParent(None)
                tile.deleteLater()

    def _detach(self) -> None:
        for layout in (self.grid_layout, self.big_slot, self.strip):
            for tile in self.tiles.values():
                layout.removeWidget(tile)

    def arrange(self, order: list[str], spotlight: str | None, spotlight_layout: bool) -> None:
        """Show the first 16 of ``order``; with ``spotlight_layout`` the spotlighted one large."""
        self._detach()
        shown = [s for s in order if s in self.tiles][:MAX_TILES]
        self.shown = shown
        for site, tile in self.tiles.items():
            tile.setVisible(site in shown)
        big = spotlight if spotlight_layout and spotlight in shown else None
        self.big = big
        if big is not None:
            self.big_slot.addWidget(self.tiles[big])
            for site in shown:
                if site != big:
                    self.strip.addWidget(self.tiles[site])
            self.stack.setCurrentWidget(self.spot_page)
            return
        columns, _rows = grid_shape(len(shown))
        for index, site in enumerate(shown):
            self.grid_layout.addWidget(self.tiles[site], index // columns, index % columns)
        self.stack.setCurrentWidget(self.grid_page)

    def overflow(self, order: list[str]) -> list[str]:
        """The sites beyond the 16 shown (their video is not needed)."""
        return [s for s in order if s not in self.shown]
