"""The upload pipeline: only real photos pass, re-encoded without metadata, with a thumbnail."""

import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from producers.images import MAX_UPLOAD_BYTES, process_logo, process_photo, validate_image
from tests.producers.factories import gps_exif, image_bytes


def upload(content: bytes, name: str = "photo.jpg", content_type: str = "image/jpeg"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def opened(content) -> Image.Image:
    return Image.open(io.BytesIO(content.read() if hasattr(content, "read") else content))


def huge_png(width: int, height: int) -> bytes:
    """A valid PNG header announcing a huge canvas (a decompression bomb), a few bytes long."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    row = b"\x00" + b"\x00" * width
    data = zlib.compress(row * 16)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(
        b"IEND", b"")


def test_a_jpeg_gives_a_320x240_thumbnail_and_a_bounded_display_copy():
    processed = process_photo(upload(image_bytes("JPEG", (4000, 3000))))

    display, thumbnail = opened(processed.display), opened(processed.thumbnail)
    assert display.format == "JPEG" and display.size == (1600, 1200)
    assert thumbnail.format == "JPEG" and thumbnail.size == (320, 240)


def test_gps_and_camera_metadata_are_stripped():
    source = image_bytes("JPEG", (800, 600), exif=gps_exif())
    assert Image.open(io.BytesIO(source)).getexif().get_ifd(0x8825)  # the fixture has GPS

    processed = process_photo(upload(source))

    for content in (processed.display, processed.thumbnail):
        image = opened(content)
        assert len(image.getexif()) == 0
        assert "exif" not in image.info


def test_exif_orientation_is_applied_before_stripping():
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise when displayed
    processed = process_photo(upload(image_bytes("JPEG", (800, 600), exif=exif.tobytes())))

    assert opened(processed.display).size == (600, 800)


@pytest.mark.parametrize(("fmt", "name", "content_type"), [
    ("PNG", "logo.png", "image/png"),
    ("WEBP", "photo.webp", "image/webp"),
])
def test_png_and_webp_are_accepted_and_re_encoded_as_jpeg(fmt, name, content_type):
    processed = process_photo(upload(image_bytes(fmt, (640, 480)), name, content_type))

    assert opened(processed.display).format == "JPEG"


def test_a_logo_is_bounded_to_400_pixels_without_cropping():
    logo = process_logo(upload(image_bytes("PNG", (1000, 500)), "logo.png", "image/png"))

    assert opened(logo).size == (400, 200)


def test_svg_is_refused_with_a_french_message():
    svg = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'

    with pytest.raises(ValidationError) as error:
        validate_image(upload(svg, "logo.svg", "image/svg+xml"))

    assert error.value.messages == [
        "Les images SVG ne sont pas acceptées : envoyez une photo JPEG, PNG ou WebP."
    ]


def test_gif_is_refused_even_though_pillow_reads_it():
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, format="GIF")

    with pytest.raises(ValidationError) as error:
        validate_image(upload(buffer.getvalue(), "anim.gif", "image/gif"))

    assert error.value.code == "format"


def test_a_text_file_named_jpg_is_refused():
    with pytest.raises(ValidationError) as error:
        validate_image(upload(b"ceci n'est pas une photo", "photo.jpg"))

    assert error.value.messages == [
        "Ce fichier n'est pas une image lisible : envoyez une photo JPEG, PNG ou WebP."
    ]


def test_a_truncated_jpeg_is_refused():
    with pytest.raises(ValidationError) as error:
        validate_image(upload(image_bytes("JPEG", (800, 600))[:400]))

    assert error.value.code == "invalid"


def test_more_than_10_mb_is_refused_before_decoding():
    big = upload(b"\xff\xd8" + b"\x00" * MAX_UPLOAD_BYTES)

    with pytest.raises(ValidationError) as error:
        validate_image(big)

    assert error.value.messages == [
        "La photo pèse plus de 10 Mo : réduisez-la ou choisissez-en une autre."
    ]


def test_a_decompression_bomb_is_refused():
    with pytest.raises(ValidationError) as error:
        validate_image(upload(huge_png(20_000, 20_000), "bomb.png", "image/png"))

    assert error.value.code == "bomb"


def test_an_empty_file_is_refused():
    with pytest.raises(ValidationError) as error:
        validate_image(upload(b"", "vide.jpg"))

    assert error.value.code == "empty"


def test_a_jpeg_comment_survives_in_neither_copy():
    buffer = io.BytesIO()
    Image.new("RGB", (800, 600), (90, 120, 40)).save(buffer, "JPEG",
                                                     comment=b"Ferme de Jeanne, 06 12 34 56 78")

    processed = process_photo(upload(buffer.getvalue()))

    for content in (processed.display, processed.thumbnail):
        assert content is not None
        data = content.read()
        assert b"06 12 34 56 78" not in data
        assert "comment" not in Image.open(io.BytesIO(data)).info


def test_a_canvas_bigger_than_a_phone_photo_is_refused_before_decoding():
    buffer = io.BytesIO()
    Image.new("RGB", (6300, 6300), (200, 200, 200)).save(buffer, "JPEG", quality=20)

    with pytest.raises(ValidationError) as error:
        validate_image(upload(buffer.getvalue()))

    assert error.value.code == "bomb"
    assert "24 millions de pixels" in error.value.messages[0]


def test_a_phone_photo_is_decoded_at_the_smallest_scale_that_covers_the_copies():
    from producers.images import _open

    image = _open(upload(image_bytes("JPEG", (4032, 3024))))

    # Half its size covers the 1600-pixel display copy: a quarter of the memory.
    assert image.size == (2016, 1512)
