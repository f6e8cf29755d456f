"""Placing a checkout: one order per producer, stock and slot places taken in one transaction.

Locks are always taken in the same order, so two checkouts cannot deadlock: the product rows
first (`producers.services.stock.stock_take`, ascending ids), then the booked-slot rows (by
window, then start). On SQLite the transaction holds the database's write lock from its start
(IMMEDIATE), which serializes checkouts the same way. Whatever is refused, nothing is kept: the
error is raised inside the transaction, which rolls back the stock already taken.
"""

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from marketplace.common.templatetags.money import euros
from orders import notifications
from orders.models import (
    Checkout,
    Order,
    OrderingSettings,
    OrderLine,
    OrderStatus,
    PaymentMethod,
    PaymentStatus,
    PickupSlot,
    PickupWindow,
)
from orders.models.orders import MAX_QUANTITY
from orders.payments.readiness import online_payment_ready
from orders.scheduling import Slot, paris
from orders.selectors import ordering_settings, schedule_for, slot_for_key
from producers.models import Producer, Product, ProductStatus
from producers.services.stock import OutOfStock, stock_take
from producers.units import unit_word_stored


@dataclass(frozen=True)
class Buyer:
    name: str
    email: str
    phone: str
    user: Any = None


@dataclass(frozen=True)
class ProducerChoice:
    """What the buyer chose for one producer's order."""

    slot: str  # a slot key (orders.scheduling.slot_key)
    note: str = ""
    payment_method: str = PaymentMethod.ON_PICKUP


def allowed_payment_methods(producer: Producer, settings: OrderingSettings) -> list[str]:
    """Online first when the producer's account can take charges; on pickup if accepted."""
    methods: list[str] = [PaymentMethod.ONLINE] if online_payment_ready(producer) else []
    if settings.accepts_payment_on_pickup or not methods:
        methods.append(PaymentMethod.ON_PICKUP)
    return methods


def slot_error_key(producer_id: int) -> str:
    return f"slot_{producer_id}"


def _describe_slot(slot: Slot | PickupSlot) -> str:
    starts = slot.starts_at.astimezone(paris())
    return _("%(jour)s à %(heure)s") % {"jour": date_format(starts, "l j F"),
                                        "heure": date_format(starts, "H\\hi")}


def _shortage_messages(error: OutOfStock, names: Mapping[int, str]) -> list[str]:
    messages = []
    for shortage in error.shortages:
        name = names.get(shortage.product_id, _("un produit"))
        if shortage.available:
            messages.append(_("Il ne reste que %(n)d « %(nom)s » (vous en demandez %(wanted)d).")
                            % {"n": shortage.available, "nom": name, "wanted": shortage.wanted})
        else:
            messages.append(_("« %(nom)s » est épuisé.") % {"nom": name})
    return messages


def _check_buyer(buyer: Buyer) -> Checkout:
    checkout = Checkout(name=buyer.name.strip(), email=buyer.email.strip(),
                        phone=buyer.phone.strip(), user=buyer.user if getattr(
                            buyer.user, "is_authenticated", False) else None)
    checkout.full_clean(exclude=["reference", "token"])
    return checkout


def _check_products(products: Mapping[int, Product], quantities: Mapping[int, int],
                    prices_seen: Mapping[int, Decimal]) -> list[str]:
    errors = []
    for pk in sorted(quantities):
        product = products.get(pk)
        if product is None:
            errors.append(_("Un produit de votre panier n'existe plus : retirez-le."))
        elif not (product.status == ProductStatus.PUBLISHED and product.producer.is_public
                  and product.is_available):
            errors.append(_("« %(nom)s » n'est plus en vente : retirez-le du panier.")
                          % {"nom": product.nom})
        elif pk in prices_seen and prices_seen[pk] != product.price:
            errors.append(_("Le prix de « %(nom)s » a changé : %(avant)s → %(apres)s. Vérifiez "
                            "votre panier, puis validez à nouveau.")
                          % {"nom": product.nom, "avant": euros(prices_seen[pk]),
                             "apres": euros(product.price)})
    return errors


def _check_producer(producer: Producer, total: Decimal, choice: ProducerChoice | None,
                    now: datetime) -> tuple[Slot | None, list[str], list[str]]:
    """(the slot, general problems, problems with the slot chosen) for one producer's order."""
    settings = ordering_settings(producer)
    if not settings.is_open:
        return None, [_("%(nom)s ne prend pas de commandes en ligne.") % {"nom": producer.nom}], []
    if settings.is_paused:
        message = _("%(nom)s a mis ses commandes en pause.") % {"nom": producer.nom}
        if settings.pause_message:
            message += " " + settings.pause_message
        return None, [message], []
    if total < settings.minimum_amount:
        return None, [_("La commande minimum chez %(nom)s est de %(min)s (votre panier : "
                        "%(total)s).") % {"nom": producer.nom,
                                          "min": euros(settings.minimum_amount),
                                          "total": euros(total)}], []
    if choice is None or not choice.slot:
        return None, [], [_("Choisissez un créneau de retrait.")]
    allowed = allowed_payment_methods(producer, settings)
    if choice.payment_method not in allowed:
        return None, [], [_("Ce mode de paiement n'est pas proposé par %(nom)s.")
                          % {"nom": producer.nom}]
    slot = slot_for_key(producer, choice.slot, now=now, schedule=schedule_for(producer))
    if slot is None:
        return None, [], [_(
            "Ce créneau n'est plus proposé par %(nom)s (complet, passé ou fermé) : choisissez-en "
            "un autre.") % {"nom": producer.nom}]
    return slot, [], []


def _book(slots: Mapping[int, Slot], producers: Mapping[int, Producer]) -> dict[int, PickupSlot]:
    """Take one place in each slot ({producer id: slot}), rows locked by (window, start)."""
    ordered = sorted(slots.items(), key=lambda item: (item[1].window_id, item[1].starts_at))
    PickupSlot.objects.bulk_create(
        [PickupSlot(window_id=s.window_id, starts_at=s.starts_at, ends_at=s.ends_at)
         for _pid, s in ordered], ignore_conflicts=True)
    match = Q()
    for _pid, s in ordered:
        match |= Q(window_id=s.window_id, starts_at=s.starts_at)
    # Without this lock two buyers could both read "one place left" and both take it.
    rows = {(r.window_id, r.starts_at): r for r in PickupSlot.objects.select_for_update()
            .filter(match).select_related("window").order_by("window_id", "starts_at")}
    booked: dict[int, PickupSlot] = {}
    for producer_id, slot in ordered:
        row = rows[(slot.window_id, slot.starts_at)]
        if row.booked >= row.window.capacity:
            raise ValidationError({slot_error_key(producer_id): _(
                "Le créneau du %(quand)s chez %(nom)s vient d'être complet : choisissez-en un "
                "autre.") % {"quand": _describe_slot(slot), "nom": producers[producer_id].nom}})
        PickupSlot.objects.filter(pk=row.pk).update(booked=F("booked") + 1)
        booked[producer_id] = row
    return booked


@transaction.atomic
def checkout_place(*, quantities: Mapping[int, int], prices_seen: Mapping[int, Decimal],
                   choices: Mapping[int, ProducerChoice], buyer: Buyer,
                   now: datetime | None = None) -> Checkout:
    """Place one order per producer of the cart, or nothing: a French ValidationError says
    what to fix (keys `slot_<producer id>` for a producer's slot, else general messages)."""
    now = now or timezone.now()
    if not quantities:
        raise ValidationError(_("Votre panier est vide."))
    if any(not 1 <= q <= MAX_QUANTITY for q in quantities.values()):
        raise ValidationError(_("Chaque quantité va de 1 à %(max)d.") % {"max": MAX_QUANTITY})
    checkout = _check_buyer(buyer)
    # Everything that needs no lock is checked first, so that the rows stay locked briefly.
    products = {p.pk: p for p in Product.objects.filter(pk__in=list(quantities))
                .select_related("producer")}
    errors = _check_products(products, quantities, prices_seen)
    if errors:
        raise ValidationError(errors)
    by_producer: dict[int, list[Product]] = defaultdict(list)
    for product in products.values():
        by_producer[product.producer_id].append(product)
    producers = {pid: items[0].producer for pid, items in by_producer.items()}
    slots: dict[int, Slot] = {}
    slot_errors: dict[str, list[str]] = {}
    for pid, items in sorted(by_producer.items()):
        total = sum((p.price * quantities[p.pk] for p in items), Decimal("0"))
        slot, problems, slot_problems = _check_producer(producers[pid], total, choices.get(pid),
                                                        now)
        errors += problems
        if slot_problems:
            slot_errors[slot_error_key(pid)] = slot_problems
        if slot is not None:
            slots[pid] = slot
    if errors or slot_errors:
        raise ValidationError({**({NON_FIELD_ERRORS: errors} if errors else {}), **slot_errors})

    try:
        stock_take(dict(quantities))  # locks the product rows, ascending ids
    except OutOfStock as error:
        raise ValidationError(_shortage_messages(error, {p.pk: p.nom for p in products.values()})
                              ) from None
    # Under the lock: a product hidden or re-priced since the first reading is refused.
    products = {p.pk: p for p in Product.objects.filter(pk__in=list(quantities))
                .select_related("producer")}
    errors = _check_products(products, quantities, prices_seen)
    if errors:
        raise ValidationError(errors)
    for items in by_producer.values():
        items[:] = [products[p.pk] for p in items]
    booked = _book(slots, producers)

    checkout.save()
    windows = {w.pk: w for w in PickupWindow.objects.filter(
        pk__in=[s.window_id for s in slots.values()]).select_related("point_of_sale__commune")}
    for pid, items in sorted(by_producer.items()):
        choice = choices[pid]
        order = _create_order(checkout, producers[pid], items, quantities, booked[pid],
                              windows[slots[pid].window_id], choice, now)
        notifications.order_placed(order)
    return checkout


def _create_order(checkout: Checkout, producer: Producer, items: list[Product],
                  quantities: Mapping[int, int], slot: PickupSlot, window: PickupWindow,
                  choice: ProducerChoice, now: datetime) -> Order:
    point = window.point_of_sale
    total = sum((p.price * quantities[p.pk] for p in items), Decimal("0"))
    online = choice.payment_method == PaymentMethod.ONLINE
    order = Order(
        checkout=checkout, producer=producer,
        # Paid online, the order waits (stock and place held) for the verified payment event.
        status=OrderStatus.AWAITING_PAYMENT if online else OrderStatus.CONFIRMED,
        status_changed_at=now, placed_at=now, confirmed_at=None if online else now,
        payment_method=choice.payment_method,
        payment_status=PaymentStatus.PENDING if online else PaymentStatus.ON_PICKUP,
        slot=slot, point_of_sale=point, pickup_starts_at=slot.starts_at,
        pickup_ends_at=slot.ends_at, pickup_place=point.nom, pickup_kind=point.kind,
        pickup_address=point.address, pickup_commune=point.commune.nom,
        pickup_latitude=point.latitude if point.latitude is not None else producer.latitude,
        pickup_longitude=point.longitude if point.longitude is not None
        else producer.longitude,
        note=choice.note.strip()[:1000], total=total,
    )
    order.full_clean(exclude=["checkout", "slot", "point_of_sale", "producer"])
    order.save()
    OrderLine.objects.bulk_create([
        OrderLine(order=order, product=p, product_name=p.nom, unit=unit_word_stored(p.unit),
                  unit_size=p.unit_size, unit_price=p.price, quantity=quantities[p.pk])
        for p in sorted(items, key=lambda p: (p.nom, p.pk))
    ])
    return order
