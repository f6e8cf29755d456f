"""The weekly markets: each market (a name, a commune) with its days and hours and the public
producers who hold a stall there, read from the producers' points of sale and their weeks."""

from dataclasses import dataclass, field
from datetime import time

from django.db.models import Exists, OuterRef, QuerySet
from django.db.models.functions import Coalesce
from django.urls import reverse

from marketplace.reference.geo import distance_km
from marketplace.reference.models import Commune
from producers.models import OpeningHours, PointOfSale, PointOfSaleKind, Producer
from producers.opening_hours import HoursRange, day_names, days_of, describe


@dataclass
class Market:
    """A market (a name in a commune) on all the days its stalls give, each day's hours as the
    first stall (by producer name) gives them."""

    nom: str
    commune_code: str
    commune_nom: str
    ranges: list[HoursRange]
    lat: float | None
    lon: float | None
    # (name, page URL, the producer's days when not all the market's, e.g. « samedi »)
    producers: list[tuple[str, str, str]] = field(default_factory=list)
    distance_km: float | None = None

    @property
    def days(self) -> list[int]:
        return days_of(self.ranges)

    @property
    def first_day(self) -> int:
        return self.days[0] if self.ranges else 8

    @property
    def hours_text(self) -> str:
        """« mercredi et samedi, 7 h 30 – 12 h 30 »"""
        return describe(self.ranges)


@dataclass
class _Point:
    producer_id: int
    nom: str
    commune_code: str
    commune_nom: str
    lat: float | None
    lon: float | None
    producer: str
    slug: str
    ranges: list[HoursRange] = field(default_factory=list)


def _market_points(rows: QuerySet[PointOfSale], weekday: int | None) -> list[_Point]:
    """Market stalls with their weeks, in one query (a row per range), in the queryset's order;
    with `weekday`, only those held that day (their other days kept)."""
    if weekday is not None:
        rows = rows.filter(Exists(OpeningHours.objects.filter(point_of_sale=OuterRef("pk"),
                                                              weekday=weekday)))
    points: dict[int, _Point] = {}
    for pk, owner, nom, code, commune_nom, lat, lon, producer, slug, day, opens, closes in (
            rows.annotate(pos_lat=Coalesce("latitude", "commune__latitude"),
                          pos_lon=Coalesce("longitude", "commune__longitude"))
            .values_list("pk", "producer_id", "nom", "commune_id", "commune__nom", "pos_lat",
                         "pos_lon", "producer__nom", "producer__slug", "hours__weekday",
                         "hours__opens", "hours__closes")):
        point = points.setdefault(pk, _Point(owner, nom, code, commune_nom, lat, lon, producer,
                                             slug))
        if day is not None:
            point.ranges.append(HoursRange(day, opens, closes))
    return list(points.values())


def markets(*, weekday: int | None = None, commune: Commune | None = None,
            radius_km: float | None = None) -> list[Market]:
    """The markets held on `weekday` (any day if None), in `commune` or within `radius_km` of
    its centre; the nearest first when a commune is given, else by (first) day and commune."""
    rows = (PointOfSale.objects.filter(kind=PointOfSaleKind.MARKET,
                                       producer__in=Producer.objects.public())
            .order_by("commune__nom", "nom", "producer__nom", "pk"))
    if commune is not None and radius_km is None:
        rows = rows.filter(commune=commune)
    found: dict[tuple[str, str], Market] = {}
    stalls: dict[tuple[str, str], list[_Point]] = {}
    for point in _market_points(rows, weekday):
        key = (point.nom, point.commune_code)
        market = found.setdefault(key, Market(
            nom=point.nom, commune_code=point.commune_code, commune_nom=point.commune_nom,
            ranges=[], lat=point.lat, lon=point.lon))
        given = set(market.days)
        market.ranges += [r for r in point.ranges if r.weekday not in given]
        stalls.setdefault(key, []).append(point)
    for key, market in found.items():
        market.ranges.sort(key=lambda r: (r.weekday, r.opens or time.min))
        for point in stalls[key]:
            url = reverse("marketplace:producer", kwargs={"slug": point.slug})
            days = days_of(point.ranges)
            note = "" if days == market.days else day_names(days)
            if not any(url == known for _nom, known, _note in market.producers):
                market.producers.append((point.producer, url, note))
    listed = sorted(found.values(), key=lambda m: (
        (0 if weekday is not None else m.first_day), m.commune_nom, m.nom))
    if commune is None or commune.latitude is None or commune.longitude is None:
        return listed
    centre = (commune.latitude, commune.longitude)
    for market in listed:
        if market.lat is not None and market.lon is not None:
            market.distance_km = round(distance_km(centre, (market.lat, market.lon)), 1)
    if radius_km is not None:
        listed = [m for m in listed if m.distance_km is not None and m.distance_km <= radius_km]
    return sorted(listed, key=lambda m: (m.distance_km if m.distance_km is not None else 1e9,
                                         m.first_day, m.nom))


@dataclass
class Stall:
    """A producer's stall at a market, as the directory's market filter shows it."""

    nom: str
    commune_nom: str
    ranges: list[HoursRange]
    lat: float | None
    lon: float | None
    distance_km: float | None = None

    @property
    def hours_text(self) -> str:
        return describe(self.ranges)


def attach_stalls(producers: list[Producer], *, weekday: int | None = None,
                  commune: Commune | None = None, radius_km: float | None = None) -> None:
    """Give each producer of a page listed by `point_of_sale=market` its `stalls`: the markets
    it holds a stall at (that day; in the area), nearest first, in one query. Its distance
    becomes the nearest stall's, not the farm's."""
    rows = (PointOfSale.objects.filter(kind=PointOfSaleKind.MARKET,
                                       producer__in=[p.pk for p in producers])
            .order_by("nom", "pk"))
    centre = (commune.latitude, commune.longitude) if commune is not None else None
    stalls: dict[int, list[tuple[int, Stall]]] = {}
    for point in _market_points(rows, weekday):
        stall = Stall(nom=point.nom, commune_nom=point.commune_nom, ranges=point.ranges,
                      lat=point.lat, lon=point.lon)
        if centre is not None and None not in centre and point.lat is not None \
                and point.lon is not None:
            stall.distance_km = round(distance_km(centre, (point.lat, point.lon)), 1)  # type: ignore[arg-type]
            if radius_km is not None and stall.distance_km > radius_km:
                continue
        elif commune is not None and point.commune_code != commune.code_insee:
            continue
        first = days_of(point.ranges)[0] if point.ranges else 8
        stalls.setdefault(point.producer_id, []).append((first, stall))
    for producer in producers:
        found = [s for _day, s in sorted(stalls.get(producer.pk, []), key=lambda x: x[0])]
        found.sort(key=lambda s: (s.distance_km if s.distance_km is not None else 0.0))
        producer.stalls = found  # type: ignore[attr-defined]
        if found and found[0].distance_km is not None:
            producer.distance_km = found[0].distance_km  # type: ignore[attr-defined]
