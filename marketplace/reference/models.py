"""Reference data, the bottom layer: the territory (départements, intercommunalités, communes
keyed by INSEE code), the categories of products and the quality labels. Nothing here knows
the catalogue."""

import re

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from marketplace.common.text import expand_ligatures
from marketplace.common.validators import single_line

# Two digits (2A and 2B in Corsica) for the département, three for the commune.
INSEE_CODE = r"(?:\d{2}|2[AaBb])\d{3}"
_INSEE_CODE = re.compile(INSEE_CODE)


# How people shorten the words of commune names (« St Céré », « Ste-Alauzie »).
ABBREVIATIONS = {"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes"}


def commune_slug(text: str) -> str:
    """A commune's name as its slug: ligatures spelt out (« Cœur de Causse » →
    coeur-de-causse) and abbreviations expanded (« st cere » → saint-cere), so that a name is
    found however it is typed."""
    words = slugify(expand_ligatures(text)).split("-")
    return "-".join(ABBREVIATIONS.get(w, w) for w in words if w)


def is_insee_code(text: str) -> bool:
    """Shaped like a commune's INSEE code (46042, 2A004); whether it exists is another matter."""
    return _INSEE_CODE.fullmatch(text) is not None


class Departement(models.Model):
    code = models.CharField(_("code"), max_length=3, primary_key=True)
    nom = models.CharField(_("nom"), max_length=100)
    region_code = models.CharField(_("code de la région"), max_length=3, blank=True)
    region_nom = models.CharField(_("région"), max_length=100, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("département")

    def __str__(self) -> str:
        return f"{self.nom} ({self.code})"


class Epci(models.Model):
    """An intercommunalité, identified by its SIREN."""

    siren = models.CharField(_("SIREN"), max_length=9, primary_key=True)
    nom = models.CharField(_("nom"), max_length=200)

    class Meta:
        ordering = ["nom"]
        verbose_name = _("intercommunalité")
        verbose_name_plural = _("intercommunalités")

    def __str__(self) -> str:
        return self.nom


class CommuneQuerySet(models.QuerySet["Commune"]):
    def in_territory(self) -> "CommuneQuerySet":
        return self.filter(departement_id__in=settings.TERRITORY_DEPARTEMENTS)

    def matching(self, text: str) -> "CommuneQuerySet":
        """Communes with a word of the name starting with the text (accents and case ignored),
        or with that postal code or INSEE code; the most populated first, for autocompletion."""
        text = text.strip()
        if not text:
            return self
        if text.isdigit():
            found = self.filter(Q(codes_postaux__contains=text) | Q(code_insee__startswith=text))
        else:
            folded = commune_slug(text)
            if not folded:
                return self.none()
            found = self.filter(Q(slug__startswith=folded) | Q(slug__contains=f"-{folded}"))
        return found.order_by("-population", "nom")


class Commune(models.Model):
    """A commune, keyed by its INSEE code (46042 is Cahors), never by name or postal code."""

    code_insee = models.CharField(_("code INSEE"), max_length=5, primary_key=True)
    nom = models.CharField(_("nom"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=120, db_index=True)
    departement = models.ForeignKey(
        Departement, on_delete=models.PROTECT, related_name="communes",
        verbose_name=_("département"),
    )
    # Space-separated: a commune can have several postal codes, shared with other communes.
    codes_postaux = models.CharField(_("codes postaux"), max_length=200, blank=True)
    epci = models.ForeignKey(
        Epci,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="communes",
        verbose_name=_("intercommunalité"),
    )
    population = models.PositiveIntegerField(_("population"), default=0)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)

    objects = CommuneQuerySet.as_manager()

    class Meta:
        ordering = ["nom"]
        verbose_name = _("commune")

    def __str__(self) -> str:
        return f"{self.nom} ({self.code_insee})"

    def get_absolute_url(self) -> str:
        return reverse("marketplace:commune", kwargs={"code_insee": self.code_insee})

    @property
    def postal_codes(self) -> list[str]:
        return self.codes_postaux.split()


class CategoryQuerySet(models.QuerySet["Category"]):
    def roots(self) -> "CategoryQuerySet":
        return self.filter(parent__isnull=True)


class Category(models.Model):
    """Two levels: a family (fromages et produits laitiers) and its kinds (fromages de chèvre)."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    nom = models.CharField(_("nom"), max_length=100, validators=[single_line])
    nom_en = models.CharField(_("nom en anglais"), max_length=100, blank=True,
                              validators=[single_line])
    description = models.TextField(_("description"), blank=True)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("catégorie parente"),
    )
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)

    objects = CategoryQuerySet.as_manager()

    class Meta:
        ordering = ["position", "nom"]
        verbose_name = _("catégorie")

    def __str__(self) -> str:
        return self.nom

    def get_absolute_url(self) -> str:
        return reverse("marketplace:category", kwargs={"slug": self.slug})


class Label(models.Model):
    """A quality or origin label: AB, AOP, IGP, Label Rouge, Bienvenue à la ferme…"""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    nom = models.CharField(_("nom"), max_length=100, validators=[single_line])
    nom_en = models.CharField(_("nom en anglais"), max_length=100, blank=True,
                              validators=[single_line])
    description = models.TextField(_("description"), blank=True)
    url = models.URLField(_("site officiel"), blank=True)

    class Meta:
        ordering = ["nom"]
        verbose_name = _("label")

    def __str__(self) -> str:
        return self.nom
