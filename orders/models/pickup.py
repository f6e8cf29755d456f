"""Pickup scheduling, as the producer sets it: whether ordering is open, weekly windows at its
points of sale, closures. Slots are computed from these (orders.scheduling), never stored ahead;
a `PickupSlot` row exists only once a slot is booked, to count its orders under a row lock."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.text import get_text_list
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from producers.models import PointOfSale, PointOfSaleKind, Producer, Weekday

SLOT_LENGTHS = [(15, _("15 minutes")), (30, _("30 minutes")), (60, _("1 heure")),
                (120, _("2 heures"))]
MAX_CAPACITY = 500
MAX_MINIMUM_AMOUNT = Decimal("1000.00")


class OrderingSettings(models.Model):
    """How a producer takes orders. Without a row, or with `is_open` false, it takes none."""

    producer = models.OneToOneField(Producer, on_delete=models.CASCADE,
                                    related_name="ordering_settings")
    is_open = models.BooleanField(_("prendre des commandes en ligne"), default=False)
    is_paused = models.BooleanField(_("commandes en pause"), default=False)
    pause_message = models.CharField(
        _("message pendant la pause"), max_length=300, blank=True,
        help_text=_("Par exemple : « Fermé pour les vendanges, retour le 12 octobre. »"))
    minimum_amount = models.DecimalField(
        _("montant minimum de commande (€ TTC)"), max_digits=7, decimal_places=2,
        default=Decimal("0.00"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(MAX_MINIMUM_AMOUNT)])
    slot_minutes = models.PositiveSmallIntegerField(_("durée d'un créneau"),
                                                    choices=SLOT_LENGTHS, default=30)
    lead_time_hours = models.PositiveSmallIntegerField(
        _("délai de préparation (heures)"), default=24,
        validators=[MaxValueValidator(24 * 14)],
        help_text=_("Les commandes ferment ce nombre d'heures avant le début du créneau."))
    horizon_days = models.PositiveSmallIntegerField(
        _("créneaux ouverts sur (jours)"), default=14,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=_("Jusqu'à combien de jours à l'avance on peut réserver."))
    closed_on_public_holidays = models.BooleanField(
        _("fermé les jours fériés"), default=True,
        help_text=_("Vous pouvez ouvrir un jour férié précis ci-dessous."))
    accepts_payment_on_pickup = models.BooleanField(_("paiement au retrait"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("réglages des commandes")
        verbose_name_plural = _("réglages des commandes")

    def __str__(self) -> str:
        return f"{self.producer} ({'ouvert' if self.is_open else 'fermé'})"

    @property
    def takes_orders(self) -> bool:
        return self.is_open and not self.is_paused


class PickupWindow(models.Model):
    """A weekly time range at one of the producer's points of sale, cut into slots."""

    producer = models.ForeignKey(Producer, on_delete=models.CASCADE,
                                 related_name="pickup_windows")
    point_of_sale = models.ForeignKey(PointOfSale, on_delete=models.CASCADE,
                                      related_name="pickup_windows",
                                      verbose_name=_("lieu de retrait"))
    weekday = models.PositiveSmallIntegerField(_("jour"), choices=Weekday.choices)
    starts = models.TimeField(_("de"))
    ends = models.TimeField(_("à"))
    capacity = models.PositiveSmallIntegerField(
        _("commandes par créneau"), default=4,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_CAPACITY)])
    is_active = models.BooleanField(_("actif"), default=True)

    class Meta:
        ordering = ["weekday", "starts", "pk"]
        verbose_name = _("plage de retrait")
        verbose_name_plural = _("plages de retrait")
        constraints = [
            models.CheckConstraint(condition=Q(ends__gt=F("starts")), name="window_ends_after"),
            models.CheckConstraint(condition=Q(weekday__gte=1, weekday__lte=7),
                                   name="window_weekday_range"),
        ]

    def __str__(self) -> str:
        return f"{self.point_of_sale.nom} — {self.get_weekday_display()} {self.starts:%H:%M}"

    def clean(self) -> None:
        errors: dict[str, list[str]] = {}
        if self.starts and self.ends and self.ends <= self.starts:
            errors["ends"] = [gettext("L'heure de fin doit suivre l'heure de début.")]
        point = self.point_of_sale if self.point_of_sale_id else None
        if point is not None:
            if self.producer_id and point.producer_id != self.producer_id:
                errors["point_of_sale"] = [gettext("Ce lieu n'est pas l'un des vôtres.")]
            elif point.kind == PointOfSaleKind.MARKET and point.days() and (
                    self.weekday not in point.days()):
                errors["weekday"] = [_market_days_error(point)]
        if errors:
            raise ValidationError(errors)


def _market_days_error(point: PointOfSale) -> str:
    days = [str(Weekday(d).label) for d in point.days()]
    if len(days) == 1:
        return gettext("Votre étal au %(marche)s n'existe que le %(jour)s : choisissez ce jour."
                       ) % {"marche": point.nom, "jour": days[0]}
    return gettext("Votre étal au %(marche)s n'existe que ces jours : %(jours)s. Choisissez "
                   "l'un d'eux.") % {"marche": point.nom,
                                      "jours": get_text_list(days, gettext("ou"))}


class Closure(models.Model):
    """Dates when no pickup happens (holidays of the farm, a trade fair…), both days included."""

    producer = models.ForeignKey(Producer, on_delete=models.CASCADE, related_name="closures")
    starts_on = models.DateField(_("du"))
    ends_on = models.DateField(_("au"))
    reason = models.CharField(_("motif"), max_length=200, blank=True)

    class Meta:
        ordering = ["starts_on", "pk"]
        verbose_name = _("fermeture")
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")),
                                   name="closure_ends_after"),
        ]

    def __str__(self) -> str:
        return f"{self.starts_on} → {self.ends_on}"

    def clean(self) -> None:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": gettext(
                "La fin de la fermeture ne peut pas précéder son début.")})


class HolidayOpening(models.Model):
    """A public holiday on which this producer opens all the same (closed by default)."""

    producer = models.ForeignKey(Producer, on_delete=models.CASCADE,
                                 related_name="holiday_openings")
    date = models.DateField(_("jour férié ouvert"))

    class Meta:
        ordering = ["date"]
        verbose_name = _("jour férié ouvert")
        constraints = [
            models.UniqueConstraint(fields=["producer", "date"], name="unique_holiday_opening"),
        ]

    def __str__(self) -> str:
        return str(self.date)


class PickupSlot(models.Model):
    """A booked slot: created on its first order, locked to count its orders (`booked`)."""

    window = models.ForeignKey(PickupWindow, on_delete=models.CASCADE, related_name="slots")
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    booked = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["starts_at", "window_id"]
        verbose_name = _("créneau réservé")
        constraints = [
            models.UniqueConstraint(fields=["window", "starts_at"], name="unique_slot"),
        ]

    def __str__(self) -> str:
        return f"{self.window_id} @ {self.starts_at:%Y-%m-%d %H:%M} ({self.booked})"
