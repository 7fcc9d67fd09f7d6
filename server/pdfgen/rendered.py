"""What the renderer hands back: the PDF and where its signatures and seals belong."""

from __future__ import annotations

from dataclasses import dataclass

MM = 72 / 25.4  # PDF points per millimetre


@dataclass(frozen=True)
class PageBox:
    """A rectangle on one page: `page` is 0-based, coordinates are PDF points with the origin
    at the bottom left, as pyHanko's signature field boxes expect."""

    page: int
    x1: float
    y1: float
    x2: float
    y2: float

    @property
    def box(self) -> tuple[float, float, float, float]:
        return (self.x1, self.y1, self.x2, self.y2)

    @property
    def width(self) -> float:
        return self.x2 - self.x1

    @property
    def height(self) -> float:
        return self.y2 - self.y1

    @classmethod
    def from_mm(
        cls, page: int, page_height_mm: float, left: float, top: float, width: float, height: float
    ) -> PageBox:
        """Convert a box given in millimetres from the top-left corner (fpdf2's frame)."""
        return cls(
            page=page,
            x1=round(left * MM, 2),
            y1=round((page_height_mm - top - height) * MM, 2),
            x2=round((left + width) * MM, 2),
            y2=round((page_height_mm - top) * MM, 2),
        )


@dataclass(frozen=True)
class RenderedDocument:
    """A rendered document. `signature_boxes[i]` is where signature block i's image goes;
    `seal_boxes[i]` is where the organisation's seal goes over it, or None when that block
    carries no seal."""

    pdf: bytes
    pages: int
    signature_boxes: tuple[PageBox, ...]
    seal_boxes: tuple[PageBox | None, ...]
