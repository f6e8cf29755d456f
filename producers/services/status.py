"""Status transitions of producers and products: one service per move, each checked against the
machine of `producers.states`, timestamped, recorded (who, when, why) and re-indexed.

E-mails to the producer about these moves belong to the callers above this layer (the staff
area), which schedule them on commit.
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from producers import indexing, states
from producers.models import (
    Producer,
    ProducerStatus,
    ProducerStatusChange,
    Product,
    ProductStatus,
    ProductStatusChange,
)


def _actor(user: Any) -> Any:
    return user if user is not None and getattr(user, "is_authenticated", False) else None


@transaction.atomic
def _producer_move(producer: Producer, name: str, *, reason: str = "",
                   actor: Any = None) -> Producer:
    locked = Producer.objects.select_for_update().get(pk=producer.pk)
    transition = states.PRODUCER.check(name, locked.status, reason=reason)
    now = timezone.now()
    source = locked.status
    locked.status = transition.target
    locked.status_reason = reason.strip()
    locked.status_changed_at = now
    if transition.target == ProducerStatus.APPROVED and locked.approved_at is None:
        locked.approved_at = now
    locked.save(update_fields=["status", "status_reason", "status_changed_at", "approved_at",
                               "updated_at"])
    ProducerStatusChange.objects.create(producer=locked, source=source,
                                        target=transition.target, reason=locked.status_reason,
                                        actor=_actor(actor), at=now)
    indexing.index_producers([locked.pk])
    for field in ("status", "status_reason", "status_changed_at", "approved_at", "updated_at"):
        setattr(producer, field, getattr(locked, field))
    return producer


def producer_approve(*, producer: Producer, actor: Any = None) -> Producer:
    return _producer_move(producer, "approve", actor=actor)


def producer_reject(*, producer: Producer, reason: str, actor: Any = None) -> Producer:
    return _producer_move(producer, "reject", reason=reason, actor=actor)


def producer_suspend(*, producer: Producer, reason: str, actor: Any = None) -> Producer:
    return _producer_move(producer, "suspend", reason=reason, actor=actor)


def producer_reinstate(*, producer: Producer, actor: Any = None) -> Producer:
    return _producer_move(producer, "reinstate", actor=actor)


def producer_resubmit(*, producer: Producer, actor: Any = None) -> Producer:
    return _producer_move(producer, "resubmit", actor=actor)


PRODUCER_MOVES = {
    "approve": producer_approve,
    "reject": producer_reject,
    "suspend": producer_suspend,
    "reinstate": producer_reinstate,
    "resubmit": producer_resubmit,
}


@transaction.atomic
def _product_move(product: Product, name: str, *, actor: Any = None,
                  reason: str = "") -> Product:
    locked = Product.objects.select_for_update().only("pk", "status", "producer_id").get(
        pk=product.pk)
    transition = states.PRODUCT.check(name, locked.status, reason=reason)
    now = timezone.now()
    reason = reason.strip()
    Product.objects.filter(pk=locked.pk).update(status=transition.target, status_changed_at=now,
                                                status_reason=reason, updated_at=now)
    ProductStatusChange.objects.create(product_id=locked.pk, source=locked.status,
                                       target=transition.target, reason=reason,
                                       actor=_actor(actor), at=now)
    indexing.index_products([locked.pk], producer_ids=[locked.producer_id])
    product.status, product.status_changed_at, product.updated_at = transition.target, now, now
    product.status_reason = reason
    return product


def product_publish(*, product: Product, actor: Any = None) -> Product:
    return _product_move(product, "publish", actor=actor)


def product_unpublish(*, product: Product, actor: Any = None) -> Product:
    return _product_move(product, "unpublish", actor=actor)


def product_archive(*, product: Product, actor: Any = None) -> Product:
    return _product_move(product, "archive", actor=actor)


def product_restore(*, product: Product, actor: Any = None) -> Product:
    return _product_move(product, "restore", actor=actor)


def product_hide(*, product: Product, reason: str, actor: Any = None) -> Product:
    """The CCI hides a product, with a reason the producer reads in its dashboard."""
    return _product_move(product, "hide", reason=reason, actor=actor)


def product_unhide(*, product: Product, actor: Any = None) -> Product:
    """The CCI lifts its hiding: the product comes back as a draft for the producer to check."""
    return _product_move(product, "unhide", actor=actor)


def product_status_set(*, product: Product, status: str, actor: Any = None) -> Product:
    """Move to `status` (a form's or the API's choice) through the one transition that leads
    there; staying put is no move. Refused with a French message otherwise. The producer's
    path: a product hidden by the CCI stays hidden whatever is asked."""
    current = Product.objects.only("status").get(pk=product.pk).status
    if ProductStatus(status) == current:
        return product
    if current == ProductStatus.HIDDEN:
        raise ValidationError({"status": _(
            "Ce produit a été masqué par l'équipe de la CCI : elle seule peut le rendre à "
            "nouveau visible (voir le motif sur votre tableau de bord).")},
            code="hidden_by_staff")
    transition = states.PRODUCT.between(current, status)
    if transition.name in states.STAFF_ONLY_PRODUCT_MOVES:
        raise ValidationError({"status": _("Seule l'équipe de la CCI masque un produit.")})
    return _product_move(product, transition.name, actor=actor)
