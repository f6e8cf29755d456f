"""A producer's profile and its points of sale."""

from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from marketplace.common import cache
from marketplace.reference.models import Label
from producers import indexing
from producers.indexing import CATALOGUE
from producers.models import OpeningHours, PointOfSale, Producer
from producers.opening_hours import HoursRange, check_hours
from producers.services.base import assign, delete_files_after_commit

PRODUCER_FIELDS = frozenset({
    "nom", "slug", "legal_name", "description", "commune", "address", "postal_code",
    "latitude", "longitude", "phone", "email", "website", "social_links", "opening_hours",
})
POINT_OF_SALE_FIELDS = frozenset({
    "kind", "nom", "commune", "address", "latitude", "longitude",
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
def point_of_sale_create(*, producer: Producer, data: Mapping[str, Any],
                         hours: Iterable[HoursRange] = ()) -> PointOfSale:
    """A new point of sale and its week (`hours`: a market needs at least one day)."""
    point = PointOfSale(producer=producer)
    assign(point, data, POINT_OF_SALE_FIELDS)
    ranges = _checked(point, list(hours))
    point.save()
    _hours_set(point, ranges)
    cache.bump(CATALOGUE)  # producer pages, the markets, the point-of-sale filters
    return point


@transaction.atomic
def point_of_sale_update(*, point: PointOfSale, data: Mapping[str, Any],
                         hours: Iterable[HoursRange] | None = None) -> PointOfSale:
    """Change fields and, if given, the whole week (else the week kept must suit the kind)."""
    assign(point, data, POINT_OF_SALE_FIELDS)
    ranges = _checked(point, point.ranges() if hours is None else list(hours))
    point.save()
    if hours is not None:
        _hours_set(point, ranges)
    cache.bump(CATALOGUE)  # producer pages, the markets, the point-of-sale filters
    return point


def _checked(point: PointOfSale, ranges: list[HoursRange]) -> list[HoursRange]:
    """Validate the point and its week together, so that every error is told at once."""
    errors: dict[str, list[str]] = {}
    for check in (point.full_clean,
                  lambda: check_hours(is_market=point.is_market, ranges=ranges)):
        try:
            check()
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                errors.setdefault(field, []).extend(messages)
    if errors:
        raise ValidationError(errors)
    return [HoursRange(*r) for r in ranges]


def _hours_set(point: PointOfSale, ranges: list[HoursRange]) -> None:
    """Make the stored week `ranges`: rows kept as they are, the others deleted or added one by
    one (each leaves its own history record, and an unchanged week leaves none)."""
    wanted = list(ranges)
    for row in list(point.hours.all()):
        if row.as_range() in wanted:
            wanted.remove(row.as_range())
        else:
            row.delete()
    for r in wanted:
        row = OpeningHours(point_of_sale=point, weekday=r.weekday, opens=r.opens,
                           closes=r.closes)
        row.full_clean()
        row.save()
    getattr(point, "_prefetched_objects_cache", {}).pop("hours", None)  # read it afresh


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
