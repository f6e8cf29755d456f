"""Which e-mails each event of an order sends. Nothing is sent here: each e-mail is a task
enqueued once the transaction commits (a rolled-back order sends nothing), with plain ids as
arguments so that any task backend can carry it."""

from django.db import transaction

from orders.models import CancelledBy, Order, OrderStatus
from orders.tasks import send_order_email


def _enqueue(order_id: int, kind: str, key: str = "") -> None:
    transaction.on_commit(lambda: send_order_email.enqueue(order_id, kind, key))


def order_placed(order: Order) -> None:
    """A new order: told to both sides once confirmed (an order waiting for its online payment
    is told when the payment goes through, see order_confirmed)."""
    if order.status == OrderStatus.CONFIRMED:
        _enqueue(order.pk, "producer_new")
        _enqueue(order.pk, "buyer_confirmed")


def order_confirmed(order: Order) -> None:
    """An order confirmed after it was placed: its online payment went through."""
    _enqueue(order.pk, "producer_new")
    _enqueue(order.pk, "buyer_confirmed")


def order_ready(order: Order) -> None:
    _enqueue(order.pk, "buyer_ready")


def order_changed(order: Order, *, key: str) -> None:
    _enqueue(order.pk, "buyer_changed", key)
    _enqueue(order.pk, "producer_changed", key)


def order_cancelled(order: Order) -> None:
    """The buyer is told; the producer too, unless it cancelled the order itself or never
    heard of it (an online payment that never went through)."""
    _enqueue(order.pk, "buyer_cancelled")
    if order.cancelled_by != CancelledBy.PRODUCER and order.confirmed_at is not None:
        _enqueue(order.pk, "producer_cancelled")


def pickup_reminder(order: Order) -> None:
    _enqueue(order.pk, "buyer_reminder")
