"""Placeholder photos for the demo data, drawn with Pillow (no download, no stock photo)."""

import io
import zlib
from functools import lru_cache

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw, ImageFont

PALETTE = [(29, 92, 58), (156, 58, 18), (120, 83, 32), (64, 97, 140), (140, 48, 90),
           (90, 110, 40), (170, 120, 30), (70, 70, 110)]


@lru_cache(maxsize=8)
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    # Pillow's built-in font lacks accented capitals; DejaVu (when installed) has them all.
    try:
        return ImageFont.truetype("DejaVuSans.ttf", size)
    except OSError:
        return ImageFont.load_default(size=size)


def demo_photo(title: str, *, size: tuple[int, int] = (640, 480)) -> ContentFile:
    """A JPEG with a two-tone gradient and the title; the same title gives the same image."""
    seed = zlib.crc32(title.encode())
    return ContentFile(_photo_bytes(title, size), name=f"demo-{seed:08x}-{size[0]}.jpg")


@lru_cache(maxsize=256)
def _photo_bytes(title: str, size: tuple[int, int]) -> bytes:
    # Several demo farms sell the same products: each picture is drawn once per run.
    seed = zlib.crc32(title.encode())
    top = PALETTE[seed % len(PALETTE)]
    bottom = tuple(min(255, c + 70) for c in PALETTE[(seed // 7) % len(PALETTE)])
    # A two-pixel image stretched with bilinear filtering is the vertical gradient.
    ends = Image.new("RGB", (1, 2))
    ends.putdata([top, bottom])
    width, height = size
    image = ends.resize(size, Image.Resampling.BILINEAR)
    draw = ImageDraw.Draw(image)
    font = _font(max(14, width // 18))
    draw.text((width // 20, height - height // 5), title[:28], fill=(255, 255, 255), font=font)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=70, optimize=True)
    return buffer.getvalue()
