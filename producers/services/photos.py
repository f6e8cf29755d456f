"""Photos of farms and products: each upload cleaned into a display copy and a thumbnail."""

from typing import IO, Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.db.models.fields.files import FieldFile
from django.utils.translation import gettext as _

from producers.images import process_logo, process_photo
from producers.models import (
    MAX_PRODUCER_PHOTOS,
    MAX_PRODUCT_PHOTOS,
    Photo,
    Producer,
    ProducerPhoto,
    Product,
    ProductPhoto,
)
from producers.services.base import delete_files_after_commit


@transaction.atomic
def producer_logo_set(*, producer: Producer, upload: IO[bytes] | None) -> Producer:
    """Replace the logo with a cleaned copy of the upload, or remove it (None)."""
    old = producer.logo if producer.logo else None
    if upload is not None:
        logo = process_logo(upload)
        producer.logo.save(logo.name or "logo.jpg", logo, save=False)
    else:
        producer.logo = None  # type: ignore[assignment]
    producer.save(update_fields=["logo", "updated_at"])
    if old:
        delete_files_after_commit(old)
    return producer


def _store[P: Photo](photo: P, upload: IO[bytes]) -> P:
    """Clean the upload into the photo's display copy and thumbnail, then save the row."""
    processed = process_photo(upload)
    photo.image.save(processed.display.name or "photo.jpg", processed.display, save=False)
    photo.thumbnail.save(processed.thumbnail.name or "vignette.jpg", processed.thumbnail,
                         save=False)
    photo.full_clean()
    photo.save()
    return photo


def _next_position(photos: Any) -> int:
    return (photos.aggregate(m=Max("position"))["m"] or 0) + 1


@transaction.atomic
def producer_photo_add(*, producer: Producer, upload: IO[bytes], alt: str = "") -> ProducerPhoto:
    # Lock the producer row so two uploads at once cannot pass the limit together.
    Producer.objects.select_for_update().filter(pk=producer.pk).first()
    if producer.photos.count() >= MAX_PRODUCER_PHOTOS:
        raise ValidationError(_("Vous avez déjà %(max)d photos : supprimez-en une avant d'en "
                                "ajouter.") % {"max": MAX_PRODUCER_PHOTOS})
    photo = ProducerPhoto(producer=producer, alt=alt, position=_next_position(producer.photos))
    return _store(photo, upload)


@transaction.atomic
def product_photo_add(*, product: Product, upload: IO[bytes], alt: str = "") -> ProductPhoto:
    Product.objects.select_for_update().filter(pk=product.pk).first()
    if product.photos.count() >= MAX_PRODUCT_PHOTOS:
        raise ValidationError(_("Ce produit a déjà %(max)d photos : supprimez-en une avant d'en "
                                "ajouter.") % {"max": MAX_PRODUCT_PHOTOS})
    # Without a description, the product's name says what the photo shows.
    photo = ProductPhoto(product=product, alt=(alt or product.nom)[:200],
                         position=_next_position(product.photos))
    return _store(photo, upload)


@transaction.atomic
def photo_alt_set(*, photo: Photo, alt: str) -> Photo:
    photo.alt = alt
    photo.full_clean()
    photo.save(update_fields=["alt"])
    return photo


@transaction.atomic
def photo_move_first(*, photo: Photo) -> None:
    """Make this photo the first one (the one cards and lists show)."""
    siblings = (photo.producer.photos if isinstance(photo, ProducerPhoto)
                else photo.product.photos)  # type: ignore[attr-defined]
    ordered = [photo, *[p for p in siblings.select_for_update() if p.pk != photo.pk]]
    for position, item in enumerate(ordered):
        if item.position != position:
            item.position = position
            item.save(update_fields=["position"])


@transaction.atomic
def photo_delete(*, photo: Photo) -> None:
    delete_files_after_commit(photo.image, photo.thumbnail)
    photo.delete()


def photo_copy(*, photo: ProductPhoto, product: Product) -> ProductPhoto:
    """A copy of a product's photo (its files too) for another product."""
    new = ProductPhoto(product=product, alt=photo.alt, position=photo.position)
    for field in ("image", "thumbnail"):
        source: FieldFile = getattr(photo, field)
        if source:
            with source.open("rb") as handle:
                content = ContentFile(handle.read())
            getattr(new, field).save((source.name or "photo.jpg").rsplit("/", 1)[-1], content,
                                     save=False)
    new.save()
    return new
