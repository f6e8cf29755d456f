"""Every write to a producer's profile, points of sale, photos and catalogue.

Keyword-only, typed functions: each validates with full_clean() before saving and runs in a
transaction. Callers (dashboard views, the API, imports) check permissions first, with
`producers.selectors.producer_for_user` / `product_for_user`.
Accounts (sign-up, e-mail verification, invitations) live in `producers.accounts`.
"""

import enum
from collections.abc import Callable, Iterable, Mapping
from typing import IO, Any

from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Max, ProtectedError, RestrictedError
from django.db.models.fields.files import FieldFile
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.models import Label
from marketplace.search.indexing import index_producers, index_products
from producers.geo import check_position
from producers.images import process_logo, process_photo
from producers.models import (
    MAX_PRODUCER_PHOTOS,
    MAX_PRODUCT_PHOTOS,
    PointOfSale,
    Producer,
    ProducerPhoto,
    ProducerStatus,
    Product,
    ProductPhoto,
    ProductStatus,
)
from producers.slugs import unique_product_slug

PRODUCER_FIELDS = frozenset({
    "nom", "slug", "legal_name", "description", "commune", "address", "postal_code",
    "latitude", "longitude", "phone", "email", "website", "social_links", "opening_hours",
    "offers_pickup",
})
POINT_OF_SALE_FIELDS = frozenset({
    "kind", "nom", "commune", "address", "latitude", "longitude", "weekday", "opens", "closes",
    "offers_pickup",
})
PRODUCT_FIELDS = frozenset({
    "nom", "category", "description", "price", "unit", "unit_size", "stock", "is_available",
    "status", "season_months",
})


def _assign(instance: Any, data: Mapping[str, Any], allowed: frozenset[str]) -> list[str]:
    unknown = set(data) - allowed
    if unknown:
        raise TypeError(f"Fields not writable here: {sorted(unknown)}")
    for name, value in data.items():
        setattr(instance, name, value)
    return list(data)


def _after_commit(function: Callable[[list[int]], None], ids: list[int]) -> None:
    transaction.on_commit(lambda: function(ids))


def _delete_files_after_commit(*files: FieldFile) -> None:
    # Files are written before the row commits; a rollback leaves an orphan file, never a row
    # without its file. Deleting waits for the commit for the same reason.
    names = [f.name for f in files if f and f.name]
    storage = files[0].storage if files else default_storage

    def delete() -> None:
        for name in names:
            storage.delete(name)

    transaction.on_commit(delete)


# --- Profile --------------------------------------------------------------------------------

@transaction.atomic
def producer_update(
    *, producer: Producer, data: Mapping[str, Any], labels: Iterable[Label] | None = None
) -> Producer:
    """Change profile fields (any subset of PRODUCER_FIELDS) and, if given, the labels."""
    _assign(producer, data, PRODUCER_FIELDS)
    producer.full_clean()
    check_position(commune=producer.commune, latitude=producer.latitude,
                   longitude=producer.longitude)
    producer.save()
    if labels is not None:
        producer.labels.set(labels)
    _after_commit(index_producers, [producer.pk])
    return producer


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
        _delete_files_after_commit(old)
    return producer


def _photo_store[P: (ProducerPhoto, ProductPhoto)](photo: P, upload: IO[bytes]) -> P:
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
    return _photo_store(photo, upload)


@transaction.atomic
def producer_photo_update(*, photo: ProducerPhoto, alt: str) -> ProducerPhoto:
    photo.alt = alt
    photo.full_clean()
    photo.save(update_fields=["alt"])
    return photo


@transaction.atomic
def photo_move_first(*, photo: ProducerPhoto | ProductPhoto) -> None:
    """Make this photo the first one (the one cards and lists show)."""
    siblings = (photo.producer.photos if isinstance(photo, ProducerPhoto)
                else photo.product.photos)
    ordered = [photo, *[p for p in siblings.select_for_update() if p.pk != photo.pk]]
    for position, item in enumerate(ordered):
        if item.position != position:
            item.position = position
            item.save(update_fields=["position"])


@transaction.atomic
def producer_photo_delete(*, photo: ProducerPhoto) -> None:
    _delete_files_after_commit(photo.image, photo.thumbnail)
    photo.delete()


# --- Points of sale -------------------------------------------------------------------------

def _check_point_of_sale(point: PointOfSale) -> None:
    errors: dict[str, list[str]] = {}
    if point.kind == "market" and point.weekday is None:
        errors["weekday"] = [_("Indiquez le jour du marché.")]
    if point.opens and point.closes and point.closes <= point.opens:
        errors["closes"] = [_("L'heure de fermeture doit suivre l'heure d'ouverture.")]
    if errors:
        raise ValidationError(errors)
    check_position(commune=point.commune, latitude=point.latitude, longitude=point.longitude)


@transaction.atomic
def point_of_sale_create(*, producer: Producer, data: Mapping[str, Any]) -> PointOfSale:
    point = PointOfSale(producer=producer)
    _assign(point, data, POINT_OF_SALE_FIELDS)
    point.full_clean()
    _check_point_of_sale(point)
    point.save()
    _after_commit(index_producers, [producer.pk])
    return point


@transaction.atomic
def point_of_sale_update(*, point: PointOfSale, data: Mapping[str, Any]) -> PointOfSale:
    _assign(point, data, POINT_OF_SALE_FIELDS)
    if point.kind != "market":
        point.weekday = None
    point.full_clean()
    _check_point_of_sale(point)
    point.save()
    _after_commit(index_producers, [point.producer_id])
    return point


@transaction.atomic
def point_of_sale_delete(*, point: PointOfSale) -> None:
    producer_id = point.producer_id
    point.delete()
    _after_commit(index_producers, [producer_id])


# --- Catalogue ------------------------------------------------------------------------------

def _clean_product(product: Product) -> None:
    months = product.season_months or []
    if not isinstance(months, list) or any(
        not isinstance(m, int) or isinstance(m, bool) or not 1 <= m <= 12 for m in months
    ):
        raise ValidationError({"season_months": _("Les mois de saison vont de 1 à 12.")})
    product.season_months = sorted(set(months))
    product.full_clean()


@transaction.atomic
def product_create(
    *,
    producer: Producer,
    data: Mapping[str, Any],
    labels: Iterable[Label] = (),
    photos: Iterable[IO[bytes]] = (),
) -> Product:
    photos = list(photos)
    if len(photos) > MAX_PRODUCT_PHOTOS:
        raise ValidationError({"photos": _("%(max)d photos au plus par produit.")
                               % {"max": MAX_PRODUCT_PHOTOS}})
    product = Product(producer=producer)
    _assign(product, data, PRODUCT_FIELDS)
    product.slug = unique_product_slug(producer, product.nom)
    _clean_product(product)
    product.save()
    product.labels.set(labels)
    for upload in photos:
        product_photo_add(product=product, upload=upload)
    _after_commit(index_products, [product.pk])
    return product


@transaction.atomic
def product_update(
    *, product: Product, data: Mapping[str, Any], labels: Iterable[Label] | None = None
) -> Product:
    """Change fields. The slug stays: the product page's URL must not break on a rename."""
    _assign(product, data, PRODUCT_FIELDS)
    _clean_product(product)
    product.save()
    if labels is not None:
        product.labels.set(labels)
    _after_commit(index_products, [product.pk])
    return product


@transaction.atomic
def product_quick_update(
    *, product: Product, price: Any = None, stock: Any = ..., is_available: bool | None = None
) -> Product:
    """The dashboard's inline edit: price, stock (None = on demand) and availability."""
    data: dict[str, Any] = {}
    if price is not None:
        data["price"] = price
    if stock is not ...:
        data["stock"] = stock
    if is_available is not None:
        data["is_available"] = is_available
    _assign(product, data, PRODUCT_FIELDS)
    _clean_product(product)
    product.save(update_fields=[*data, "updated_at"])
    return product


@transaction.atomic
def product_duplicate(*, product: Product) -> Product:
    """A draft copy (to tweak into a variant), with its labels and copies of its photos."""
    copy = Product(
        producer=product.producer,
        nom=_("%(nom)s (copie)") % {"nom": product.nom},
        category=product.category, description=product.description, price=product.price,
        unit=product.unit, unit_size=product.unit_size, stock=product.stock,
        is_available=product.is_available, status=ProductStatus.DRAFT,
        season_months=list(product.season_months or []),
    )
    copy.nom = copy.nom[:150]
    copy.slug = unique_product_slug(product.producer, copy.nom)
    _clean_product(copy)
    copy.save()
    copy.labels.set(product.labels.all())
    for photo in product.photos.all():
        _copy_photo(photo, copy)
    return copy


def _copy_photo(photo: ProductPhoto, product: Product) -> None:
    new = ProductPhoto(product=product, alt=photo.alt, position=photo.position)
    for field in ("image", "thumbnail"):
        source: FieldFile = getattr(photo, field)
        if source:
            with source.open("rb") as handle:
                content = ContentFile(handle.read())
            getattr(new, field).save((source.name or "photo.jpg").rsplit("/", 1)[-1], content,
                                     save=False)
    new.save()


class Removal(enum.StrEnum):
    DELETED = "deleted"
    ARCHIVED = "archived"


def product_has_orders(product: Product) -> bool:
    """The hook for the orders work: a product that appears in any order must be kept.

    Until the orders app defines `OrderLine` (with a `product` foreign key), nothing has orders.
    `product_remove` also archives when the database refuses the delete (a PROTECT foreign key),
    so a differently named order model stays safe too.
    """
    try:
        order_line = apps.get_model("orders", "OrderLine")  # type: ignore[misc]
    except LookupError:
        return False
    return bool(order_line._default_manager.filter(product=product).exists())


@transaction.atomic
def product_archive(*, product: Product) -> Product:
    product.status = ProductStatus.ARCHIVED
    product.save(update_fields=["status", "updated_at"])
    _after_commit(index_products, [product.pk])
    return product


@transaction.atomic
def product_remove(*, product: Product) -> Removal:
    """Delete a product, or archive it when orders refer to it (their history must stay)."""
    if product_has_orders(product):
        product_archive(product=product)
        return Removal.ARCHIVED
    files = [f for photo in product.photos.all() for f in (photo.image, photo.thumbnail)]
    product_id = product.pk
    try:
        with transaction.atomic():
            product.delete()
    except (ProtectedError, RestrictedError):
        product_archive(product=product)
        return Removal.ARCHIVED
    if files:
        _delete_files_after_commit(*files)
    _after_commit(index_products, [product_id])
    return Removal.DELETED


@transaction.atomic
def product_photo_add(*, product: Product, upload: IO[bytes], alt: str = "") -> ProductPhoto:
    Product.objects.select_for_update().filter(pk=product.pk).first()
    if product.photos.count() >= MAX_PRODUCT_PHOTOS:
        raise ValidationError(_("Ce produit a déjà %(max)d photos : supprimez-en une avant d'en "
                                "ajouter.") % {"max": MAX_PRODUCT_PHOTOS})
    # Without a description, the product's name says what the photo shows.
    photo = ProductPhoto(product=product, alt=(alt or product.nom)[:200],
                         position=_next_position(product.photos))
    return _photo_store(photo, upload)


@transaction.atomic
def product_photo_delete(*, photo: ProductPhoto) -> None:
    _delete_files_after_commit(photo.image, photo.thumbnail)
    photo.delete()


# --- Status (CCI staff) ---------------------------------------------------------------------

@transaction.atomic
def producer_status_change(
    *, producer: Producer, status: str, reason: str = ""
) -> Producer:
    """Approve, reject or suspend a producer. Only approved (and active) producers are public.

    The first approval is dated; the reason is kept for the producer to read in its area.
    """
    producer = Producer.objects.select_for_update().get(pk=producer.pk)
    producer.status = ProducerStatus(status)
    producer.status_reason = reason
    if producer.status == ProducerStatus.APPROVED and producer.approved_at is None:
        producer.approved_at = timezone.now()
    producer.full_clean()
    producer.save(update_fields=["status", "status_reason", "approved_at", "updated_at"])
    _after_commit(index_producers, [producer.pk])
    return producer
