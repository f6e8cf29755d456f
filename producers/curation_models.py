"""What the CCI curates on the catalogue: featured producers and products (on the home page and
in campaigns) and claims on listings. Models of the `producers` app (imported by its models
module); the staff area (marketplace.curation) writes them through producers.services."""

from datetime import date
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Campaign(models.Model):
    """A selection shown for a while (« Je soutiens nos producteurs », a seasonal selection)."""

    title = models.CharField(_("titre"), max_length=120)
    slug = models.SlugField(_("identifiant"), max_length=120, unique=True)
    description = models.TextField(_("présentation"), blank=True, max_length=1000)
    starts_on = models.DateField(_("début"))
    ends_on = models.DateField(_("fin"), null=True, blank=True)
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-starts_on", "title"]
        verbose_name = _("campagne")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": gettext("La fin doit suivre le début.")})

    def is_running(self, today: date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.starts_on <= today and (self.ends_on is None or self.ends_on >= today)


class FeaturingQuerySet(models.QuerySet["Featuring"]):
    def running(self, today: date | None = None) -> "FeaturingQuerySet":
        today = today or timezone.localdate()
        return self.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today), starts_on__lte=today)

    def on_home(self) -> "FeaturingQuerySet":
        return self.filter(campaign__isnull=True)


class Featuring(models.Model):
    """One producer or one product put forward, on the home page (no campaign) or in a
    campaign, at a position, between two dates."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, null=True, blank=True,
                                 related_name="featurings", verbose_name=_("campagne"))
    producer = models.ForeignKey("producers.Producer", on_delete=models.CASCADE, null=True,
                                 blank=True, related_name="featurings",
                                 verbose_name=_("producteur"))
    product = models.ForeignKey("producers.Product", on_delete=models.CASCADE, null=True,
                                blank=True, related_name="featurings", verbose_name=_("produit"))
    position = models.PositiveSmallIntegerField(_("ordre"), default=1)
    starts_on = models.DateField(_("début"))
    ends_on = models.DateField(_("fin"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)

    objects = FeaturingQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["campaign_id", "position", "pk"]
        verbose_name = _("mise en avant")
        verbose_name_plural = _("mises en avant")
        constraints = [
            models.CheckConstraint(
                condition=(Q(producer__isnull=False, product__isnull=True)
                           | Q(producer__isnull=True, product__isnull=False)),
                name="featuring_one_subject",
            ),
        ]

    def __str__(self) -> str:
        return str(self.product or self.producer)

    def clean(self) -> None:
        if (self.producer_id is None) == (self.product_id is None):
            raise ValidationError(gettext("Choisissez un producteur ou un produit (un seul)."))
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": gettext("La fin doit suivre le début.")})

    @property
    def subject(self) -> Any:
        return self.product or self.producer


class ClaimStatus(models.TextChoices):
    PENDING = "pending", _("À examiner")
    ACCEPTED = "accepted", _("Acceptée")
    REFUSED = "refused", _("Refusée")


class ClaimOrigin(models.TextChoices):
    INVITATION = "invitation", _("Invitation de la CCI")
    SIGNUP = "signup", _("Inscription avec un SIRET déjà présent")


class ListingClaim(models.Model):
    """Someone asks to run a listing that is not theirs yet: an imported listing's invited
    producer, or a sign-up whose SIRET another listing holds. The first claim on a listing
    nobody runs is granted at once (by the invitation's link, sent to the listing's address);
    any other claim waits for the CCI, never goes to whoever came first."""

    producer = models.ForeignKey("producers.Producer", on_delete=models.CASCADE,
                                 related_name="claims", verbose_name=_("fiche"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="listing_claims", verbose_name=_("demandeur"))
    siret = models.CharField(_("SIRET déclaré"), max_length=14)
    origin = models.CharField(_("origine"), max_length=12, choices=ClaimOrigin.choices)
    # What the claimant said about the farm when signing up (name, commune, phone).
    details = models.TextField(_("informations données"), blank=True, max_length=2000)
    status = models.CharField(_("statut"), max_length=10, choices=ClaimStatus.choices,
                              default=ClaimStatus.PENDING, db_index=True)
    status_reason = models.TextField(_("motif"), blank=True)
    created_at = models.DateTimeField(_("demandée le"), auto_now_add=True)
    decided_at = models.DateTimeField(_("décidée le"), null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+",
                                   verbose_name=_("décidée par"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("demande de reprise d'une fiche")
        verbose_name_plural = _("demandes de reprise de fiches")

    def __str__(self) -> str:
        return f"{self.user} → {self.producer}"
