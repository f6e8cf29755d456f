"""Placeholder photos for the demo data, drawn with Pillow (no download, no stock photo)."""

import io
import zlib

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw, ImageFont

PALETTE = [(29, 92, 58), (156, 58, 18), (120, 83, 32), (64, 97, 140), (140, 48, 90),
           (90, 110, 40), (170, 120, 30), (70, 70, 110)]


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    # Pillow's built-in font lacks accented capitals; DejaVu (when installed) has them all.
    try:
        return ImageFont.truetype("DejaVuSans.ttf", size)
    except OSError:
        return ImageFont.load_default(size=size)


def demo_photo(title: str, *, size: tuple[int, int] = (640, 480)) -> ContentFile:
    """A JPEG with a two-tone gradient and the title; the same title gives the same image."""
    seed = zlib.crc32(title.encode())
    top = PALETTE[seed % len(PALETTE)]
    bottom = tuple(min(255, c + 70) for c in PALETTE[(seed // 7) % len(PALETTE)])
    image = Image.new("RGB", size, top)
    draw = ImageDraw.Draw(image)
    width, height = size
    for y in range(height):
        t = y / height
        colour = tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        draw.line([(0, y), (width, y)], fill=colour)
    font = _font(max(14, width // 18))
    draw.text((width // 20, height - height // 5), title[:28], fill=(255, 255, 255), font=font)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=70, optimize=True)
    return ContentFile(buffer.getvalue(), name=f"demo-{seed:08x}-{width}.jpg")
