"""Reads for the public pages (the filtered lists live in marketplace.directory)."""

from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models import (
    CharField,
    Count,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import get_language

from marketplace.common.cache import version
from marketplace.reference.models import Category, Epci, Label
from producers.indexing import CATALOGUE
from producers.models import Featuring, Producer, ProducerStatus, Product, ProductStatus

CHOICES_TTL = 3600  # seconds; a catalogue write drops them sooner (a new version)


NOT_FEATURED = 10_000


def _home_rank(field: str) -> Coalesce:
    """The position the CCI gave it on the home page today (running featurings), else last."""
    return Coalesce(
        Subquery(Featuring.objects.running().on_home().filter(**{field: OuterRef("pk")})
                 .order_by("position").values("position")[:1]),
        Value(NOT_FEATURED), output_field=IntegerField(),
    )


def home_producers(*, limit: int = 12) -> QuerySet[Producer]:
    """The producers the CCI features today in its order, then the others by name (photos:
    the home page fetches them once for these and its campaigns' producers)."""
    return (
        Producer.objects.public()
        .select_related("commune")
        .annotate(home_rank=_home_rank("producer"))
        .order_by("home_rank", "-is_featured", "nom")[:limit]
    )


def home_products(*, limit: int = 8) -> QuerySet[Product]:
    """The products the CCI features today in its order, then the newest."""
    return (
        Product.objects.published()
        .available()
        .select_related("producer", "producer__commune", "category")
        .annotate(home_rank=_home_rank("product"))
        .order_by("home_rank", "-is_featured", "-created_at", "pk")[:limit]
    )


def running_campaigns() -> list[dict[str, Any]]:
    """Today's campaigns, each with its public producers and products in the CCI's order:
    one query (photos are the caller's)."""
    today = timezone.localdate()
    featurings = (
        Featuring.objects.running(today).filter(campaign__isnull=False)
        .filter(Q(campaign__ends_on__isnull=True) | Q(campaign__ends_on__gte=today),
                campaign__starts_on__lte=today)
        .filter(Q(product__status=ProductStatus.PUBLISHED,
                  product__producer__status=ProducerStatus.APPROVED)
                | Q(producer__status=ProducerStatus.APPROVED))
        .select_related("campaign", "product__producer__commune", "product__category",
                        "producer__commune")
        .order_by("campaign__starts_on", "campaign_id", "position", "pk")
    )
    campaigns: dict[int, dict[str, Any]] = {}
    for featuring in featurings:
        entry = campaigns.setdefault(featuring.campaign_id or 0, {
            "campaign": featuring.campaign, "producers": [], "products": []})
        if featuring.product is not None:
            entry["products"].append(featuring.product)
        elif featuring.producer is not None:
            entry["producers"].append(featuring.producer)
    return list(campaigns.values())


def root_categories_with_counts() -> list[Category]:
    """The families of products, each with its count of published products (sub-categories
    included): one GROUP BY over the products, not a join per family."""
    counts: dict[int, int] = {}
    rows = (Product.objects.published().order_by().values_list("category_id", "category__parent_id")
            .annotate(n=Count("pk")))
    for category_id, parent_id, n in rows:
        root = parent_id or category_id
        counts[root] = counts.get(root, 0) + n
    roots = list(Category.objects.roots())
    for root in roots:
        root.product_count = counts.get(root.pk, 0)  # type: ignore[attr-defined]
    return roots


def filter_choices() -> dict[str, Any]:
    """The filter form's options (categories, labels, intercommunalités), kept per catalogue
    version and language: they change only with the catalogue (categories and labels edited,
    a producer in a new intercommunalité), which bumps the version, and would otherwise cost a
    query and its rows on every list page.

    Intercommunalités: only those of the territory's départements where a public producer is
    (a few dozen for the whole of France, not its 1,250)."""
    key = f"directory-choices:{version(CATALOGUE)}:{get_language()}"
    choices = cache.get(key)
    if choices is None:
        choices = _read_choices()
        cache.set(key, choices, CHOICES_TTL)
    return choices


def _read_choices() -> dict[str, Any]:
    # One query for the three lists (a UNION), sorted in Python.
    none = Value(None, output_field=CharField())
    categories = Category.objects.annotate(
        kind=Value("c"), key=F("slug"), parent_key=F("parent__slug"),
        rank=Coalesce(F("parent__position"), F("position")) * 1000 + F("position"),
    ).order_by().values_list("kind", "key", "nom", "parent_key", "rank")
    labels = Label.objects.annotate(kind=Value("l"), key=F("slug"), parent_key=none,
                                    rank=Value(0)).order_by().values_list(
        "kind", "key", "nom", "parent_key", "rank")
    # An intercommunalité once per département it has producers in (a few straddle two).
    epcis = Epci.objects.filter(
        communes__departement_id__in=settings.TERRITORY_DEPARTEMENTS,
        communes__producers__in=Producer.objects.public().values("pk"),
    ).annotate(kind=Value("e"), key=F("siren"), parent_key=F("communes__departement_id"),
               rank=Value(0)).order_by().values_list("kind", "key", "nom", "parent_key", "rank")
    rows = sorted(set(categories.union(labels, epcis, all=True).order_by()),
                  key=lambda r: (r[0], r[4], r[2]))
    roots = [(key, nom, [(k, n) for kind, k, n, parent, _ in rows if parent == key])
             for kind, key, nom, parent, _ in rows if kind == "c" and parent is None]
    by_departement: dict[str, list[tuple[str, str]]] = {}
    for kind, key, nom, departement, _ in rows:
        if kind == "e":
            by_departement.setdefault(departement, []).append((key, nom))
    return {
        "categories": roots,
        "labels": [(key, nom) for kind, key, nom, _, _ in rows if kind == "l"],
        "epcis": list(dict.fromkeys((key, nom) for kind, key, nom, _, _ in rows if kind == "e")),
        "epcis_by_departement": by_departement,
    }


def epci_name(siren: str) -> str | None:
    """The name of an intercommunalité asked for by the page's address but not among the
    form's options (no producer there any more, or another département's): kept selected."""
    return Epci.objects.filter(siren=siren).values_list("nom", flat=True).first()
