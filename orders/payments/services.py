"""The online payment of a checkout: start it (a Stripe Checkout Session), then follow what the
verified webhook events say. Only `payment_completed` confirms orders, and only for a session
Stripe reports as paid. Each handler locks the payment row first, then acts only if the state it
finds allows it, so a duplicated or out-of-order event changes nothing wrong."""

from collections.abc import Mapping
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from orders import states
from orders.models import (
    Checkout,
    Order,
    OrderStatus,
    Payment,
    PaymentMethod,
    PaymentState,
    PaymentStatus,
    Refund,
    StripeAccount,
)
from orders.payments import stripe_client, tasks
from orders.payments.money import incident
from orders.payments.stripe_client import LineItem, Session, cents
from orders.services.lifecycle import order_transition
from orders.services.pickup import ordering_facts_sync


def _awaiting(checkout: Checkout) -> list[Order]:
    return list(checkout.orders.filter(
        payment_method=PaymentMethod.ONLINE, status=OrderStatus.AWAITING_PAYMENT,
        payment_status__in=[PaymentStatus.PENDING, PaymentStatus.FAILED],
    ).select_related("producer").prefetch_related("lines").order_by("pk"))


def payment_start(*, checkout: Checkout, success_url: str, cancel_url: str) -> str:
    """The address of Stripe's payment page for the checkout's orders waiting for payment.
    Raises PaymentsUnavailable (orders kept, retry possible) or ValidationError (nothing to
    pay)."""
    orders = _awaiting(checkout)
    if not orders:
        raise ValidationError(_("Rien n'est à payer en ligne pour cette commande."))
    fresh = timezone.now() - timedelta(minutes=settings.STRIPE_SESSION_MINUTES - 5)
    open_payment = Payment.objects.filter(checkout=checkout, state=PaymentState.OPEN,
                                          created_at__gte=fresh).first()
    if open_payment is not None and open_payment.url:
        return open_payment.url
    items = [LineItem(name=f"{line.product_name} — {order.producer.nom}",
                      unit_amount=cents(line.unit_price), quantity=line.quantity)
             for order in orders for line in order.lines.all()]
    session = stripe_client.checkout_session_create(
        reference=checkout.reference,
        attempt=Payment.objects.filter(checkout=checkout).count() + 1, items=items,
        email=checkout.email, success_url=success_url, cancel_url=cancel_url,
        expires_at=timezone.now() + timedelta(minutes=settings.STRIPE_SESSION_MINUTES))
    with transaction.atomic():
        payment = Payment.objects.create(
            checkout=checkout, session_id=session.session_id, url=session.url,
            amount=sum((o.total for o in orders), Decimal("0")))
        payment.orders.set(orders)
        for order in orders:
            if order.payment_status == PaymentStatus.FAILED:
                Order.objects.filter(pk=order.pk).update(payment_status=states.PAYMENT.check(
                    "start", order.payment_status).target)
    return session.url


def _after_commit(task: Any, order_id: int) -> None:
    transaction.on_commit(lambda: task.enqueue(order_id))


@transaction.atomic
def payment_completed(session: Session) -> str:
    """Stripe says the session is paid: confirm its orders, then send each its transfer."""
    payment = Payment.objects.select_for_update().filter(session_id=session.session_id).first()
    if payment is None:
        return "unknown session"
    if payment.state == PaymentState.PAID:
        return "already paid"
    if session.payment_status != "paid":
        return f"not paid ({session.payment_status})"
    payment.state = PaymentState.PAID
    payment.payment_intent_id = session.payment_intent_id
    payment.charge_id = stripe_client.payment_intent_charge(session.payment_intent_id)
    payment.completed_at = timezone.now()
    payment.save(update_fields=["state", "payment_intent_id", "charge_id", "completed_at"])
    for order in payment.orders.select_for_update().order_by("pk"):
        if order.status == OrderStatus.AWAITING_PAYMENT:
            Order.objects.filter(pk=order.pk).update(payment_status=states.PAYMENT.check(
                "succeed", order.payment_status).target)
            order_transition(order=order, name="pay")
            _after_commit(tasks.send_transfer, order.pk)
        else:
            # Paid after the order was released (expired or cancelled): give the money back.
            Order.objects.filter(pk=order.pk).update(payment_status=states.PAYMENT.check(
                "refund_late", order.payment_status).target)
            incident(kind="late_payment", order=order, message=(
                f"Paiement reçu pour {order.number}, déjà {order.get_status_display().lower()} "
                ": remboursement automatique."))
            _after_commit(tasks.send_refund, order.pk)
    return "paid"


@transaction.atomic
def payment_expired(session_id: str) -> str:
    """The session expired unpaid: its orders are released (stock and slot places back)."""
    payment = Payment.objects.select_for_update().filter(session_id=session_id).first()
    if payment is None:
        return "unknown session"
    if payment.state != PaymentState.OPEN:
        return f"ignored ({payment.state})"
    payment.state = PaymentState.EXPIRED
    payment.save(update_fields=["state"])
    released = 0
    for order in payment.orders.order_by("pk"):
        if order.status == OrderStatus.AWAITING_PAYMENT:
            order_transition(order=order, name="expire")
            released += 1
    return f"expired, {released} released"


@transaction.atomic
def payment_failed(*, reference: str, payment_intent_id: str) -> str:
    """A card was declined: the orders stay held (the buyer may try again on the same page)
    and say so; the session's expiry releases them if nothing else works."""
    payment = (Payment.objects.select_for_update()
               .filter(checkout__reference=reference, state=PaymentState.OPEN)
               .order_by("-created_at").first())
    if payment is None:
        return "no open payment"
    failed = 0
    for order in payment.orders.filter(payment_status=PaymentStatus.PENDING):
        Order.objects.filter(pk=order.pk).update(payment_status=states.PAYMENT.check(
            "fail", order.payment_status).target)
        failed += 1
    return f"{failed} marked failed"


@transaction.atomic
def charge_refunded(charge: Mapping[str, Any]) -> str:
    """Stripe confirms refunds on a charge: the orders refunded from it are marked so."""
    intent = charge.get("payment_intent") or ""
    refunded = int(charge.get("amount_refunded") or 0)
    orders = Payment.objects.filter(payment_intent_id=intent).values("orders")
    refunds = list(Refund.objects.select_for_update(of=("self",))
                   .filter(order_id__in=orders).select_related("order")
                   .order_by("created_at", "pk"))
    done = 0
    covered = 0
    for refund in refunds:
        covered += cents(refund.amount)
        if covered > refunded or refund.succeeded_at is not None:
            continue
        Refund.objects.filter(pk=refund.pk).update(status="succeeded",
                                                   succeeded_at=timezone.now())
        order = refund.order
        if order.payment_status in (PaymentStatus.PAID, PaymentStatus.REFUND_PENDING):
            Order.objects.filter(pk=order.pk).update(payment_status=states.PAYMENT.check(
                "refunded", order.payment_status).target)
            done += 1
    return f"{done} refunded"


@transaction.atomic
def account_updated(account: Mapping[str, Any]) -> str:
    state = stripe_client.account_state(account)
    stored = StripeAccount.objects.select_for_update().filter(
        account_id=state.account_id).select_related("producer").first()
    if stored is None:
        return "unknown account"
    return account_store(stored, state)


def account_store(stored: StripeAccount, state: stripe_client.AccountState) -> str:
    stored.charges_enabled = state.charges_enabled
    stored.payouts_enabled = state.payouts_enabled
    stored.details_submitted = state.details_submitted
    stored.save(update_fields=["charges_enabled", "payouts_enabled", "details_submitted",
                               "updated_at"])
    ordering_facts_sync(producer=stored.producer)
    return stored.state


def unpaid_orders_expire(*, now: Any = None) -> int:
    """Release orders still waiting for a payment well after any session could have been paid
    (a lost `checkout.session.expired`, or a session never created because Stripe was down).
    Safe to run as often as one likes."""
    now = now or timezone.now()
    limit = now - timedelta(minutes=settings.STRIPE_SESSION_MINUTES + 10)
    released = 0
    for order in Order.objects.filter(status=OrderStatus.AWAITING_PAYMENT, placed_at__lt=limit):
        if Payment.objects.filter(orders=order, state=PaymentState.OPEN,
                                  created_at__gte=limit).exists():
            continue
        try:
            order_transition(order=order, name="expire")
        except ValidationError:
            continue  # paid or cancelled meanwhile
        released += 1
    return released
