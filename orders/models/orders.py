"""A checkout (one buyer, one reference, one unguessable link) holds one order per producer;
an order holds its lines, with names and prices copied at the time of ordering.

The order's `status` moves only through the machine of `orders.states`; its payment has a status
of its own (`payment_status`), so that nothing about a payment can make an order look collected
or confirmed, and nothing about preparing it can make it look paid.
"""

import secrets
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from marketplace.common.models import StatusChange
from orders.models.pickup import PickupSlot
from producers.models import PointOfSale, Producer, Product

MAX_QUANTITY = 99
# No 0/O or 1/I: the reference is read out loud at a market stall.
REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def new_reference() -> str:
    return "OML-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Checkout(models.Model):
    """One visit to /commande/: the buyer, and the orders it placed with each producer."""

    reference = models.CharField(_("référence"), max_length=12, unique=True,
                                 default=new_reference)
    # The guest's key to follow and change the orders: unguessable, never shown to producers.
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                             blank=True, related_name="checkouts")
    name = models.CharField(_("nom"), max_length=150)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("téléphone"), max_length=20)
    created_at = models.DateTimeField(_("passée le"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("passage en caisse")

    def __str__(self) -> str:
        return self.reference

    def get_absolute_url(self) -> str:
        return reverse("orders:tracking", kwargs={"token": self.token})


class OrderStatus(models.TextChoices):
    AWAITING_PAYMENT = "awaiting_payment", _("En attente du paiement")
    CONFIRMED = "confirmed", _("Confirmée")
    PREPARING = "preparing", _("En préparation")
    READY = "ready", _("Prête à retirer")
    COLLECTED = "collected", _("Retirée")
    CANCELLED = "cancelled", _("Annulée")


# Orders that hold stock and a place in their slot.
ACTIVE_STATUSES = (OrderStatus.AWAITING_PAYMENT, OrderStatus.CONFIRMED, OrderStatus.PREPARING,
                   OrderStatus.READY)


class CancelledBy(models.TextChoices):
    BUYER = "buyer", _("le client")
    PRODUCER = "producer", _("le producteur")
    SYSTEM = "system", _("automatiquement")


class PaymentMethod(models.TextChoices):
    ON_PICKUP = "on_pickup", _("Au retrait")
    ONLINE = "online", _("En ligne")


class PaymentStatus(models.TextChoices):
    ON_PICKUP = "on_pickup", _("À régler au retrait")
    PAID_ON_PICKUP = "paid_on_pickup", _("Réglée au retrait")
    PENDING = "pending", _("Paiement en cours")
    PAID = "paid", _("Payée en ligne")
    FAILED = "failed", _("Paiement échoué")
    REFUND_PENDING = "refund_pending", _("Remboursement en cours")
    REFUNDED = "refunded", _("Remboursée")
    NOT_DUE = "not_due", _("Rien à régler")


class OrderQuerySet(models.QuerySet["Order"]):
    def active(self) -> "OrderQuerySet":
        return self.filter(status__in=ACTIVE_STATUSES)


class Order(models.Model):
    checkout = models.ForeignKey(Checkout, on_delete=models.CASCADE, related_name="orders")
    producer = models.ForeignKey(Producer, on_delete=models.PROTECT, related_name="orders")
    status = models.CharField(_("statut"), max_length=20, choices=OrderStatus.choices,
                              db_index=True)
    status_changed_at = models.DateTimeField(_("statut changé le"))
    placed_at = models.DateTimeField(_("passée le"))
    confirmed_at = models.DateTimeField(_("confirmée le"), null=True, blank=True)
    preparing_at = models.DateTimeField(_("en préparation le"), null=True, blank=True)
    ready_at = models.DateTimeField(_("prête le"), null=True, blank=True)
    collected_at = models.DateTimeField(_("retirée le"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("annulée le"), null=True, blank=True)
    cancelled_by = models.CharField(_("annulée par"), max_length=10, choices=CancelledBy.choices,
                                    blank=True)
    cancel_reason = models.TextField(_("motif d'annulation"), blank=True)

    payment_method = models.CharField(_("paiement"), max_length=10,
                                      choices=PaymentMethod.choices,
                                      default=PaymentMethod.ON_PICKUP)
    payment_status = models.CharField(_("état du paiement"), max_length=20,
                                      choices=PaymentStatus.choices,
                                      default=PaymentStatus.ON_PICKUP, db_index=True)

    # The pickup, copied when ordering: the order keeps telling where and when even if the
    # producer later changes or deletes the window or the place.
    slot = models.ForeignKey(PickupSlot, on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="orders")
    point_of_sale = models.ForeignKey(PointOfSale, on_delete=models.SET_NULL, null=True,
                                      blank=True, related_name="orders")
    pickup_starts_at = models.DateTimeField(_("retrait à partir de"), db_index=True)
    pickup_ends_at = models.DateTimeField(_("retrait jusqu'à"))
    pickup_place = models.CharField(_("lieu de retrait"), max_length=150)
    pickup_kind = models.CharField(_("type de lieu"), max_length=15)
    pickup_address = models.CharField(_("adresse"), max_length=250, blank=True)
    pickup_commune = models.CharField(_("commune"), max_length=100)
    pickup_latitude = models.FloatField(null=True, blank=True)
    pickup_longitude = models.FloatField(null=True, blank=True)

    note = models.TextField(_("message au producteur"), blank=True, max_length=1000)
    total = models.DecimalField(_("total TTC"), max_digits=9, decimal_places=2)

    objects = OrderQuerySet.as_manager()

    class Meta:
        ordering = ["pickup_starts_at", "pk"]
        verbose_name = _("commande")
        indexes = [models.Index(fields=["producer", "pickup_starts_at"])]

    def __str__(self) -> str:
        return self.number

    @property
    def number(self) -> str:
        """What the buyer and the producer say: the checkout's reference and this order's id."""
        return f"{self.checkout.reference}-{self.pk}"

    @property
    def map_url(self) -> str:
        if self.pickup_latitude is None or self.pickup_longitude is None:
            return ""
        return (f"https://www.openstreetmap.org/?mlat={self.pickup_latitude}"
                f"&mlon={self.pickup_longitude}#map=17/{self.pickup_latitude}/"
                f"{self.pickup_longitude}")

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES


class OrderLine(models.Model):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="lines")
    # PROTECT: a product that was ordered is archived, never deleted (producers.product_remove).
    product = models.ForeignKey(Product, on_delete=models.PROTECT, related_name="order_lines")
    product_name = models.CharField(_("produit"), max_length=150)
    unit = models.CharField(_("unité"), max_length=50)
    unit_size = models.CharField(_("contenance"), max_length=50, blank=True)
    unit_price = models.DecimalField(_("prix unitaire TTC"), max_digits=8, decimal_places=2)
    quantity = models.PositiveSmallIntegerField(
        _("quantité"), validators=[MinValueValidator(1), MaxValueValidator(MAX_QUANTITY)])

    class Meta:
        ordering = ["pk"]
        verbose_name = _("ligne de commande")
        constraints = [
            models.UniqueConstraint(fields=["order", "product"], name="unique_order_product"),
        ]

    def __str__(self) -> str:
        return f"{self.quantity} × {self.product_name}"

    @property
    def total(self) -> Decimal:
        return self.unit_price * self.quantity


class OrderStatusChange(StatusChange):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="status_changes")

    class Meta(StatusChange.Meta):
        verbose_name = _("changement de statut d'une commande")


class OrderEmail(models.Model):
    """An e-mail sent about an order: the tasks look here first, so running one twice (a
    retry, the reminder command run twice) sends nothing twice."""

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="emails")
    kind = models.CharField(max_length=30)
    key = models.CharField(max_length=60, default="", blank=True)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["order", "kind", "key"], name="unique_order_email"),
        ]

    def __str__(self) -> str:
        return f"{self.order_id} {self.kind} {self.key}"
