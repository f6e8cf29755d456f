"""Uploaded photos: validated, re-encoded without metadata, resized, stored through the storage API.

Only the pixels survive: every upload is decoded and written again as a fresh JPEG, so EXIF
(phones put the farm's GPS position there), ICC profiles, comments and anything smuggled after
the image data are dropped. SVG is refused because it is a document that can carry scripts.
"""

import io
import uuid
import warnings
from dataclasses import dataclass
from typing import IO

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
# A phone's photo is 12 megapixels (4032 × 3024), 24 at most in its default modes; a bigger
# canvas is refused before it is decoded (a 6,300 × 6,300 JPEG took 500 MB).
MAX_PIXELS = 24_000_000
ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP"}
DISPLAY_BOX = (1600, 1600)
THUMBNAIL_SIZE = (320, 240)  # the 4:3 cards of the public pages
LOGO_BOX = (400, 400)
JPEG_QUALITY = 82


@dataclass(frozen=True)
class ProcessedImage:
    display: ContentFile
    thumbnail: ContentFile | None  # None: made later, by the background task
    width: int
    height: int


def _error(message: str, code: str) -> ValidationError:
    return ValidationError(message, code=code)


def _check_size(upload: IO[bytes]) -> None:
    size = getattr(upload, "size", None)
    if size is None:
        upload.seek(0, io.SEEK_END)
        size = upload.tell()
    if size == 0:
        raise _error(str(_("Le fichier est vide.")), "empty")
    if size > MAX_UPLOAD_BYTES:
        raise _error(
            str(_("La photo pèse plus de 10 Mo : réduisez-la ou choisissez-en une autre.")),
            "too_large",
        )


def _open(upload: IO[bytes], *, box: tuple[int, int] = DISPLAY_BOX) -> Image.Image:
    """Open and decode the upload, refusing anything that is not a sane JPEG/PNG/WebP.

    A JPEG is decoded at the smallest of its built-in scales (1/2, 1/4, 1/8) that still covers
    `box`: a 12-megapixel photo needs 9 MB of memory instead of 36, and nothing bigger than the
    copies we keep is ever held."""
    upload.seek(0)
    head = upload.read(512).lstrip()
    if head[:5].lower() in (b"<?xml", b"<svg ") or b"<svg" in head.lower():
        raise _error(str(_("Les images SVG ne sont pas acceptées : envoyez une photo JPEG, "
                           "PNG ou WebP.")), "svg")
    upload.seek(0)
    # Decode from a copy (at most 10 MB, checked before): Pillow may close the file it reads,
    # and the caller still needs the upload.
    data = io.BytesIO(upload.read())
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            # Pillow only warns between MAX_IMAGE_PIXELS and twice that; make it an error.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(data)
            if image.format not in ALLOWED_FORMATS:
                raise _error(str(_("Ce format d'image n'est pas accepté : envoyez une photo "
                                   "JPEG, PNG ou WebP.")), "format")
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise _bomb()
            if image.format == "JPEG":
                image.draft("RGB", _draft_size(image.size, box))
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _bomb() from None
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise _error(str(_("Ce fichier n'est pas une image lisible : envoyez une photo JPEG, "
                           "PNG ou WebP.")), "invalid") from None
    return image


def _draft_size(size: tuple[int, int], box: tuple[int, int]) -> tuple[int, int]:
    """The least the decoder must keep: enough for the display copy (within `box`) and for the
    thumbnail's crop (at least its size on each side)."""
    width, height = size
    scale = min(1.0, box[0] / width, box[1] / height)
    return (max(THUMBNAIL_SIZE[0], int(width * scale)), max(THUMBNAIL_SIZE[1], int(height * scale)))


def _bomb() -> ValidationError:
    return _error(str(_("Cette image est trop grande (plus de 24 millions de pixels) : envoyez "
                        "la photo telle que le téléphone la prend, ou réduisez-la.")), "bomb")


def _flatten(image: Image.Image) -> Image.Image:
    """Apply the EXIF orientation, then drop transparency onto white (JPEG has no alpha)."""
    image = ImageOps.exif_transpose(image)
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")


def _encode(image: Image.Image, name: str) -> ContentFile:
    buffer = io.BytesIO()
    # Only the pixels: Pillow would write back a comment, an ICC profile or EXIF found in
    # `info` (a converted copy keeps it), so it is emptied and no exif= is passed.
    image.info.clear()
    image.save(buffer, format="JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    return ContentFile(buffer.getvalue(), name=name)


def validate_image(upload: IO[bytes]) -> None:
    """Raise a French ValidationError unless the upload is a real, reasonable photo."""
    _check_size(upload)
    _open(upload).close()
    upload.seek(0)


def process_photo(upload: IO[bytes], *, box: tuple[int, int] = DISPLAY_BOX,
                  thumbnail: bool = True) -> ProcessedImage:
    """A display copy bounded by `box` and (unless told otherwise) a 320×240 card thumbnail,
    both clean JPEGs."""
    _check_size(upload)
    source = _open(upload, box=box)
    try:
        image = _flatten(source)
    finally:
        source.close()
    stem = uuid.uuid4().hex
    display = image.copy()
    display.thumbnail(box, Image.Resampling.LANCZOS)
    card = (_encode(ImageOps.fit(image, THUMBNAIL_SIZE, Image.Resampling.LANCZOS),
                    thumbnail_name(f"{stem}.jpg")) if thumbnail else None)
    return ProcessedImage(
        display=_encode(display, f"{stem}.jpg"),
        thumbnail=card,
        width=display.width,
        height=display.height,
    )


def thumbnail_of(source: IO[bytes], *, name: str) -> ContentFile:
    """The 320×240 card thumbnail of a stored display copy (already clean: the background
    task's work when a worker runs, see producers.tasks.photo_thumbnail_make)."""
    opened = _open(source, box=THUMBNAIL_SIZE)
    try:
        image = _flatten(opened)
    finally:
        opened.close()
    return _encode(ImageOps.fit(image, THUMBNAIL_SIZE, Image.Resampling.LANCZOS), name)


def thumbnail_name(image_name: str) -> str:
    """Where a display copy's thumbnail goes: next to it, with the same random stem."""
    return f"{image_name.rsplit('.', 1)[0]}-vignette.jpg"


def process_logo(upload: IO[bytes]) -> ContentFile:
    """A logo, bounded by 400×400 (no crop: logos are not 4:3)."""
    return process_photo(upload, box=LOGO_BOX, thumbnail=False).display
