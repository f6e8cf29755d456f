"""Moving money after a verified payment: each order's share to its producer (a transfer from
the checkout's charge), and refunds that come out of the right producer's share. Each function
does its work once per order (a row records it, Stripe's idempotency keys cover a retry), and a
Stripe failure becomes a payment incident for staff, never a lost order."""

from decimal import Decimal

from django.conf import settings
from django.db import transaction

from orders.models import (
    Order,
    Payment,
    PaymentIncident,
    PaymentState,
    ProducerTransfer,
    Refund,
    StripeAccount,
)
from orders.payments import stripe_client
from orders.payments.stripe_client import PaymentsUnavailable, cents


def platform_fee(amount: Decimal) -> Decimal:
    return (amount * settings.PLATFORM_FEE_PERCENT / 100).quantize(Decimal("0.01"))


def incident(*, kind: str, message: str, order: Order | None = None) -> PaymentIncident:
    return PaymentIncident.objects.create(order=order, kind=kind, message=message)


def _paid_payment(order: Order) -> Payment | None:
    return (Payment.objects.filter(orders=order, state=PaymentState.PAID)
            .order_by("-completed_at").first())


def transfer_send(order_id: int) -> bool:
    """Send the order's amount, less the platform fee, to its producer (True when sent now)."""
    order = Order.objects.select_related("checkout", "producer").get(pk=order_id)
    if ProducerTransfer.objects.filter(order=order).exists():
        return False
    payment = _paid_payment(order)
    account = StripeAccount.objects.filter(producer=order.producer).first()
    if payment is None or account is None or not payment.charge_id:
        incident(kind="transfer", order=order, message=(
            f"Virement impossible pour {order.number} : paiement ou compte du producteur "
            "introuvable."))
        return False
    fee = platform_fee(order.total)
    try:
        transfer = stripe_client.transfer_create(
            amount=cents(order.total - fee), destination=account.account_id,
            transfer_group=order.checkout.reference, source_transaction=payment.charge_id,
            order_number=order.number)
    except PaymentsUnavailable as error:
        incident(kind="transfer", order=order, message=(
            f"Le virement de {order.number} au producteur a échoué ({error.detail}) : "
            "relancez `manage.py payments_retry`."))
        return False
    ProducerTransfer.objects.create(order=order, transfer_id=transfer.transfer_id,
                                    destination=account.account_id,
                                    amount=Decimal(transfer.amount) / 100, fee=fee)
    return True


def refund_send(order_id: int) -> bool:
    """Refund a cancelled paid order from the checkout's charge and take the amount back from
    the producer's transfer (True when refunded now). The order is marked refunded only when
    Stripe's `charge.refunded` event confirms it."""
    order = Order.objects.select_related("checkout", "producer").get(pk=order_id)
    if Refund.objects.filter(order=order).exists():
        return False
    payment = _paid_payment(order)
    if payment is None or not payment.payment_intent_id:
        incident(kind="refund", order=order, message=(
            f"Remboursement impossible pour {order.number} : paiement introuvable."))
        return False
    try:
        refund = stripe_client.refund_create(payment_intent_id=payment.payment_intent_id,
                                             amount=cents(order.total),
                                             order_number=order.number)
    except PaymentsUnavailable as error:
        incident(kind="refund", order=order, message=(
            f"Le remboursement de {order.number} a échoué ({error.detail}) : relancez "
            "`manage.py payments_retry`."))
        return False
    with transaction.atomic():
        Refund.objects.create(order=order, refund_id=refund.refund_id,
                              amount=Decimal(refund.amount) / 100, status=refund.status)
    transfer = ProducerTransfer.objects.filter(order=order, reversed_amount=0).first()
    if transfer is not None:
        try:
            stripe_client.transfer_reverse(transfer_id=transfer.transfer_id,
                                           amount=cents(transfer.amount),
                                           order_number=order.number)
        except PaymentsUnavailable as error:
            incident(kind="reversal", order=order, message=(
                f"Le remboursement de {order.number} est fait, mais la reprise sur le virement "
                f"au producteur a échoué ({error.detail})."))
        else:
            ProducerTransfer.objects.filter(pk=transfer.pk).update(
                reversed_amount=transfer.amount)
    return True
