"""The directory's « Retrait des commandes » and « Paiement en ligne » facts, kept true by the
layer that knows them: orders calls this whenever a producer's pickup settings, windows or
payment account change, with what is now the case. The catalogue only stores the answer."""

from collections.abc import Iterable

from django.db import transaction

from marketplace.common import cache
from producers.indexing import CATALOGUE
from producers.models import PointOfSale, Producer


@transaction.atomic
def ordering_facts_set(
    *, producer: Producer, offers_pickup: bool, accepts_online_payment: bool | None = None,
    pickup_point_ids: Iterable[int] | None = None,
) -> bool:
    """Store whether the producer takes orders for pickup, can be paid online (None: leave it)
    and at which of its points of sale orders are collected (None: leave them). True when
    something changed; public lists are then refreshed (their cache version is bumped)."""
    changes: dict[str, bool] = {}
    if producer.offers_pickup != offers_pickup:
        changes["offers_pickup"] = offers_pickup
    if accepts_online_payment is not None and (
            producer.accepts_online_payment != accepts_online_payment):
        changes["accepts_online_payment"] = accepts_online_payment
    if changes:
        Producer.objects.filter(pk=producer.pk).update(**changes)
        for field, value in changes.items():
            setattr(producer, field, value)
    changed_points = 0
    if pickup_point_ids is not None:
        ids = set(pickup_point_ids)
        points = PointOfSale.objects.filter(producer=producer)
        changed_points = (points.filter(pk__in=ids, offers_pickup=False)
                          .update(offers_pickup=True)
                          + points.exclude(pk__in=ids).filter(offers_pickup=True)
                          .update(offers_pickup=False))
    if changes or changed_points:
        cache.bump(CATALOGUE)
        return True
    return False
