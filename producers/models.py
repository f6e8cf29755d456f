"""The catalogue: producers, their points of sale, photos and products.

A producer is public only when its `status` is approved; a product only when it
is published and its producer is public. Both statuses move through the state machines of
`producers.states`, never by assignment; stock moves through `producers.services.stock`.
"""

from datetime import time
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from marketplace.common.models import StatusChange
from marketplace.common.text import name_key
from marketplace.common.validators import single_line
from marketplace.reference.models import Category, Commune, Label
from producers.geo import check_position
from producers.opening_hours import (  # noqa: F401 - Weekday and OpeningHours live there
    HoursRange,
    OpeningHours,
    Weekday,
    days_of,
    describe,
)
from producers.siret import validate_siret

MAX_PRICE = Decimal("10000.00")


class ProducerStatus(models.TextChoices):
    PENDING = "pending", _("En attente de validation")
    APPROVED = "approved", _("Validé")
    REJECTED = "rejected", _("Refusé")
    SUSPENDED = "suspended", _("Suspendu")


class ProducerOrigin(models.TextChoices):
    SIGNUP = "signup", _("Inscription en ligne")
    IMPORT = "import", _("Import de la CCI")
    STAFF = "staff", _("Saisie de la CCI")


class ProducerQuerySet(models.QuerySet["Producer"]):
    def public(self) -> "ProducerQuerySet":
        return self.filter(status=ProducerStatus.APPROVED)


class Producer(models.Model):
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    nom = models.CharField(_("nom de la ferme ou de l'entreprise"), max_length=150,
                           validators=[single_line])
    legal_name = models.CharField(_("raison sociale"), max_length=200, blank=True,
                                  validators=[single_line])
    siret = models.CharField(_("SIRET"), max_length=14, unique=True, null=True, blank=True,
                             validators=[validate_siret])
    description = models.TextField(_("présentation"), blank=True, max_length=5000)
    status = models.CharField(
        _("statut"), max_length=12, choices=ProducerStatus.choices, default=ProducerStatus.PENDING,
        db_index=True,
    )
    status_reason = models.TextField(_("motif"), blank=True)
    status_changed_at = models.DateTimeField(_("statut changé le"), null=True, blank=True)
    is_featured = models.BooleanField(_("mis en avant"), default=False)

    commune = models.ForeignKey(
        Commune, on_delete=models.PROTECT, related_name="producers", verbose_name=_("commune")
    )
    address = models.CharField(_("adresse"), max_length=250, blank=True,
                               validators=[single_line])
    postal_code = models.CharField(_("code postal"), max_length=5, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)

    phone = models.CharField(_("téléphone"), max_length=20, blank=True,
                             validators=[single_line])
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("site web"), blank=True)
    social_links = models.JSONField(_("réseaux sociaux"), default=list, blank=True)
    opening_hours = models.TextField(_("horaires d'ouverture"), blank=True, max_length=1000)

    logo = models.ImageField(_("logo"), upload_to="producers/logos/", blank=True)
    labels = models.ManyToManyField(Label, blank=True, related_name="producers")

    # Ordering features, filled in by the orders and payments work.
    offers_pickup = models.BooleanField(_("retrait sur place (click & collect)"), default=False)
    accepts_online_payment = models.BooleanField(_("paiement en ligne"), default=False)

    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)
    approved_at = models.DateTimeField(_("validé le"), null=True, blank=True)
    # Where the listing came from: an imported listing has no account until it is claimed.
    origin = models.CharField(_("origine"), max_length=10, choices=ProducerOrigin.choices,
                              default=ProducerOrigin.SIGNUP)
    # When the producer last said its information is right (a click in its dashboard or in the
    # yearly e-mail); staff see listings not confirmed for more than a year.
    last_confirmed_at = models.DateTimeField(_("informations confirmées le"), null=True,
                                             blank=True)
    confirmation_requested_at = models.DateTimeField(_("confirmation demandée le"), null=True,
                                                     blank=True)

    objects = ProducerQuerySet.as_manager()
    # Labels are public data too: their changes join the audit trail.
    history = HistoricalRecords(excluded_fields=["updated_at", "confirmation_requested_at"],
                                m2m_fields=[labels])

    class Meta:
        ordering = ["nom"]
        verbose_name = _("producteur")

    def __str__(self) -> str:
        return self.nom

    def get_absolute_url(self) -> str:
        return reverse("marketplace:producer", kwargs={"slug": self.slug})

    def clean(self) -> None:
        if self.commune_id is not None:
            check_position(commune=self.commune, latitude=self.latitude,
                           longitude=self.longitude)

    @property
    def is_public(self) -> bool:
        return self.status == ProducerStatus.APPROVED

    @property
    def confirmed_at(self) -> Any:
        """When its information was last vouched for: by the producer, else at approval."""
        return self.last_confirmed_at or self.approved_at or self.created_at

    @property
    def position(self) -> tuple[float, float] | None:
        if self.latitude is not None and self.longitude is not None:
            return (self.latitude, self.longitude)
        if self.commune.latitude is not None and self.commune.longitude is not None:
            return (self.commune.latitude, self.commune.longitude)
        return None


class MemberRole(models.TextChoices):
    OWNER = "owner", _("Titulaire")
    MEMBER = "member", _("Membre")


class ProducerMembership(models.Model):
    """Several people can run one farm: an owner and invited members."""

    producer = models.ForeignKey(Producer, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="producer_memberships"
    )
    role = models.CharField(_("rôle"), max_length=10, choices=MemberRole.choices,
                            default=MemberRole.MEMBER)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["producer", "user"], name="unique_producer_member")
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.producer}"


class PointOfSaleKind(models.TextChoices):
    FARM = "farm", _("À la ferme")
    MARKET = "market", _("Marché")
    SHOP = "shop", _("Magasin")
    PICKUP_POINT = "pickup_point", _("Point de retrait")


class PointOfSale(models.Model):
    """Where to find a producer: the farm, a weekly market stall, a shop, a pickup point."""

    producer = models.ForeignKey(Producer, on_delete=models.CASCADE, related_name="points_of_sale")
    kind = models.CharField(_("type"), max_length=15, choices=PointOfSaleKind.choices)
    nom = models.CharField(_("nom"), max_length=150, validators=[single_line])
    commune = models.ForeignKey(
        Commune, on_delete=models.PROTECT, related_name="points_of_sale", verbose_name=_("commune")
    )
    address = models.CharField(_("adresse"), max_length=250, blank=True,
                               validators=[single_line])
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    offers_pickup = models.BooleanField(_("retrait des commandes"), default=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "nom", "pk"]
        verbose_name = _("point de vente")
        verbose_name_plural = _("points de vente")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.nom}"

    # The week is in `hours` (OpeningHours); read through these, a prefetch of `hours` serves
    # every point of a page with no query each.
    def ranges(self) -> list[HoursRange]:
        """By day, then opening (sorted here: databases order a missing time differently)."""
        return sorted((h.as_range() for h in self.hours.all()),
                      key=lambda r: (r.weekday, r.opens or time.min))

    def first_range(self) -> HoursRange | None:
        """The first day's first range: what the API's `weekday`/`opens`/`closes` give."""
        ranges = self.ranges()
        return ranges[0] if ranges else None

    def days(self) -> list[int]:
        return days_of(self.ranges())

    def hours_text(self) -> str:
        """« mercredi et samedi, 7 h 30 – 12 h 30 »; empty when no day is given."""
        return describe(self.ranges())

    @property
    def is_market(self) -> bool:
        return self.kind == PointOfSaleKind.MARKET

    def clean(self) -> None:
        if self.commune_id is not None:
            check_position(commune=self.commune, latitude=self.latitude,
                           longitude=self.longitude)


def photo_path(instance: "Photo", filename: str) -> str:
    return f"{instance.folder()}/{filename}"


class Photo(models.Model):
    """A photo as stored: the cleaned display copy and its small thumbnail for cards (both
    written by `producers.images`), a description for screen readers, a position."""

    image = models.ImageField(_("photo"), upload_to=photo_path)
    thumbnail = models.ImageField(_("vignette"), upload_to=photo_path, blank=True)
    alt = models.CharField(_("description de la photo"), max_length=200, blank=True,
                           validators=[single_line])
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        abstract = True
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.alt or str(self.image.name)

    def folder(self) -> str:
        raise NotImplementedError

    @property
    def card_url(self) -> str:
        return (self.thumbnail or self.image).url


class ProducerPhoto(Photo):
    producer = models.ForeignKey(Producer, on_delete=models.CASCADE, related_name="photos")

    history = HistoricalRecords()

    class Meta(Photo.Meta):
        verbose_name = _("photo de la ferme")

    def folder(self) -> str:
        return f"producers/{self.producer_id}/photos"


class Unit(models.TextChoices):
    KG = "kg", _("le kilo")
    GRAM = "g", _("les 100 g")
    PIECE = "piece", _("la pièce")
    BOTTLE = "bouteille", _("la bouteille")
    JAR = "pot", _("le pot")
    BUNCH = "botte", _("la botte")
    DOZEN = "douzaine", _("la douzaine")
    HALF_DOZEN = "demi-douzaine", _("la demi-douzaine")
    LITRE = "litre", _("le litre")
    BOX = "barquette", _("la barquette")
    BASKET = "panier", _("le panier")
    LOT = "lot", _("le lot")


class ProductStatus(models.TextChoices):
    DRAFT = "draft", _("Brouillon")
    PUBLISHED = "published", _("Publié")
    ARCHIVED = "archived", _("Archivé")
    HIDDEN = "hidden", _("Masqué par la CCI")


class ProductQuerySet(models.QuerySet["Product"]):
    def published(self) -> "ProductQuerySet":
        return self.filter(
            status=ProductStatus.PUBLISHED,
            producer__status=ProducerStatus.APPROVED,
        )

    def available(self) -> "ProductQuerySet":
        return self.filter(is_available=True).filter(Q(stock__isnull=True) | Q(stock__gt=0))


class Product(models.Model):
    producer = models.ForeignKey(Producer, on_delete=models.CASCADE, related_name="products")
    slug = models.SlugField(_("slug"), max_length=120)
    nom = models.CharField(_("nom"), max_length=150, validators=[single_line])
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="products", verbose_name=_("catégorie")
    )
    description = models.TextField(_("description"), blank=True, max_length=5000)
    price = models.DecimalField(
        _("prix TTC (€)"),
        max_digits=8,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(MAX_PRICE)],
    )
    unit = models.CharField(_("unité"), max_length=15, choices=Unit.choices, default=Unit.PIECE)
    unit_size = models.CharField(_("contenance"), max_length=50, blank=True,
                                 validators=[single_line],
                                 help_text=_("Par exemple : 500 g, 75 cl, 6 œufs."))
    # Folded name (case, accents and spacing aside): one product of a name per producer.
    name_key = models.CharField(max_length=150, editable=False)
    # None means "on demand" (made or picked to order); an integer is the quantity in stock,
    # changed only through producers.services.stock (which locks the row).
    stock = models.PositiveIntegerField(_("stock"), null=True, blank=True)
    is_available = models.BooleanField(_("disponible"), default=True)
    status = models.CharField(_("statut"), max_length=10, choices=ProductStatus.choices,
                              default=ProductStatus.PUBLISHED, db_index=True)
    status_changed_at = models.DateTimeField(_("statut changé le"), null=True, blank=True)
    # Why the CCI hid it (shown to the producer in its dashboard).
    status_reason = models.TextField(_("motif"), blank=True)
    # Months (1–12) when the product is in season; empty means all year.
    season_months = models.JSONField(_("mois de saison"), default=list, blank=True)
    labels = models.ManyToManyField(Label, blank=True, related_name="products")
    is_featured = models.BooleanField(_("mis en avant"), default=False)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    objects = ProductQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["updated_at", "name_key"], m2m_fields=[labels])

    class Meta:
        ordering = ["nom"]
        verbose_name = _("produit")
        constraints = [
            models.UniqueConstraint(fields=["producer", "slug"], name="unique_product_slug"),
            models.UniqueConstraint(
                fields=["producer", "name_key"], name="unique_product_name",
                violation_error_code="duplicate_name",
                violation_error_message=_("Vous avez déjà un produit de ce nom (majuscules et "
                                          "accents mis à part) : choisissez-en un autre."),
            ),
            models.CheckConstraint(
                condition=Q(price__gt=0) & Q(price__lte=MAX_PRICE), name="product_price_range"
            ),
        ]

    def __str__(self) -> str:
        return self.nom

    def save(self, *args: Any, **kwargs: Any) -> None:
        # The key is derived from the name, whoever saves (a form, the admin, a factory).
        self.name_key = name_key(self.nom or "")
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "nom" in update_fields:
            kwargs["update_fields"] = {*update_fields, "name_key"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse(
            "marketplace:product",
            kwargs={"producer_slug": self.producer.slug, "slug": self.slug},
        )

    def clean(self) -> None:
        # Derived here too, so that full_clean() checks the unique name before any save.
        self.name_key = name_key(self.nom or "")

    def validate_constraints(self, exclude: Any = None) -> None:
        # A form never shows the derived key: whenever it checks the name, the key's unique
        # constraint is checked too (the admin's forms leave it out otherwise).
        if exclude and "nom" not in exclude:
            exclude = set(exclude) - {"name_key"}
        super().validate_constraints(exclude=exclude)

    @property
    def on_demand(self) -> bool:
        return self.stock is None

    @property
    def in_stock(self) -> bool:
        return self.is_available and (self.stock is None or self.stock > 0)


class ProductPhoto(Photo):
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="photos")

    history = HistoricalRecords()

    class Meta(Photo.Meta):
        verbose_name = _("photo du produit")

    def folder(self) -> str:
        return f"products/{self.product_id}"


class ProducerStatusChange(StatusChange):
    producer = models.ForeignKey(Producer, on_delete=models.CASCADE,
                                 related_name="status_changes")
    # Set once the producer was told by e-mail (the task that tells it runs at most once).
    notified_at = models.DateTimeField(_("producteur prévenu le"), null=True, blank=True)

    class Meta(StatusChange.Meta):
        verbose_name = _("changement de statut d'un producteur")


class ProductStatusChange(StatusChange):
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="status_changes")
    notified_at = models.DateTimeField(_("producteur prévenu le"), null=True, blank=True)

    class Meta(StatusChange.Meta):
        verbose_name = _("changement de statut d'un produit")


MAX_PRODUCER_PHOTOS = 8
MAX_PRODUCT_PHOTOS = 5


class ProducerInvitation(models.Model):
    """An e-mail invitation to join a producer's team; the link carries a signed token."""

    producer = models.ForeignKey(Producer, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail"))
    role = models.CharField(_("rôle"), max_length=10, choices=MemberRole.choices,
                            default=MemberRole.MEMBER)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("envoyée le"), auto_now_add=True)
    accepted_at = models.DateTimeField(_("acceptée le"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")

    def __str__(self) -> str:
        return f"{self.email} → {self.producer}"

    @property
    def is_pending(self) -> bool:
        return self.accepted_at is None


class VerifiedEmail(models.Model):
    """An address its user proved to own by following the link we sent to it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="verified_emails"
    )
    email = models.EmailField(_("e-mail"))
    verified_at = models.DateTimeField(_("vérifiée le"))

    class Meta:
        verbose_name = _("adresse e-mail vérifiée")
        verbose_name_plural = _("adresses e-mail vérifiées")
        constraints = [
            models.UniqueConstraint(fields=["user", "email"], name="unique_verified_email")
        ]

    def __str__(self) -> str:
        return self.email


# The curation's records on the catalogue (featuring, claims): in their own module, kept here so
# that Django finds them with the app's other models.
from producers.curation_models import (  # noqa: E402, F401
    Campaign,
    ClaimOrigin,
    ClaimStatus,
    Featuring,
    FeaturingQuerySet,
    ListingClaim,
)
