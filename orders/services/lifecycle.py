"""An order's life after it is placed: one service per transition of `orders.states.ORDER`,
each checked, timestamped and recorded; cancelling gives back the stock and the slot's place;
the buyer changes quantities until the producer starts preparing.

Locks, in the one order used everywhere: the order row, then the product rows (stock service),
then the booked slot row.
"""

from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.common.templatetags.money import euros
from orders import notifications, states
from orders.models import (
    CancelledBy,
    Order,
    OrderLine,
    OrderStatus,
    OrderStatusChange,
    PaymentMethod,
    PaymentStatus,
    PickupSlot,
)
from orders.models.orders import MAX_QUANTITY
from orders.payments import tasks as payment_tasks
from orders.selectors import ordering_settings
from producers.models import ProductStatus
from producers.services.stock import OutOfStock, stock_return, stock_take

TIMESTAMPS = {
    OrderStatus.CONFIRMED: "confirmed_at", OrderStatus.PREPARING: "preparing_at",
    OrderStatus.READY: "ready_at", OrderStatus.COLLECTED: "collected_at",
    OrderStatus.CANCELLED: "cancelled_at",
}
CANCELLERS = {"buyer_cancel": CancelledBy.BUYER, "producer_cancel": CancelledBy.PRODUCER,
              "not_collected": CancelledBy.PRODUCER, "expire": CancelledBy.SYSTEM}

def _actor(user: Any) -> Any:
    return user if user is not None and getattr(user, "is_authenticated", False) else None


def _lock(order: Order) -> Order:
    return Order.objects.select_for_update().select_related("checkout", "producer").get(
        pk=order.pk)


def _release(order: Order) -> None:
    """Give back what the order held: its units (stock service), then its slot's place."""
    stock_return({line.product_id: line.quantity for line in order.lines.all()})
    if order.slot_id is not None:
        PickupSlot.objects.filter(pk=order.slot_id, booked__gt=0).update(
            booked=F("booked") - 1)


def _payment_after_cancel(order: Order) -> str:
    status = order.payment_status
    if status in (PaymentStatus.ON_PICKUP, PaymentStatus.PENDING, PaymentStatus.FAILED):
        return states.PAYMENT.check("void", status).target
    if status == PaymentStatus.PAID:
        # Cancelling a paid order refunds it, once the cancellation is committed.
        order_id = order.pk
        transaction.on_commit(lambda: payment_tasks.send_refund.enqueue(order_id))
        return states.PAYMENT.check("refund", status).target
    return status


def _check(name: str, current: str, reason: str) -> Any:
    """The machine's check, with each possible status named once (several transitions lead
    to « Annulée »: by the buyer, by the producer, not collected)."""
    transition = states.ORDER.transition(name)
    if current not in transition.sources:
        possible = list(dict.fromkeys(states.ORDER.label(t.target)
                                      for t in states.ORDER.allowed(current)))
        message = _("Impossible de passer %(subject)s de « %(source)s » à « %(target)s ».") % {
            "subject": states.ORDER.subject, "source": states.ORDER.label(current),
            "target": states.ORDER.label(transition.target)}
        if possible:
            message += " " + _("Depuis « %(source)s », possible : %(possible)s.") % {
                "source": states.ORDER.label(current),
                "possible": ", ".join(f"« {p} »" for p in possible)}
        raise ValidationError({"status": message}, code="invalid_transition")
    return states.ORDER.check(name, current, reason=reason)


@transaction.atomic
def order_transition(*, order: Order, name: str, actor: Any = None, reason: str = "",
                     now: datetime | None = None) -> Order:
    """Apply the named transition (a French ValidationError if it may not happen now)."""
    locked = _lock(order)
    transition = _check(name, locked.status, reason)
    now = now or timezone.now()
    source = locked.status
    locked.status = transition.target
    locked.status_changed_at = now
    fields = ["status", "status_changed_at"]
    stamp = TIMESTAMPS.get(OrderStatus(transition.target))
    if stamp:
        setattr(locked, stamp, now)
        fields.append(stamp)
    if transition.target == OrderStatus.CANCELLED:
        locked.cancelled_by = CANCELLERS[name]
        locked.cancel_reason = reason.strip() or (
            _("Commande non retirée.") if name == "not_collected" else
            _("Paiement non abouti.") if name == "expire" else "")
        locked.payment_status = _payment_after_cancel(locked)
        fields += ["cancelled_by", "cancel_reason", "payment_status"]
        _release(locked)
    if (transition.target == OrderStatus.COLLECTED
            and locked.payment_status == PaymentStatus.ON_PICKUP):
        locked.payment_status = states.PAYMENT.check("settle_on_pickup",
                                                     locked.payment_status).target
        fields.append("payment_status")
    locked.save(update_fields=fields)
    OrderStatusChange.objects.create(order=locked, source=source, target=transition.target,
                                     reason=locked.cancel_reason if stamp == "cancelled_at"
                                     else reason.strip(), actor=_actor(actor), at=now)
    if transition.target == OrderStatus.READY:
        notifications.order_ready(locked)
    elif transition.target == OrderStatus.CANCELLED:
        notifications.order_cancelled(locked)
    elif name == "pay":
        notifications.order_confirmed(locked)
    for field in fields:
        setattr(order, field, getattr(locked, field))
    return order


def order_prepare(*, order: Order, actor: Any = None) -> Order:
    return order_transition(order=order, name="prepare", actor=actor)


def order_mark_ready(*, order: Order, actor: Any = None) -> Order:
    return order_transition(order=order, name="ready", actor=actor)


def order_collect(*, order: Order, actor: Any = None) -> Order:
    return order_transition(order=order, name="collect", actor=actor)


def order_cancel_by_buyer(*, order: Order, actor: Any = None) -> Order:
    return order_transition(order=order, name="buyer_cancel", actor=actor)


def order_cancel_by_producer(*, order: Order, reason: str, actor: Any = None) -> Order:
    return order_transition(order=order, name="producer_cancel", reason=reason, actor=actor)


def order_not_collected(*, order: Order, actor: Any = None) -> Order:
    return order_transition(order=order, name="not_collected", actor=actor)


def producer_transition_to(*, order: Order, target: str, reason: str = "",
                           actor: Any = None) -> Order:
    """The producer's move to `target` (the API's {"to": …}); cancelling is the producer's
    cancellation, which needs its reason."""
    if target not in OrderStatus.values:
        raise ValidationError({"to": _("Statut inconnu : %(to)s.") % {"to": target}})
    names = [n for n in states.PRODUCER_TRANSITIONS
             if states.ORDER.transition(n).target == target]
    if target == OrderStatus.CANCELLED:
        names = ["producer_cancel"]
    if not names:
        raise ValidationError({"to": _("Seul le paiement en ligne confirme une commande en "
                                       "attente ; vous pouvez la préparer, la marquer prête, "
                                       "retirée ou l'annuler.")})
    return order_transition(order=order, name=names[0], actor=actor, reason=reason)


@transaction.atomic
def order_quantities_change(*, order: Order, quantities: Mapping[int, int],
                            actor: Any = None) -> Order:
    """Set the quantities of the order's lines ({line id: quantity}; 0 removes the line).
    More units are taken from stock, fewer are given back; the prices stay those ordered."""
    locked = _lock(order)
    if locked.status not in states.BUYER_CHANGEABLE:
        raise ValidationError(_("Le producteur a commencé à préparer cette commande : elle ne "
                                "peut plus être modifiée. Contactez-le directement."))
    if locked.payment_method == PaymentMethod.ONLINE:
        raise ValidationError(_("Une commande payée en ligne ne se modifie pas : annulez-la "
                                "(elle sera remboursée) et commandez à nouveau."))
    lines = {line.pk: line for line in locked.lines.select_related("product")}
    if set(quantities) - set(lines):
        raise ValidationError(_("Cette ligne ne fait pas partie de la commande."))
    if any(not 0 <= q <= MAX_QUANTITY for q in quantities.values()):
        raise ValidationError(_("Chaque quantité va de 0 à %(max)d.") % {"max": MAX_QUANTITY})
    new = {pk: quantities.get(pk, line.quantity) for pk, line in lines.items()}
    if not any(new.values()):
        raise ValidationError(_("Pour tout retirer, annulez la commande."))
    more = {lines[pk].product_id: q - lines[pk].quantity for pk, q in new.items()
            if q > lines[pk].quantity}
    for pk, _q in more.items():
        product = next(li.product for li in lines.values() if li.product_id == pk)
        if product.status != ProductStatus.PUBLISHED or not product.is_available:
            raise ValidationError(_("« %(nom)s » n'est plus en vente : sa quantité ne peut pas "
                                    "augmenter.") % {"nom": product.nom})
    total = sum((lines[pk].unit_price * q for pk, q in new.items()), Decimal("0"))
    minimum = ordering_settings(locked.producer).minimum_amount
    if total < minimum:
        raise ValidationError(_("La commande minimum chez %(nom)s est de %(min)s.")
                              % {"nom": locked.producer.nom, "min": euros(minimum)})
    if new == {pk: line.quantity for pk, line in lines.items()}:
        return order
    try:
        stock_take(more)
    except OutOfStock as error:
        shortage = error.shortages[0]
        name = next(li.product_name for li in lines.values()
                    if li.product_id == shortage.product_id)
        raise ValidationError(_("Il ne reste que %(n)d « %(nom)s » de plus.")
                              % {"n": shortage.available, "nom": name}) from None
    fewer = {lines[pk].product_id: lines[pk].quantity - q for pk, q in new.items()
             if q < lines[pk].quantity}
    stock_return(fewer)
    for pk, q in new.items():
        if q == 0:
            lines[pk].delete()
        elif q != lines[pk].quantity:
            OrderLine.objects.filter(pk=pk).update(quantity=q)
    locked.total = total
    locked.save(update_fields=["total"])
    change = OrderStatusChange.objects.create(
        order=locked, source=locked.status, target=locked.status,
        reason=_("Quantités modifiées"), actor=_actor(actor), at=timezone.now())
    notifications.order_changed(locked, key=str(change.pk))
    order.total = total
    return order
