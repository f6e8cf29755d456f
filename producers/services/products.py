"""A producer's catalogue: create, edit, duplicate and remove products."""

import enum
from collections.abc import Iterable, Mapping
from typing import IO, Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.db.models import ProtectedError, RestrictedError
from django.utils.translation import gettext as _

from marketplace.common import cache
from marketplace.common.text import name_key
from marketplace.reference.models import Label
from producers import indexing
from producers.indexing import CATALOGUE
from producers.models import MAX_PRODUCT_PHOTOS, Producer, Product, ProductStatus
from producers.services import photos as photo_services
from producers.services import status as status_services
from producers.services import stock as stock_services
from producers.services.base import assign, delete_files_after_commit
from producers.slugs import unique_product_slug

# Stock and status have their own paths (a locked row, a state machine).
PRODUCT_FIELDS = frozenset({
    "nom", "category", "description", "price", "unit", "unit_size", "is_available",
    "season_months",
})
INITIAL_STATUSES = frozenset({ProductStatus.DRAFT, ProductStatus.PUBLISHED})


def _clean(product: Product) -> None:
    months = product.season_months or []
    if not isinstance(months, list) or any(
        not isinstance(m, int) or isinstance(m, bool) or not 1 <= m <= 12 for m in months
    ):
        raise ValidationError({"season_months": _("Les mois de saison vont de 1 à 12.")})
    product.season_months = sorted(set(months))
    try:
        product.full_clean()
    except ValidationError as error:
        raise _name_errors_on_name(error) from None


def _name_errors_on_name(error: ValidationError) -> ValidationError:
    """The unique-name constraint is about the name: show its message next to that field."""
    if not hasattr(error, "error_dict") or NON_FIELD_ERRORS not in error.error_dict:
        return error
    errors = dict(error.error_dict)
    general = errors.pop(NON_FIELD_ERRORS)
    names = [e for e in general if e.code == "duplicate_name"]
    others = [e for e in general if e not in names]
    if names:
        errors["nom"] = [*errors.get("nom", []), *names]
    if others:
        errors[NON_FIELD_ERRORS] = others
    return ValidationError(errors)


def _stored_photos(uploads: Iterable[IO[bytes]], product_id: int | None,
                   ) -> list[photo_services.StoredPhoto]:
    """The photos cleaned and stored before the transaction (see services.photos)."""
    uploads = list(uploads)
    if len(uploads) > MAX_PRODUCT_PHOTOS:
        raise ValidationError({"photos": _("%(max)d photos au plus par produit.")
                               % {"max": MAX_PRODUCT_PHOTOS}})
    return photo_services.store_uploads(uploads,
                                        folder=photo_services.product_folder(product_id))


def product_create(
    *,
    producer: Producer,
    data: Mapping[str, Any],
    labels: Iterable[Label] = (),
    photos: Iterable[IO[bytes]] = (),
) -> Product:
    """A new product; `data` may also hold its first `stock` and `status` (draft or
    published). The photos are cleaned and stored first; the rows are written in one
    transaction."""
    data = dict(data)
    stock = data.pop("stock", None)
    status = ProductStatus(data.pop("status", ProductStatus.PUBLISHED))
    if status not in INITIAL_STATUSES:
        raise ValidationError({"status": _("Un nouveau produit est publié ou en brouillon.")})
    product = Product(producer=producer, status=status, stock=stock)
    assign(product, data, PRODUCT_FIELDS)
    product.slug = unique_product_slug(producer, product.nom)
    _clean(product)
    stored = _stored_photos(photos, None)
    with photo_services.kept_only_if_committed(stored), transaction.atomic():
        product.save()
        product.labels.set(labels)
        photo_services.product_photos_attach(product=product, stored=stored)
        indexing.index_products([product.pk], producer_ids=[producer.pk])
    return product


def product_update(
    *, product: Product, data: Mapping[str, Any], labels: Iterable[Label] | None = None,
    photos: Iterable[IO[bytes]] = (), actor: Any = None,
) -> Product:
    """Change fields (`stock` through the stock service, `status` through the state machine)
    and add photos, in one transaction. The slug stays: the product page's URL must not break
    on a rename."""
    stored = _stored_photos(photos, product.pk)
    with photo_services.kept_only_if_committed(stored), transaction.atomic():
        _update(product, data, labels, actor)
        photo_services.product_photos_attach(product=product, stored=stored)
        indexing.index_products([product.pk], producer_ids=[product.producer_id])
    return product


def _update(product: Product, data: Mapping[str, Any], labels: Iterable[Label] | None,
            actor: Any) -> None:
    data = dict(data)
    has_stock, stock = "stock" in data, data.pop("stock", None)
    status = data.pop("status", None)
    assign(product, data, PRODUCT_FIELDS)
    _clean(product)
    product.save(update_fields=[*data, "name_key", "updated_at"] if data else ["updated_at"])
    if labels is not None:
        product.labels.set(labels)
    if has_stock:
        stock_services.stock_set(product=product, stock=stock)
    if status is not None:
        status_services.product_status_set(product=product, status=status, actor=actor)


@transaction.atomic
def product_quick_update(
    *, product: Product, price: Any = None, stock: Any = stock_services.UNCHANGED,
    stock_seen: Any = stock_services.UNCHANGED, is_available: bool | None = None,
) -> Product:
    """The dashboard's inline edit: price, stock (None = made to order) and availability.
    `stock_seen`: the stock shown when the row was rendered (see stock.stock_set)."""
    data: dict[str, Any] = {}
    if price is not None:
        data["price"] = price
    if is_available is not None:
        data["is_available"] = is_available
    if data:
        assign(product, data, PRODUCT_FIELDS)
        _clean(product)
        product.save(update_fields=[*data, "updated_at"])
        cache.bump(CATALOGUE)  # price and availability show on every list
    if stock is not stock_services.UNCHANGED:
        stock_services.stock_set(product=product, stock=stock, seen=stock_seen)
    return product


@transaction.atomic
def product_duplicate(*, product: Product) -> Product:
    """A draft copy (to tweak into a variant), with its labels and copies of its photos."""
    name = (_("%(nom)s (copie)") % {"nom": product.nom})[:150]
    n = 2
    while product.producer.products.filter(name_key=name_key(name)).exists():
        name = (_("%(nom)s (copie %(n)d)") % {"nom": product.nom, "n": n})[:150]
        n += 1
    copy = Product(
        producer=product.producer, nom=name, category=product.category,
        description=product.description, price=product.price, unit=product.unit,
        unit_size=product.unit_size, stock=product.stock, is_available=product.is_available,
        status=ProductStatus.DRAFT, season_months=list(product.season_months or []),
    )
    copy.slug = unique_product_slug(product.producer, copy.nom)
    _clean(copy)
    copy.save()
    copy.labels.set(product.labels.all())
    for photo in product.photos.all():
        photo_services.photo_copy(photo=photo, product=copy)
    return copy


class Removal(enum.StrEnum):
    DELETED = "deleted"
    ARCHIVED = "archived"


@transaction.atomic
def product_remove(*, product: Product, actor: Any = None) -> Removal:
    """Delete a product, or archive it when orders refer to it: their lines protect it (a
    PROTECT foreign key), and the history they tell must stay."""
    files = [f for photo in product.photos.all() for f in (photo.image, photo.thumbnail)]
    product_id, producer_id = product.pk, product.producer_id
    try:
        with transaction.atomic():
            product.delete()
    except (ProtectedError, RestrictedError):
        if product.status != ProductStatus.ARCHIVED:
            status_services.product_archive(product=product, actor=actor)
        return Removal.ARCHIVED
    if files:
        delete_files_after_commit(*files)
    indexing.index_products([product_id], producer_ids=[producer_id])
    product.pk = product_id  # callers still name it in their messages
    return Removal.DELETED
