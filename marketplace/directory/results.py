"""The directory's reads: producers and products filtered, searched, sorted by the same rules
for the pages and the API (the filter names are the public contract's).

Distances: the area (a commune's centre and a radius) is resolved first, in one query over
producers (or their points of sale) inside a bounding box, with the exact haversine distance
computed in Python; the lists then filter on those producer ids. Sorting by distance is done
on ids in Python, so only the page's rows are ever fetched with their relations.
"""

import hashlib
import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Coalesce

from marketplace import search
from marketplace.common.cache import version
from marketplace.directory.card_rows import ProductCard, product_cards
from marketplace.directory.intent import named_categories
from marketplace.reference.geo import distance_km
from marketplace.reference.models import Category, Commune, commune_slug, is_insee_code
from producers.indexing import CATALOGUE
from producers.models import OpeningHours, PointOfSale, Producer, Product, ProductStatus

# Above this many matches, a list sorted by the database re-runs the text query as a subquery
# rather than passing the ids (SQLite allows 32,766 parameters per query).
MAX_LISTED_IDS = 20000
COUNT_TTL = 600  # seconds; any catalogue write drops the counts sooner (a new version)


@dataclass(frozen=True)
class Criteria:
    """The contract's filters, already validated (see marketplace.filters)."""

    q: str = ""
    commune: str = ""
    radius_km: Decimal | None = None
    epci: str = ""
    category: str = ""
    labels: tuple[str, ...] = ()
    pickup: bool | None = None
    online_payment: bool | None = None
    points_of_sale: tuple[str, ...] = ()
    weekday: int | None = None
    producer: str = ""
    max_price: Decimal | None = None
    sort: str = ""

    @classmethod
    def from_cleaned(cls, data: dict[str, Any]) -> "Criteria":
        return cls(
            q=(data.get("q") or "").strip(),
            commune=(data.get("commune") or "").strip(),
            radius_km=data.get("radius_km"),
            epci=(data.get("epci") or "").strip(),
            category=(data.get("category") or "").strip(),
            labels=tuple(s for s in (data.get("label") or ()) if s),
            pickup=data.get("pickup"),
            online_payment=data.get("online_payment"),
            points_of_sale=tuple(data.get("point_of_sale") or ()),
            weekday=data.get("weekday"),
            producer=(data.get("producer") or "").strip(),
            max_price=data.get("max_price"),
            sort=data.get("sort") or "",
        )


# --- Communes and distances --------------------------------------------------------------------

def resolve_commune(text: str) -> Commune | None:
    """An INSEE code (46102), « Figeac (46102) » as the autocompletion writes it, or a name or
    postal code typed without JavaScript (the most populated match)."""
    text = text.strip()
    if text.endswith(")") and "(" in text:
        text = text[text.rindex("(") + 1:-1].strip()
    if not text:
        return None
    communes = Commune.objects.select_related("epci")
    if is_insee_code(text):
        found = communes.filter(code_insee=text.upper()).first()
        if found is not None or not text.isdigit():
            return found
    exact = communes.filter(slug=commune_slug(text)).order_by("-population").first()
    return exact or communes.matching(text).first()


@dataclass
class Area:
    """Producers in the area (or selling at a point of sale in it), with their distance."""

    commune: Commune
    radius_km: float | None
    distances: dict[int, float] = field(default_factory=dict)


def _in_box(prefix: str, commune: Commune, radius_km: float) -> Q:
    lat, lon = commune.latitude or 0.0, commune.longitude or 0.0
    dlat = radius_km / 111.2
    dlon = radius_km / (111.2 * max(0.01, math.cos(math.radians(lat))))
    return Q(**{f"{prefix}lat__range": (lat - dlat, lat + dlat),
                f"{prefix}lon__range": (lon - dlon, lon + dlon)})


def resolve_area(criteria: Criteria, commune: Commune) -> Area:
    """Producers whose position (or, with `point_of_sale`/`weekday`, a matching point of sale)
    is in the commune, or within `radius_km` of its centre."""
    radius = float(criteria.radius_km) if criteria.radius_km is not None else None
    has_centre = commune.latitude is not None and commune.longitude is not None
    if criteria.points_of_sale or criteria.weekday:
        rows: QuerySet[Any] = _points_of_sale(criteria).filter(
            producer__in=Producer.objects.public())
        owner = "producer_id"
    else:
        rows = Producer.objects.public()
        owner = "pk"
    rows = rows.annotate(pos_lat=Coalesce("latitude", "commune__latitude"),
                         pos_lon=Coalesce("longitude", "commune__longitude"))
    if radius is not None and has_centre:
        rows = rows.filter(_in_box("pos_", commune, radius))
    else:
        rows = rows.filter(commune=commune)
    area = Area(commune=commune, radius_km=radius if has_centre else None)
    for owner_id, lat, lon in rows.values_list(owner, "pos_lat", "pos_lon"):
        if has_centre and lat is not None and lon is not None:
            km = distance_km((commune.latitude, commune.longitude), (lat, lon))  # type: ignore[arg-type]
        elif has_centre and radius is not None:
            continue
        else:
            km = 0.0
        if radius is not None and km > radius:
            continue
        area.distances[owner_id] = min(km, area.distances.get(owner_id, km))
    return area


def _points_of_sale(criteria: Criteria) -> QuerySet[PointOfSale]:
    found = PointOfSale.objects.all()
    if criteria.points_of_sale:
        found = found.filter(kind__in=criteria.points_of_sale)
    if criteria.weekday:  # open that day: any of its ranges
        found = found.filter(Exists(OpeningHours.objects.filter(
            point_of_sale=OuterRef("pk"), weekday=criteria.weekday)))
    return found


# --- Filters shared by both lists ----------------------------------------------------------

def _category_ids(slug: str) -> QuerySet[Any]:
    return Category.objects.filter(Q(slug=slug) | Q(parent__slug=slug)).values("pk")


def _label_held(slug: str, owner: str) -> Q:
    """The label is held by the product or its producer (owner = 'product'), or by the
    producer or one of its published products (owner = 'producer')."""
    product_labels = Product.labels.through.objects.filter(label__slug=slug)
    producer_labels = Producer.labels.through.objects.filter(label__slug=slug)
    if owner == "product":
        return Q(Exists(product_labels.filter(product_id=OuterRef("pk")))) | Q(
            Exists(producer_labels.filter(producer_id=OuterRef("producer_id"))))
    return Q(Exists(producer_labels.filter(producer_id=OuterRef("pk")))) | Q(Exists(
        product_labels.filter(product__producer_id=OuterRef("pk"),
                              product__status=ProductStatus.PUBLISHED)))


def _producer_filters(criteria: Criteria, prefix: str) -> Q:
    q = Q()
    if criteria.epci:
        q &= Q(**{f"{prefix}commune__epci_id": criteria.epci})
    if criteria.pickup:
        q &= Q(**{f"{prefix}offers_pickup": True})
    if criteria.online_payment:
        q &= Q(**{f"{prefix}accepts_online_payment": True})
    return q


def _sells_at(criteria: Criteria, producer_ref: str) -> Q:
    return Q(Exists(_points_of_sale(criteria).filter(producer_id=OuterRef(producer_ref))))


# --- Results ------------------------------------------------------------------------------

def _cached_count(queryset: QuerySet[Any]) -> int:
    """COUNT(*) of a filtered list, kept per catalogue version (every write drops it): every
    page of a list and the API's pages count the same rows."""
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:
        return 0
    return _kept_count((queryset.db, sql, params), queryset.count)


def _kept_count(key: Any, counted: Callable[[], int]) -> int:
    digest = hashlib.sha256(repr(key).encode()).hexdigest()[:32]
    cache_key = f"count:{version(CATALOGUE)}:{digest}"
    count = cache.get(cache_key)
    if count is None:
        count = counted()
        cache.set(cache_key, count, COUNT_TTL)
    return int(count)


@dataclass(frozen=True)
class Ranking:
    """A text search sorted by relevance: its pages and its count come from the search index,
    the list's other filters (`within`) applied in the same query; only a page's ids cross
    over to Python, however many rows match."""

    found: search.Match
    within: QuerySet[Any] | None  # None: the text alone (the index holds only public rows)
    boost: QuerySet[Any] | None  # the categories the query names

    def count(self) -> int:
        within = None
        if self.within is not None:
            try:
                within = self.within.query.sql_with_params()
            except EmptyResultSet:
                return 0
        return _kept_count(("search", self.found.index, self.found.query, within),
                           lambda: self.found.count(self.within))

    def ids(self, start: int, stop: int) -> list[int]:
        if stop <= start:
            return []
        return [pk for pk, _ in self.found.ranked(self.within, self.boost, offset=start,
                                                  limit=stop - start)]


class Results:
    """A lazy list that Django's Paginator (pages and API) can count and slice: only the
    requested page is fetched, with its relations, in one query (plus prefetches).

    Sorted by the database: the catalogue's (name, price, newest) or the search index's
    (relevance: `ranking`, the page's ids only); or in Python on ids for distance (the area's
    distances): a few thousand ids at most."""

    def __init__(self, queryset: QuerySet[Any], *, base: QuerySet[Any], sort: str,
                 order: Sequence[str],
                 fetch: Callable[[QuerySet[Any]], Iterable[Any]],
                 distances: dict[int, float] | None = None, owner: str = "pk",
                 ranking: Ranking | None = None) -> None:
        self.queryset = queryset
        self.base = base
        self.sort = sort
        self.order = list(order)
        self.fetch = fetch
        self.distances = distances
        self.owner = owner
        self.ranking = ranking if sort == "relevance" else None
        # Products by distance: their producers are sorted, not every product (see _groups).
        self.by_producer = sort == "distance" and owner == "producer_id"
        self.python_order = sort == "distance"
        self._count: int | None = None
        self._ids: list[int] | None = None
        self._groups: list[tuple[int, int]] | None = None

    def count(self) -> int:
        if self._count is None:
            if self.ranking is not None:
                self._count = self.ranking.count()
            elif self.by_producer:
                self._count = sum(n for _, n in self._producer_groups())
            elif self.python_order:
                self._count = len(self._sorted_ids())
            else:
                self._count = _cached_count(self.queryset)
        return self._count

    def __len__(self) -> int:
        return self.count()

    def __iter__(self) -> Iterator[Any]:
        return iter(self[0:self.count()])

    def __getitem__(self, index: slice) -> list[Any]:
        if not isinstance(index, slice):
            raise TypeError("Results only supports slices.")
        if self.by_producer:
            page = self._page_by_producer(index)
        elif self.ranking is not None or self.python_order:
            if self.ranking is not None:
                start, stop, _ = index.indices(self.count())
                ids = self.ranking.ids(start, stop)
            else:
                ids = self._sorted_ids()[index]
            # Only public rows are read, even if the index lags behind the catalogue.
            rows = {row.pk: row for row in self.fetch(self.base.filter(pk__in=ids))}
            page = [rows[i] for i in ids if i in rows]
        else:
            page = list(self.fetch(self.queryset.order_by(*self.order)[index]))
        for row in page:
            owner_id = row.pk if self.owner == "pk" else getattr(row, self.owner)
            row.distance_km = (round(self.distances[owner_id], 1)
                               if self.distances and owner_id in self.distances else None)
        return page

    def _producer_groups(self) -> list[tuple[int, int]]:
        """(producer id, number of matching products), nearest producer first: one GROUP BY,
        a few hundred rows where sorting every product would read thousands."""
        if self._groups is None:
            distances = self.distances or {}
            rows = (self.queryset.order_by().values_list("producer_id")
                    .annotate(n=Count("pk")).values_list("producer_id", "n"))
            self._groups = sorted(rows, key=lambda r: (distances.get(r[0], math.inf), r[0]))
        return self._groups

    def _page_by_producer(self, index: slice) -> list[Any]:
        start, stop, _ = index.indices(self.count())
        position, skip = 0, 0
        producers: list[int] = []
        for producer_id, n in self._producer_groups():
            if position + n > start and position < stop:
                if not producers:
                    skip = start - position
                producers.append(producer_id)
            position += n
            if position >= stop:
                break
        order = {pk: i for i, pk in enumerate(producers)}
        rows = self.fetch(self.queryset.filter(producer_id__in=producers).order_by())
        ranked = sorted(rows, key=lambda p: (order[p.producer_id], p.nom, p.pk))
        return ranked[skip:skip + stop - start]

    def _sorted_ids(self) -> list[int]:
        """Every matching id in distance order."""
        if self._ids is None:
            distances = self.distances or {}
            rows = self.queryset.order_by().values_list("pk", self.owner, "nom")
            self._ids = [row[0] for row in sorted(
                rows, key=lambda r: (distances.get(r[1], math.inf), r[2], r[0]))]
        return self._ids


def _sort(criteria: Criteria, *, has_area: bool) -> str:
    # Without a text or a place, the newest first (an indexed order, cheap on any catalogue).
    sort = criteria.sort or ("relevance" if criteria.q else "distance" if has_area else "newest")
    if sort == "relevance" and not criteria.q:
        return "distance" if has_area else "newest"
    if sort == "distance" and not has_area:
        return "relevance" if criteria.q else "newest"
    return sort


def _area(criteria: Criteria, commune: Commune | None = None) -> tuple[Area | None, bool]:
    """The area asked for, and False when the commune is unknown (the list is then empty)."""
    if not criteria.commune:
        return None, True
    if commune is None:  # else the caller read the commune box already (see places)
        commune = resolve_commune(criteria.commune)
    if commune is None:
        return None, False
    return resolve_area(criteria, commune), True


def product_results(criteria: Criteria, *, commune: Commune | None = None,
                    fetch: Callable[[QuerySet[Any]], Iterable[Any]] | None = None) -> Results:
    """Published products matching the criteria (`commune`: the criteria's, if already read)."""
    area, known = _area(criteria, commune)
    products: QuerySet[Product] = Product.objects.published()
    if not known:
        products = products.none()
    if area is not None:
        products = products.filter(producer_id__in=list(area.distances))
    elif criteria.points_of_sale or criteria.weekday:
        products = products.filter(_sells_at(criteria, "producer_id"))
    products = products.filter(_producer_filters(criteria, "producer__"))
    if criteria.category:
        products = products.filter(category_id__in=_category_ids(criteria.category))
    for slug in criteria.labels:
        products = products.filter(_label_held(slug, "product"))
    if criteria.producer:
        products = products.filter(producer__slug=criteria.producer)
    if criteria.max_price is not None:
        products = products.filter(price__lte=criteria.max_price)
    sort = _sort(criteria, has_area=area is not None)
    products, ranking = _search(products, "product", criteria.q, sort, _only_text(criteria))
    order = {"name": ["nom", "pk"], "price": ["price", "nom", "pk"],
             "newest": ["-created_at", "-pk"]}
    return Results(
        products, base=Product.objects.published(), sort=sort,
        order=order.get(sort, ["nom", "pk"]), fetch=fetch or _product_rows,
        distances=area.distances if area else None, owner="producer_id", ranking=ranking,
    )


def producer_results(criteria: Criteria, *, commune: Commune | None = None,
                     fetch: Callable[[QuerySet[Any]], Iterable[Any]] | None = None) -> Results:
    """Public producers matching the criteria (`commune`: the criteria's, if already read)."""
    area, known = _area(criteria, commune)
    producers: QuerySet[Producer] = Producer.objects.public()
    if not known:
        producers = producers.none()
    if area is not None:
        producers = producers.filter(pk__in=list(area.distances))
    elif criteria.points_of_sale or criteria.weekday:
        producers = producers.filter(_sells_at(criteria, "pk"))
    producers = producers.filter(_producer_filters(criteria, ""))
    if criteria.category:
        producers = producers.filter(Exists(Product.objects.filter(
            producer_id=OuterRef("pk"), status=ProductStatus.PUBLISHED,
            category_id__in=_category_ids(criteria.category))))
    for slug in criteria.labels:
        producers = producers.filter(_label_held(slug, "producer"))
    sort = _sort(criteria, has_area=area is not None)
    producers, ranking = _search(producers, "producer", criteria.q, sort,
                                 _only_text(criteria))
    order = {"newest": ["-approved_at", "-pk"]}
    return Results(
        producers, base=Producer.objects.public(), sort=sort, order=order.get(sort, ["nom", "pk"]),
        fetch=fetch or _producer_rows, distances=area.distances if area else None, owner="pk",
        ranking=ranking,
    )


def _only_text(criteria: Criteria) -> bool:
    return criteria == Criteria(q=criteria.q, sort=criteria.sort)


def _search(queryset: QuerySet[Any], index: str, text: str, sort: str,
            only_text: bool) -> tuple[QuerySet[Any], Ranking | None]:
    """The queryset restricted to the text's matches; sorting by relevance, the ranking that
    reads its pages and count from the search index."""
    if not text:
        return queryset, None
    found = search.match(index, text)
    if found is None:
        return queryset.none(), None
    # The index holds only public rows: with no other filter, it alone is the list.
    within = None if only_text else queryset
    if sort == "relevance":
        return (queryset.filter(pk__in=found.ids()),
                Ranking(found, within, _in_named_categories(index, found)))
    listed = found.ranked(within, limit=MAX_LISTED_IDS + 1)
    if len(listed) <= MAX_LISTED_IDS:
        # Sorted by the database on these ids, without running the full-text query again
        # (the other filters, re-applied to these few rows by primary key, cost little).
        return queryset.filter(pk__in=[pk for pk, _ in listed]), None
    return queryset.filter(pk__in=found.ids()), None


def _in_named_categories(index: str, found: search.Match) -> QuerySet[Any] | None:
    """What the ranking pulls up: the products of the categories the query names (with their
    sub-categories), or the producers selling them."""
    named = named_categories(found.words, completed=found.completed)
    if not named:
        return None
    products = Product.objects.filter(category_id__in=named)
    if index == "product":
        return products
    return Producer.objects.filter(pk__in=products.published().values("producer_id"))


def _product_rows(queryset: QuerySet[Product]) -> list[ProductCard]:
    return product_cards(queryset)


def _producer_rows(queryset: QuerySet[Producer]) -> QuerySet[Producer]:
    return queryset.select_related("commune").prefetch_related("photos")
