"""A producer's profile and its points of sale."""

from collections.abc import Iterable, Mapping
from typing import Any

from django.db import transaction

from marketplace.common import cache
from marketplace.reference.models import Label
from producers import indexing
from producers.indexing import CATALOGUE
from producers.models import PointOfSale, PointOfSaleKind, Producer
from producers.services.base import assign, delete_files_after_commit

PRODUCER_FIELDS = frozenset({
    "nom", "slug", "legal_name", "description", "commune", "address", "postal_code",
    "latitude", "longitude", "phone", "email", "website", "social_links", "opening_hours",
})
POINT_OF_SALE_FIELDS = frozenset({
    "kind", "nom", "commune", "address", "latitude", "longitude", "weekday", "opens", "closes",
})
# `offers_pickup` (the producer's and its points of sale's) says whether orders can really be
# collected there: services.ordering keeps it true to the pickup windows, nobody ticks it.


@transaction.atomic
def producer_update(
    *, producer: Producer, data: Mapping[str, Any], labels: Iterable[Label] | None = None
) -> Producer:
    """Change profile fields (any subset of PRODUCER_FIELDS) and, if given, the labels."""
    assign(producer, data, PRODUCER_FIELDS)
    producer.full_clean()
    producer.save()
    if labels is not None:
        producer.labels.set(labels)
    indexing.index_producers([producer.pk])
    return producer


@transaction.atomic
def point_of_sale_create(*, producer: Producer, data: Mapping[str, Any]) -> PointOfSale:
    point = PointOfSale(producer=producer)
    assign(point, data, POINT_OF_SALE_FIELDS)
    point.full_clean()
    point.save()
    cache.bump(CATALOGUE)  # producer pages, the markets, the point-of-sale filters
    return point


@transaction.atomic
def point_of_sale_update(*, point: PointOfSale, data: Mapping[str, Any]) -> PointOfSale:
    assign(point, data, POINT_OF_SALE_FIELDS)
    if point.kind != PointOfSaleKind.MARKET:
        point.weekday = None
    point.full_clean()
    point.save()
    cache.bump(CATALOGUE)  # producer pages, the markets, the point-of-sale filters
    return point


@transaction.atomic
def point_of_sale_delete(*, point: PointOfSale) -> None:
    point.delete()
    cache.bump(CATALOGUE)


@transaction.atomic
def producer_delete(*, producer: Producer) -> None:
    """Delete a producer with its catalogue (the Django admin's deletion), files and index
    entries after it. Products named by orders are protected: the deletion is then refused."""
    product_ids = list(producer.products.values_list("pk", flat=True))
    files = [f for photo in producer.photos.all() for f in (photo.image, photo.thumbnail)]
    files += [f for product in producer.products.prefetch_related("photos")
              for photo in product.photos.all() for f in (photo.image, photo.thumbnail)]
    if producer.logo:
        files.append(producer.logo)
    producer_id = producer.pk
    producer.delete()
    if files:
        delete_files_after_commit(*files)
    indexing.index_products(product_ids, producer_ids=[producer_id])
