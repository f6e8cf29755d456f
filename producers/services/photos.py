"""Photos of farms and products: each upload cleaned into a display copy and a thumbnail
(made by a background task when a worker runs, see producers.tasks).

The image work (decoding, resizing, encoding) and the writes to the storage happen before the
database transaction opens: a big photo never holds a row lock or SQLite's write lock while
it is decoded or sent to S3. If the transaction then fails, the stored files are deleted.
"""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Max
from django.db.models.fields.files import FieldFile
from django.utils.translation import gettext as _

from marketplace.common import cache
from producers.images import process_logo, process_photo
from producers.indexing import CATALOGUE
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
from producers.tasks import photo_thumbnail_make, thumbnails_deferred


@dataclass(frozen=True)
class StoredPhoto:
    """A cleaned photo already written to the storage, waiting for its database row."""

    image: str
    thumbnail: str  # empty: the background task makes it once the row is committed


def store_uploads(uploads: Iterable[IO[bytes]], *, folder: str) -> list[StoredPhoto]:
    """Clean and store each upload (outside any transaction): a French ValidationError for the
    first unusable one, and then nothing stays stored."""
    stored: list[StoredPhoto] = []
    deferred = thumbnails_deferred()
    try:
        for upload in uploads:
            processed = process_photo(upload, thumbnail=not deferred)
            image = default_storage.save(f"{folder}/{processed.display.name}", processed.display)
            stored.append(StoredPhoto(image=image, thumbnail=""))
            if processed.thumbnail is not None:
                stored[-1] = StoredPhoto(image=image, thumbnail=default_storage.save(
                    f"{folder}/{processed.thumbnail.name}", processed.thumbnail))
    except BaseException:
        _delete_stored(stored)
        raise
    return stored


@contextmanager
def kept_only_if_committed(stored: list[StoredPhoto]) -> Iterator[None]:
    """Run a write that uses these stored files: if it fails, the files go."""
    try:
        yield
    except BaseException:
        _delete_stored(stored)
        raise


def _delete_stored(stored: Iterable[StoredPhoto]) -> None:
    for name in {name for photo in stored for name in (photo.image, photo.thumbnail) if name}:
        default_storage.delete(name)


def product_folder(product_id: int | None) -> str:
    # New products have no id yet when their photos are stored: an upload folder then.
    return f"products/{product_id}" if product_id else "products/uploads"


def producer_folder(producer_id: int) -> str:
    return f"producers/{producer_id}/photos"


def _next_position(photos: Any) -> int:
    return (photos.aggregate(m=Max("position"))["m"] or 0) + 1


def _attach(photo: Photo, stored: StoredPhoto) -> Photo:
    photo.image.name = stored.image
    photo.thumbnail.name = stored.thumbnail
    photo.full_clean()
    photo.save()
    cache.bump(CATALOGUE)  # cards and pages show the photos
    if not stored.thumbnail:
        _thumbnail_later(photo)
    return photo


def _thumbnail_later(photo: Photo) -> None:
    """Until the worker has made it, cards show the display copy (`Photo.card_url`)."""
    kind = "producer" if isinstance(photo, ProducerPhoto) else "product"
    photo_id = photo.pk
    transaction.on_commit(
        lambda: photo_thumbnail_make.enqueue(kind=kind, photo_id=photo_id))


def product_photos_attach(*, product: Product, stored: list[StoredPhoto]) -> list[ProductPhoto]:
    """Rows for photos stored beforehand (inside the caller's transaction)."""
    Product.objects.select_for_update().filter(pk=product.pk).first()
    if product.photos.count() + len(stored) > MAX_PRODUCT_PHOTOS:
        raise ValidationError({"photos": _(
            "Ce produit aurait plus de %(max)d photos : supprimez-en une avant d'en ajouter.")
            % {"max": MAX_PRODUCT_PHOTOS}})
    position = _next_position(product.photos)
    # Without a description, the product's name says what the photo shows.
    return [_attach(ProductPhoto(product=product, alt=product.nom[:200], position=position + i),
                    photo) for i, photo in enumerate(stored)]  # type: ignore[misc]


def product_photo_add(*, product: Product, upload: IO[bytes], alt: str = "") -> ProductPhoto:
    stored = store_uploads([upload], folder=product_folder(product.pk))
    with kept_only_if_committed(stored), transaction.atomic():
        photo = product_photos_attach(product=product, stored=stored)[0]
        if alt:
            photo.alt = alt[:200]
            photo.save(update_fields=["alt"])
        return photo


def producer_photo_add(*, producer: Producer, upload: IO[bytes], alt: str = "") -> ProducerPhoto:
    stored = store_uploads([upload], folder=producer_folder(producer.pk))
    with kept_only_if_committed(stored), transaction.atomic():
        # Lock the producer row so two uploads at once cannot pass the limit together.
        Producer.objects.select_for_update().filter(pk=producer.pk).first()
        if producer.photos.count() >= MAX_PRODUCER_PHOTOS:
            raise ValidationError(_("Vous avez déjà %(max)d photos : supprimez-en une avant "
                                    "d'en ajouter.") % {"max": MAX_PRODUCER_PHOTOS})
        photo = ProducerPhoto(producer=producer, alt=alt,
                              position=_next_position(producer.photos))
        return _attach(photo, stored[0])  # type: ignore[return-value]


def producer_logo_set(*, producer: Producer, upload: IO[bytes] | None) -> Producer:
    """Replace the logo with a cleaned copy of the upload, or remove it (None)."""
    old = producer.logo.name if producer.logo else None
    new = None
    if upload is not None:
        logo = process_logo(upload)
        new = default_storage.save(f"producers/logos/{logo.name}", logo)
    stored = [StoredPhoto(image=new, thumbnail=new)] if new else []
    with kept_only_if_committed(stored), transaction.atomic():
        producer.logo.name = new or ""
        producer.save(update_fields=["logo", "updated_at"])
        cache.bump(CATALOGUE)
        if old:
            name = old
            transaction.on_commit(lambda: default_storage.delete(name))
    return producer


@transaction.atomic
def photo_alt_set(*, photo: Photo, alt: str) -> Photo:
    photo.alt = alt
    photo.full_clean()
    photo.save(update_fields=["alt"])
    cache.bump(CATALOGUE)
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
    cache.bump(CATALOGUE)


@transaction.atomic
def photo_delete(*, photo: Photo) -> None:
    delete_files_after_commit(photo.image, photo.thumbnail)
    photo.delete()
    cache.bump(CATALOGUE)


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
    cache.bump(CATALOGUE)
    if not new.thumbnail:
        _thumbnail_later(new)
    return new
