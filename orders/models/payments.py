"""Online payments (Stripe): a producer's connected account, the Checkout Sessions of a
checkout, the transfers to each producer, refunds, the webhook events already processed, and
the incidents staff must look at.

Nothing here marks an order paid: only a verified `checkout.session.completed` event does,
through `orders.payments.webhooks`.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from orders.models.orders import Checkout, Order
from producers.models import Producer


class StripeAccount(models.Model):
    """A producer's Stripe Express account, as Stripe last described it."""

    producer = models.OneToOneField(Producer, on_delete=models.CASCADE,
                                    related_name="stripe_account")
    account_id = models.CharField(max_length=64, unique=True)
    charges_enabled = models.BooleanField(default=False)
    payouts_enabled = models.BooleanField(default=False)
    details_submitted = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("compte Stripe")

    def __str__(self) -> str:
        return f"{self.producer} ({self.account_id})"

    @property
    def state(self) -> str:
        if self.charges_enabled:
            return "active"
        return "pending"


class PaymentState(models.TextChoices):
    OPEN = "open", _("En cours")
    PAID = "paid", _("Payé")
    EXPIRED = "expired", _("Expiré")


class Payment(models.Model):
    """One Stripe Checkout Session, covering the orders of a checkout paid online."""

    checkout = models.ForeignKey(Checkout, on_delete=models.CASCADE, related_name="payments")
    orders = models.ManyToManyField(Order, related_name="payments")
    session_id = models.CharField(max_length=255, unique=True)
    url = models.URLField(max_length=2000, blank=True)
    payment_intent_id = models.CharField(max_length=255, blank=True, db_index=True)
    charge_id = models.CharField(max_length=255, blank=True)
    amount = models.DecimalField(max_digits=9, decimal_places=2)
    state = models.CharField(max_length=10, choices=PaymentState.choices,
                             default=PaymentState.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("paiement en ligne")

    def __str__(self) -> str:
        return f"{self.checkout} {self.session_id} ({self.state})"


class ProducerTransfer(models.Model):
    """The order's amount (less the platform fee) sent to the producer's account."""

    order = models.OneToOneField(Order, on_delete=models.PROTECT, related_name="transfer")
    transfer_id = models.CharField(max_length=255, unique=True)
    destination = models.CharField(max_length=64)
    amount = models.DecimalField(max_digits=9, decimal_places=2)
    fee = models.DecimalField(max_digits=9, decimal_places=2)
    reversed_amount = models.DecimalField(max_digits=9, decimal_places=2, default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("virement au producteur")

    def __str__(self) -> str:
        return f"{self.order_id} → {self.destination} {self.amount}"


class Refund(models.Model):
    order = models.OneToOneField(Order, on_delete=models.PROTECT, related_name="refund")
    refund_id = models.CharField(max_length=255, unique=True)
    amount = models.DecimalField(max_digits=9, decimal_places=2)
    status = models.CharField(max_length=30)
    created_at = models.DateTimeField(auto_now_add=True)
    succeeded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("remboursement")

    def __str__(self) -> str:
        return f"{self.order_id} {self.refund_id} ({self.status})"


class StripeEvent(models.Model):
    """A webhook event, recorded when first received: a second delivery is answered and
    ignored."""

    event_id = models.CharField(max_length=255, unique=True)
    type = models.CharField(max_length=100)
    created = models.DateTimeField(null=True, blank=True)
    received_at = models.DateTimeField(auto_now_add=True)
    outcome = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("événement Stripe")

    def __str__(self) -> str:
        return f"{self.type} {self.event_id}"


class PaymentIncident(models.Model):
    """Something about money that a person must look at (a transfer or refund that failed,
    a payment that arrived for a cancelled order…)."""

    order = models.ForeignKey(Order, on_delete=models.SET_NULL, null=True, blank=True,
                              related_name="payment_incidents")
    kind = models.CharField(_("type"), max_length=40)
    message = models.TextField(_("message"))
    created_at = models.DateTimeField(_("le"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("réglé le"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("incident de paiement")
        verbose_name_plural = _("incidents de paiement")

    def __str__(self) -> str:
        return f"{self.kind}: {self.message[:60]}"
