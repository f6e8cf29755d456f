"""A producer's pickup settings, windows, closures and holiday openings.

Every write here ends by telling the catalogue whether the producer now takes orders for pickup
(`producers.services.ordering.ordering_facts_set`), so that the directory's « Retrait des
commandes » filter says what is true: ordering open, not paused, and at least one active window.
"""

from collections.abc import Mapping
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from orders.models import Closure, HolidayOpening, OrderingSettings, PickupWindow
from orders.payments.readiness import online_payment_ready
from orders.scheduling import is_public_holiday
from producers.models import Producer
from producers.services.ordering import ordering_facts_set

SETTINGS_FIELDS = frozenset({
    "is_open", "is_paused", "pause_message", "minimum_amount", "slot_minutes",
    "lead_time_hours", "horizon_days", "closed_on_public_holidays", "accepts_payment_on_pickup",
})
WINDOW_FIELDS = frozenset({"point_of_sale", "weekday", "starts", "ends", "capacity", "is_active"})



def _assign(instance: Any, data: Mapping[str, Any], allowed: frozenset[str]) -> None:
    unknown = set(data) - allowed
    if unknown:
        raise TypeError(f"Fields not writable here: {sorted(unknown)}")
    for name, value in data.items():
        setattr(instance, name, value)


def ordering_facts_sync(*, producer: Producer) -> bool:
    """Recompute what the directory shows about this producer's ordering (see module doc)."""
    settings = OrderingSettings.objects.filter(producer=producer).first()
    windows = PickupWindow.objects.filter(producer=producer, is_active=True)
    takes_orders = settings is not None and settings.takes_orders and windows.exists()
    points = set(windows.values_list("point_of_sale_id", flat=True)) if takes_orders else set()
    return ordering_facts_set(producer=producer, offers_pickup=takes_orders,
                              accepts_online_payment=takes_orders
                              and online_payment_ready(producer),
                              pickup_point_ids=points)


@transaction.atomic
def ordering_settings_update(*, producer: Producer,
                             data: Mapping[str, Any]) -> OrderingSettings:
    settings, _created = OrderingSettings.objects.get_or_create(producer=producer)
    _assign(settings, data, SETTINGS_FIELDS)
    if settings.is_open and not settings.accepts_payment_on_pickup and not (
            online_payment_ready(producer)):
        raise ValidationError({"accepts_payment_on_pickup": _(
            "Sans paiement en ligne actif, acceptez le paiement au retrait.")})
    if not settings.is_paused:
        settings.pause_message = settings.pause_message.strip()
    settings.full_clean()
    settings.save()
    ordering_facts_sync(producer=producer)
    return settings


@transaction.atomic
def pickup_window_create(*, producer: Producer, data: Mapping[str, Any]) -> PickupWindow:
    window = PickupWindow(producer=producer)
    _assign(window, data, WINDOW_FIELDS)
    window.full_clean()
    window.save()
    ordering_facts_sync(producer=producer)
    return window


@transaction.atomic
def pickup_window_update(*, window: PickupWindow, data: Mapping[str, Any]) -> PickupWindow:
    """Change a window. Orders already booked keep their slot: they were promised it."""
    _assign(window, data, WINDOW_FIELDS)
    window.full_clean()
    window.save()
    ordering_facts_sync(producer=window.producer)
    return window


@transaction.atomic
def pickup_window_delete(*, window: PickupWindow) -> bool:
    """Delete a window, or only deactivate it (False) while orders are booked in its coming
    slots: those orders keep their pickup, no new one is taken."""
    from_now = window.slots.filter(starts_at__gte=timezone.now(), booked__gt=0)
    producer = window.producer
    if from_now.exists():
        window.is_active = False
        window.save(update_fields=["is_active"])
        deleted = False
    else:
        window.delete()
        deleted = True
    ordering_facts_sync(producer=producer)
    return deleted


@transaction.atomic
def closure_add(*, producer: Producer, starts_on: date, ends_on: date,
                reason: str = "") -> Closure:
    closure = Closure(producer=producer, starts_on=starts_on, ends_on=ends_on,
                      reason=reason.strip())
    closure.full_clean()
    closure.save()
    return closure


@transaction.atomic
def closure_delete(*, closure: Closure) -> None:
    closure.delete()


@transaction.atomic
def holiday_opening_add(*, producer: Producer, day: date) -> HolidayOpening:
    if not is_public_holiday(day):
        raise ValidationError({"date": _("Le %(date)s n'est pas un jour férié.")
                               % {"date": day.strftime("%d/%m/%Y")}})
    opening, _created = HolidayOpening.objects.get_or_create(producer=producer, date=day)
    return opening


@transaction.atomic
def holiday_opening_delete(*, opening: HolidayOpening) -> None:
    opening.delete()
