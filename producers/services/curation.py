"""The CCI's writes on the catalogue that are not status moves: featuring (home page and
campaigns) and the freshness of listings. Claims on listings live in producers.accounts."""

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone

from marketplace.common import cache
from producers.indexing import CATALOGUE
from producers.models import Campaign, Featuring, Producer
from producers.services.base import assign

FEATURING_FIELDS = frozenset({"campaign", "producer", "product", "position", "starts_on",
                              "ends_on"})
CAMPAIGN_FIELDS = frozenset({"title", "slug", "description", "starts_on", "ends_on"})


@transaction.atomic
def featuring_save(*, featuring: Featuring | None = None, data: Mapping[str, Any],
                   actor: Any = None) -> Featuring:
    """Create (featuring None) or change a featuring; the home page follows at once."""
    if featuring is None:
        featuring = Featuring(created_by=actor if getattr(actor, "is_authenticated", False)
                              else None)
    assign(featuring, data, FEATURING_FIELDS)
    featuring.full_clean()
    featuring.save()
    cache.bump(CATALOGUE)  # the home page is cached per catalogue version
    return featuring


@transaction.atomic
def featuring_delete(*, featuring: Featuring) -> None:
    featuring.delete()
    cache.bump(CATALOGUE)


@transaction.atomic
def campaign_save(*, campaign: Campaign | None = None, data: Mapping[str, Any]) -> Campaign:
    campaign = campaign or Campaign()
    assign(campaign, data, CAMPAIGN_FIELDS)
    campaign.full_clean()
    campaign.save()
    cache.bump(CATALOGUE)
    return campaign


@transaction.atomic
def producer_confirm(*, producer: Producer) -> Producer:
    """The producer says its information is right (dashboard button or the yearly e-mail)."""
    producer.last_confirmed_at = timezone.now()
    producer.save(update_fields=["last_confirmed_at", "updated_at"])
    cache.bump(CATALOGUE)  # the public page shows the date
    return producer


@transaction.atomic
def producer_confirmation_requested(*, producer_ids: list[int]) -> int:
    """Mark that the yearly confirmation e-mail went out (so it is not sent twice)."""
    return Producer.objects.filter(pk__in=producer_ids).update(
        confirmation_requested_at=timezone.now())
