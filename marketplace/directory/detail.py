"""The product's and the producer's pages: what they show, rendered once per change of it.

These pages are read far more often than they change, and rendering them (a dozen related
rows through the ORM, then the templates) costs many times what serving a stored copy does.
The anonymous page cache (page_cache.py) keeps whole pages, but only for visitors without a
session: a signed-in person or anyone with a cart would pay the full price on every page. So
the page's body (title, meta tags, content) is kept here as fragments, the same for every
visitor, while base.html (header, cart, messages, language form) is rendered for each request.

A fragment is keyed by everything it shows, read in one small query per request:
- the catalogue's version (producers.indexing.CATALOGUE): every catalogue write bumps it (a
  name, a price, a status, photos, labels, points of sale, hours, a producer's edits);
- the rows' own last change (`updated_at`): an order that takes a few units moves a product's
  stock, shown on its page and in its « Ajouter au panier » form, without bumping the
  catalogue; the producer page also counts its products (one deleted keeps the others' dates);
- the language, the day (dates and « aujourd'hui » are the day's) and the site's address
  (canonical links and JSON-LD are absolute; on the request's host when SITE_URL is unset);
- the release: fragments outlive a deploy (Redis), so the templates, translations, template
  tags and static files' hashed names they were rendered with are part of the key.
The « Ajouter au panier » forms carry a CSRF token tied to one visitor's cookie: the fragment
holds a placeholder, replaced by the token of whoever is served it.
"""

import hashlib
from collections.abc import Callable
from functools import cache as cache_once
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import cache
from django.db import connections, router
from django.db.models import Count, Max, Model, Prefetch, QuerySet
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.template.context import make_context
from django.template.loader import get_template
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from marketplace.common.cache import version
from marketplace.directory import maps, seo
from producers.indexing import CATALOGUE
from producers.models import PointOfSale, Producer, Product, ProductStatus

# Every key part changes with what the page shows: the timeout only frees memory.
TIMEOUT = 24 * 3600
PLACEHOLDER = "\x00csrf-token\x00"
PRODUCT_PARTS = ("title", "meta_description", "head_meta", "content")
PRODUCER_PARTS = (*PRODUCT_PARTS, "scripts")


def product_page(request: HttpRequest, producer_slug: str,
                 slug: str) -> dict[str, SafeString] | None:
    """The product page's parts, or None when no such product is published."""
    row = _first_row(Product, _product_changes, producer_slug, slug)
    if row is None:
        return None
    key = _key(request, "product", *row)
    parts = cache.get(key)
    if parts is None:
        parts = _render_product(request, row[0])
        cache.set(key, parts, TIMEOUT)
    return _served(request, parts)


def producer_page(request: HttpRequest, slug: str) -> dict[str, SafeString] | None:
    """The producer page's parts, or None when no such producer is public."""
    row = _first_row(Producer, _producer_changes, slug)
    if row is None:
        return None
    key = _key(request, "producer", *row)
    parts = cache.get(key)
    if parts is None:
        parts = _render_producer(request, row[0])
        cache.set(key, parts, TIMEOUT)
    return _served(request, parts)


def _product_changes(producer_slug: str, slug: str) -> QuerySet[Any]:
    return (Product.objects.published().filter(producer__slug=producer_slug, slug=slug)
            .values_list("pk", "updated_at", "producer__updated_at"))


def _producer_changes(slug: str) -> QuerySet[Any]:
    return (Producer.objects.public().filter(slug=slug)
            .annotate(last_product=Max("products__updated_at"), products_count=Count("products"))
            .values_list("pk", "updated_at", "last_product", "products_count"))


_COMPILED: dict[tuple[str, str], tuple[str, tuple[Any, ...]]] = {}


def _first_row(model: type[Model], query: Callable[..., QuerySet[Any]],
               *values: str) -> tuple[Any, ...] | None:
    """The first row of `query(*values)`, its SQL compiled once per process and database: the
    ORM would build and compile the query again on every request, which costs several times
    what running it does. The values are raw (no field converters): they only make a key."""
    alias = router.db_for_read(model)
    compiled = _COMPILED.get((query.__qualname__, alias))
    if compiled is None:
        markers = [f"\x00value-{i}\x00" for i in range(len(values))]
        sql, params = query(*markers)[:1].query.get_compiler(using=alias).as_sql()
        compiled = _COMPILED[(query.__qualname__, alias)] = (sql, tuple(params))
    sql, params = compiled
    slots = {f"\x00value-{i}\x00": value for i, value in enumerate(values)}
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, [slots.get(p, p) if isinstance(p, str) else p for p in params])
        row = cursor.fetchone()
    return None if row is None else tuple(row)


@cache_once
def _release() -> str:
    """What the fragments were rendered with, read once per process (a deploy restarts it)."""
    digest = hashlib.sha256(str(getattr(staticfiles_storage, "manifest_hash", "")).encode())
    engines: list[dict[str, Any]] = settings.TEMPLATES
    roots = [*settings.LOCALE_PATHS, *(d for engine in engines for d in engine["DIRS"])]
    files = [(str(f.relative_to(root)), f) for root in roots for f in Path(root).rglob("*")
             if f.is_file()]
    files += [(f.name, f) for f in Path(settings.BASE_DIR).glob("marketplace/*/templatetags/*.py")]
    for name, file in sorted(files):
        digest.update(name.encode() + file.read_bytes())
    return digest.hexdigest()[:12]


def _key(request: HttpRequest, kind: str, *changes: Any) -> str:
    variant = "|".join([kind, _release(), get_language() or "", f"{timezone.localdate():%Y%m%d}",
                        request.scheme or "", request.get_host(), request.path,
                        *(str(c) for c in changes)])
    digest = hashlib.sha256(variant.encode()).hexdigest()[:32]
    return f"detail:{version(CATALOGUE)}:{digest}"


def _served(request: HttpRequest, parts: dict[str, str]) -> dict[str, SafeString]:
    token: str | None = None
    served = {}
    for name, html in parts.items():
        if PLACEHOLDER in html:
            token = token or get_token(request)  # also sets the visitor's CSRF cookie
            html = html.replace(PLACEHOLDER, token)
        served[name] = mark_safe(html)  # noqa: S308 (rendered by our templates, autoescaped)
    return served


def _rendered(request: HttpRequest, template: str, names: tuple[str, ...],
              context: dict[str, Any]) -> dict[str, str]:
    bound = make_context({**context, "csrf_token": PLACEHOLDER}, request)
    # Bound once to the page, the parts share one run of the context processors (each part
    # rendered on its own would run them again).
    with bound.bind_template(get_template(template).template):  # type: ignore[attr-defined]
        return {name: str(get_template(f"{template}#{name}").template  # type: ignore[attr-defined]
                          .render(bound)) for name in names}


def _render_product(request: HttpRequest, pk: int) -> dict[str, str]:
    product = (Product.objects.select_related("producer__commune", "category__parent")
               .prefetch_related("photos", "labels", "producer__points_of_sale__commune",
                                 "producer__points_of_sale__hours")
               .get(pk=pk))
    return _rendered(request, "marketplace/product_detail.html", PRODUCT_PARTS, {
        "product": product,
        "season": seo.season_names(product.season_months),
        "json_ld": seo.product_json_ld(product, request),
    })


def _render_producer(request: HttpRequest, pk: int) -> dict[str, str]:
    producer = (Producer.objects.select_related("commune__epci").prefetch_related(
        "labels", "photos",
        Prefetch("points_of_sale",
                 PointOfSale.objects.select_related("commune").prefetch_related("hours")),
    ).get(pk=pk))
    return _producer_parts(request, producer)


def _producer_parts(request: HttpRequest, producer: Producer) -> dict[str, str]:
    # The products' own status only: a preview shows a farm not approved yet.
    products = list(producer.products.filter(status=ProductStatus.PUBLISHED)
                    .select_related("category")
                    .prefetch_related("photos").order_by("category__position", "nom"))
    for product in products:  # the cards show the producer: no query per card
        product.producer = producer
    return _rendered(request, "marketplace/producer_detail.html", PRODUCER_PARTS, {
        "producer": producer,
        "products": products,
        "json_ld": seo.producer_json_ld(producer, request),
        "map_points": maps.producer_page_points(producer),
    })


def producer_page_uncached(request: HttpRequest, producer: Producer) -> dict[str, SafeString]:
    """The page's parts for a producer of any status, rendered now and never kept: the
    curation team's preview of a farm that is not public yet."""
    return _served(request, _producer_parts(request, producer))
