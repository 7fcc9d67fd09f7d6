"""Demo appearance images drawn on demand: a blue handwritten-like signature and a red seal.

Deployments use the real scanned signature and seal images; these stand in for demos and tests.
"""

from __future__ import annotations

import hashlib
import io
import math
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT_DIR = Path(__file__).resolve().parents[1] / "resources" / "fonts"
SIGNATURE_BLUE = (18, 38, 150, 255)
SEAL_RED = (205, 22, 32, 255)
_SUPERSAMPLE = 4


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def demo_signature_png(name: str, width: int = 480, height: int = 200) -> bytes:
    """A flowing blue scribble, different for every name, on a transparent background."""
    seed = hashlib.sha256(name.encode()).digest()
    big_w, big_h = width * _SUPERSAMPLE, height * _SUPERSAMPLE
    image = Image.new("RGBA", (big_w, big_h), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    points = []
    steps = 400
    loops = 3 + seed[0] % 3
    for i in range(steps + 1):
        t = i / steps
        # A left-to-right stroke with loops whose size varies with the name.
        x = 0.08 + 0.8 * t + 0.05 * math.sin(2 * math.pi * loops * t + seed[1] / 40)
        y = (
            0.5
            + 0.28 * math.sin(2 * math.pi * loops * t + seed[2] / 30) * (1 - 0.6 * t)
            + 0.08 * math.sin(2 * math.pi * (loops + 2) * t)
        )
        points.append((x * big_w, y * big_h))
    stroke = 5 * _SUPERSAMPLE
    draw.line(points, fill=SIGNATURE_BLUE, width=stroke, joint="curve")
    # The final flourish underlines the signature.
    y0 = big_h * (0.78 + seed[3] / 2550)
    draw.line(
        [(big_w * 0.25, y0), (big_w * 0.6, y0 + big_h * 0.04), (big_w * 0.95, y0 - big_h * 0.1)],
        fill=SIGNATURE_BLUE,
        width=stroke - _SUPERSAMPLE,
        joint="curve",
    )
    return _png(image.resize((width, height), Image.Resampling.LANCZOS))


def _arc_text(
    image: Image.Image, text: str, font: ImageFont.FreeTypeFont, radius: float, top: bool
) -> None:
    """Write `text` along a circle, on the top arc (reading clockwise) or the bottom arc."""
    cx, cy = image.width / 2, image.height / 2
    widths = [font.getlength(ch) for ch in text]
    total = sum(widths)
    angle_span = total / radius
    angle = -math.pi / 2 - angle_span / 2 if top else math.pi / 2 + angle_span / 2
    for ch, w in zip(text, widths, strict=True):
        half = (w / 2) / radius
        mid = angle + half if top else angle - half
        x = cx + radius * math.cos(mid)
        y = cy + radius * math.sin(mid)
        size = int(font.size * 2.2)
        glyph = Image.new("RGBA", (size, size), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text((size / 2, size / 2), ch, font=font, fill=SEAL_RED, anchor="mm")
        rotation = -math.degrees(mid) - 90 if top else -math.degrees(mid) + 90
        glyph = glyph.rotate(rotation, resample=Image.Resampling.BICUBIC)
        image.alpha_composite(glyph, (int(x - size / 2), int(y - size / 2)))
        angle = angle + 2 * half if top else angle - 2 * half


def _star(draw: ImageDraw.ImageDraw, cx: float, cy: float, r: float) -> None:
    points = []
    for i in range(10):
        radius = r if i % 2 == 0 else r * 0.4
        a = -math.pi / 2 + i * math.pi / 5
        points.append((cx + radius * math.cos(a), cy + radius * math.sin(a)))
    draw.polygon(points, fill=SEAL_RED)


def demo_seal_png(
    organisation: str, place: str = "", centre_text: str = "", size: int = 600
) -> bytes:
    """A round red seal: double ring, name on the top arc, place below, a star inside."""
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    c = size / 2
    draw.ellipse((6, 6, size - 6, size - 6), outline=SEAL_RED, width=int(size * 0.025))
    inner = size * 0.30
    draw.ellipse(
        (c - inner, c - inner, c + inner, c + inner), outline=SEAL_RED, width=int(size * 0.012)
    )
    bold = ImageFont.truetype(str(FONT_DIR / "NotoSans-Bold.ttf"), int(size * 0.075))
    text = organisation.upper()
    radius = size * 0.385
    # Shrink the font until the name fits on the top two thirds of the ring.
    for step in range(20):
        if sum(bold.getlength(ch) for ch in text) / radius <= math.pi * 1.35:
            break
        bold = ImageFont.truetype(
            str(FONT_DIR / "NotoSans-Bold.ttf"), int(size * (0.072 - step * 0.003))
        )
    _arc_text(image, text, bold, radius, top=True)
    if place:
        small = ImageFont.truetype(str(FONT_DIR / "NotoSans-Bold.ttf"), int(size * 0.06))
        _arc_text(image, place.upper(), small, radius, top=False)
    _star(draw, c, c - (size * 0.06 if centre_text else 0), size * 0.11)
    if centre_text:
        centre = ImageFont.truetype(str(FONT_DIR / "NotoSans-Bold.ttf"), int(size * 0.05))
        draw.text(
            (c, c + size * 0.13), centre_text.upper(), font=centre, fill=SEAL_RED, anchor="mm"
        )
    return _png(image)
