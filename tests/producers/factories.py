"""Factories and helpers of the producers tests (shared factories live in tests/factories.py)."""

import io

import factory
from PIL import Image

from producers.models import ProducerPhoto, ProductPhoto
from tests.factories import ProducerFactory, ProductFactory


def image_bytes(fmt: str = "JPEG", size: tuple[int, int] = (800, 600), *,
                colour: tuple[int, int, int] = (120, 160, 60), exif: bytes | None = None) -> bytes:
    image = Image.new("RGB" if fmt != "PNG" else "RGBA", size, colour)
    buffer = io.BytesIO()
    kwargs = {"exif": exif} if exif is not None else {}
    image.save(buffer, format=fmt, **kwargs)
    return buffer.getvalue()


def gps_exif() -> bytes:
    """EXIF with a GPS position (Rocamadour) and a camera model, as phones write them."""
    exif = Image.Exif()
    exif[0x0110] = "Téléphone de la ferme"  # Model
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (44.0, 47.0, 57.0)
    gps[3] = "E"
    gps[4] = (1.0, 37.0, 5.0)
    return exif.tobytes()


class ProducerPhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProducerPhoto

    producer = factory.SubFactory(ProducerFactory)
    image = factory.django.ImageField(width=64, height=48)
    alt = "La ferme"


class ProductPhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProductPhoto

    product = factory.SubFactory(ProductFactory)
    image = factory.django.ImageField(width=64, height=48)
