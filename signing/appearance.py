"""Visible signature appearances as Decree 30/2020/NĐ-CP, Appendix I describes them.

A competent person's signature shows the job title, the signature image (blue, transparent
PNG) and the full name, top to bottom. The organisation's signature shows its red seal at the
seal's real size, placed so that it covers the left third of the person's signature image,
with the organisation's name and the signing time (ISO 8601, +07:00) under it.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
from dataclasses import dataclass
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont
from PIL import Image
from pyhanko.pdf_utils import layout
from pyhanko.pdf_utils.font.api import FontEngineFactory
from pyhanko.pdf_utils.font.opentype import GlyphAccumulator
from pyhanko.pdf_utils.images import PdfImage
from pyhanko.pdf_utils.text import TextBox, TextBoxStyle
from pyhanko.pdf_utils.writer import BasePdfFileWriter
from pyhanko.stamp import BaseStamp, BaseStampStyle, TextStampStyle

from signing.errors import FieldError

FONT_DIR = Path(__file__).resolve().parents[1] / "resources" / "fonts"
VIETNAM = dt.timezone(dt.timedelta(hours=7), "ICT")
MM = 72 / 25.4
# pyHanko hands the signing time to text stamps through this format; we parse it back.
_TS_FORMAT = "%Y-%m-%dT%H:%M:%S%z"

Box = tuple[float, float, float, float]

# Person layout: title band on top, name band at the bottom, the image between.
TITLE_BAND = 22.0
NAME_BAND = 22.0
IMAGE_PAD = 3.0
CAPTION_SIZE = 7
CAPTION_HEIGHT = 3 * CAPTION_SIZE * 1.25 + 4


def vietnam_time(moment: dt.datetime) -> str:
    """ISO 8601 in Vietnam time, e.g. 2026-09-10T14:35:07+07:00 (Vietnam has no DST)."""
    return moment.astimezone(VIETNAM).replace(microsecond=0).isoformat()


@dataclass(frozen=True)
class PersonAppearance:
    title: str
    full_name: str
    signature_png: bytes


@dataclass(frozen=True)
class SealAppearance:
    organisation: str
    seal_png: bytes
    seal_diameter_mm: float = 36.0


class _SharedFont(FontEngineFactory):
    """One embedded font per appearance, shared by all its lines (each new pyHanko font
    engine parses and later subsets the whole font file, ~0.1 s each)."""

    def __init__(self, bold: bool) -> None:
        # NotoSerif has unitsPerEm 1000, which pyHanko's text layout handles correctly.
        name = "NotoSerif-Bold.ttf" if bold else "NotoSerif-Regular.ttf"
        self._path = str(FONT_DIR / name)
        self._engine: GlyphAccumulator | None = None

    def create_font_engine(
        self, writer: BasePdfFileWriter, obj_stream: object = None
    ) -> GlyphAccumulator:
        if self._engine is None:
            if obj_stream is None and writer.stream_xrefs:
                obj_stream = writer.prepare_object_stream()
            self._engine = GlyphAccumulator(
                writer=writer,
                font_handle=io.BytesIO(_font_bytes(self._path)),
                font_size=10,
                obj_stream=obj_stream,
            )
        return self._engine


# Latin, Vietnamese letters and combining marks, general punctuation: what appearances need.
_FONT_RANGES = (
    (0x20, 0x7E),
    (0xA0, 0x24F),
    (0x300, 0x36F),
    (0x1EA0, 0x1EFF),
    (0x2000, 0x206F),
)


@functools.cache
def _font_bytes(path: str) -> bytes:
    """The font cut down once to the letters appearances use: pyHanko re-reads the whole
    font for every signature, and the full Noto font costs ~0.4 s of table parsing."""
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    with TTFont(path) as font:  # closes the file; an open one warns at garbage collection
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=[c for lo, hi in _FONT_RANGES for c in range(lo, hi + 1)])
        subsetter.subset(font)
        out = io.BytesIO()
        font.save(out)
    return out.getvalue()


def _load_png(data: bytes) -> Image.Image:
    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except OSError as exc:
        raise FieldError(
            f"The appearance image is not a readable PNG: {exc}",
            f"Ảnh chữ ký/con dấu không phải tệp PNG đọc được: {exc}",
        ) from exc
    return image.convert("RGBA")


def _fit(image: Image.Image, width: float, height: float) -> tuple[float, float]:
    scale = min(width / image.width, height / image.height)
    return image.width * scale, image.height * scale


def person_image_rect(box: Box) -> Box:
    """Where the signature image sits inside a person's field (page coordinates)."""
    x1, y1, x2, y2 = box
    return (
        x1 + IMAGE_PAD,
        y1 + NAME_BAND + IMAGE_PAD,
        x2 - IMAGE_PAD,
        y2 - TITLE_BAND - IMAGE_PAD,
    )


def seal_box_for(person_box: Box, seal_diameter_mm: float = 36.0) -> Box:
    """The seal field's box: the seal covers the left third of the person's signature image."""
    ix1, iy1, ix2, iy2 = person_image_rect(person_box)
    diameter = seal_diameter_mm * MM
    right = ix1 + (ix2 - ix1) / 3
    centre_y = (iy1 + iy2) / 2
    # The caption goes under the person's field, clear of the name line.
    bottom = min(centre_y - diameter / 2, person_box[1]) - CAPTION_HEIGHT
    return (right - diameter, bottom, right, centre_y + diameter / 2)


class _Composer(BaseStamp):
    """Draws images and lines of text at given places in the widget's coordinate space."""

    def __init__(
        self, writer: BasePdfFileWriter, style: BaseStampStyle, box: layout.BoxConstraints
    ):
        super().__init__(writer=writer, style=style, box=box)
        self._ops: list[bytes] = []
        self._fonts = 0
        self._shared = {True: _SharedFont(bold=True), False: _SharedFont(bold=False)}

    def image(self, image: Image.Image, x: float, y: float, w: float, h: float) -> None:
        pdf_image = PdfImage(image, writer=self.writer, box=layout.BoxConstraints(w, h))
        self._ops.append(b"q 1 0 0 1 %.3f %.3f cm %s Q" % (x, y, pdf_image.render()))
        self.import_resources(pdf_image.resources)

    def text_width(self, text: str, size: int, bold: bool) -> float:
        box = self._text_box(text, size, bold, count=False)
        box.render()
        return float(box.box.width)

    def _text_box(self, text: str, size: int, bold: bool, count: bool = True) -> TextBox:
        if count:
            self._fonts += 1
        style = TextBoxStyle(font=self._shared[bold], font_size=size, border_width=0)
        box = TextBox(
            style,
            writer=self.writer,
            resources=self.resources if count else None,
            font_name=f"F{self._fonts}",
        )
        box.content = text
        return box

    def centred_line(self, text: str, centre_x: float, y: float, size: int, bold: bool) -> None:
        box = self._text_box(text, size, bold)
        commands = box.render()
        width = float(box.box.width)
        self._ops.append(b"q 1 0 0 1 %.3f %.3f cm %s Q" % (centre_x - width / 2, y, commands))

    def _render_inner_content(self) -> list[bytes]:
        return self._ops


@dataclass(frozen=True)
class PersonStampStyle(BaseStampStyle):
    """Title, blue signature image, full name: the competent person's signature."""

    appearance: PersonAppearance | None = None
    border_width: int = 0

    def create_stamp(
        self, writer: BasePdfFileWriter, box: layout.BoxConstraints, text_params: dict
    ) -> BaseStamp:
        assert self.appearance is not None
        width, height = float(box.width), float(box.height)
        stamp = _Composer(writer, self, box)
        image = _load_png(self.appearance.signature_png)
        ix1, iy1, ix2, iy2 = person_image_rect((0, 0, width, height))
        w, h = _fit(image, ix2 - ix1, iy2 - iy1)
        stamp.image(image, ix1 + (ix2 - ix1 - w) / 2, iy1 + (iy2 - iy1 - h) / 2, w, h)
        stamp.centred_line(self.appearance.title.upper(), width / 2, height - TITLE_BAND, 11, True)
        stamp.centred_line(self.appearance.full_name, width / 2, 3, 11, True)
        return stamp


@dataclass(frozen=True)
class SealStampStyle(TextStampStyle):
    """The organisation's red seal with its name and the signing time under it."""

    appearance: SealAppearance | None = None
    border_width: int = 0
    timestamp_format: str = _TS_FORMAT

    # A composed stamp, not pyHanko's text stamp; subclassing TextStampStyle is only how
    # pyHanko hands over the signing time.
    def create_stamp(  # type: ignore[override]
        self, writer: BasePdfFileWriter, box: layout.BoxConstraints, text_params: dict
    ) -> BaseStamp:
        assert self.appearance is not None
        width, height = float(box.width), float(box.height)
        signed_at = dt.datetime.strptime(text_params["ts"], _TS_FORMAT)
        stamp = _Composer(writer, self, box)
        image = _load_png(self.appearance.seal_png)
        diameter = min(self.appearance.seal_diameter_mm * MM, width, height - CAPTION_HEIGHT)
        w, h = _fit(image, diameter, diameter)
        stamp.image(image, (width - w) / 2, height - h, w, h)
        lines = _wrap(stamp, self.appearance.organisation, width, CAPTION_SIZE, max_lines=2)
        lines.append(vietnam_time(signed_at))
        line_height = CAPTION_SIZE * 1.25
        shown = lines[-3:]
        for index, line in enumerate(shown):
            y = 2 + (len(shown) - 1 - index) * line_height
            stamp.centred_line(line, width / 2, y, CAPTION_SIZE, False)
        return stamp


def _wrap(stamp: _Composer, text: str, width: float, size: int, max_lines: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and stamp.text_width(candidate, size, False) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], " ".join(lines[max_lines - 1 :])]
    return lines


def stamp_style(appearance: PersonAppearance | SealAppearance) -> BaseStampStyle:
    if isinstance(appearance, PersonAppearance):
        return PersonStampStyle(appearance=appearance)
    return SealStampStyle(appearance=appearance)
