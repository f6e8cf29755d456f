"""The weekly markets: each market (a name, a commune, a day) with its hours and the public
producers who hold a stall there, read from the producers' points of sale."""

from dataclasses import dataclass, field
from datetime import time

from django.db.models.functions import Coalesce
from django.urls import reverse

from marketplace.reference.geo import distance_km
from marketplace.reference.models import Commune
from producers.models import PointOfSale, PointOfSaleKind, Producer, Weekday


@dataclass
class Market:
    nom: str
    commune_code: str
    commune_nom: str
    weekday: int
    opens: time | None
    closes: time | None
    lat: float | None
    lon: float | None
    producers: list[tuple[str, str]] = field(default_factory=list)  # (name, page URL)
    distance_km: float | None = None

    @property
    def weekday_label(self) -> str:
        return str(Weekday(self.weekday).label)


def markets(*, weekday: int | None = None, commune: Commune | None = None,
            radius_km: float | None = None) -> list[Market]:
    """The markets held on `weekday` (any day if None), in `commune` or within `radius_km` of
    its centre; the nearest first when a commune is given, else by day and commune."""
    rows = (PointOfSale.objects.filter(kind=PointOfSaleKind.MARKET,
                                       producer__in=Producer.objects.public())
            .annotate(pos_lat=Coalesce("latitude", "commune__latitude"),
                      pos_lon=Coalesce("longitude", "commune__longitude"))
            .order_by("weekday", "commune__nom", "nom", "producer__nom")
            .values_list("nom", "commune_id", "commune__nom", "weekday", "opens", "closes",
                         "pos_lat", "pos_lon", "producer__nom", "producer__slug"))
    if weekday is not None:
        rows = rows.filter(weekday=weekday)
    if commune is not None and radius_km is None:
        rows = rows.filter(commune=commune)
    found: dict[tuple[str, str, int], Market] = {}
    for nom, code, commune_nom, day, opens, closes, lat, lon, producer, slug in rows:
        if day is None:  # a market always has its day (a constraint); for the type checker
            continue
        market = found.setdefault((nom, code, day), Market(
            nom=nom, commune_code=code, commune_nom=commune_nom, weekday=day, opens=opens,
            closes=closes, lat=lat, lon=lon))
        url = reverse("marketplace:producer", kwargs={"slug": slug})
        if (producer, url) not in market.producers:
            market.producers.append((producer, url))
    listed = list(found.values())
    if commune is None or commune.latitude is None or commune.longitude is None:
        return listed
    centre = (commune.latitude, commune.longitude)
    for market in listed:
        if market.lat is not None and market.lon is not None:
            market.distance_km = round(distance_km(centre, (market.lat, market.lon)), 1)
    if radius_km is not None:
        listed = [m for m in listed if m.distance_km is not None and m.distance_km <= radius_km]
    return sorted(listed, key=lambda m: (m.distance_km if m.distance_km is not None else 1e9,
                                         m.weekday, m.nom))


@dataclass
class Stall:
    """A producer's stall at a market, as the directory's market filter shows it."""

    nom: str
    commune_nom: str
    weekday: int | None
    opens: time | None
    closes: time | None
    lat: float | None
    lon: float | None
    distance_km: float | None = None

    @property
    def weekday_label(self) -> str:
        return str(Weekday(self.weekday).label) if self.weekday else ""


def attach_stalls(producers: list[Producer], *, weekday: int | None = None,
                  commune: Commune | None = None, radius_km: float | None = None) -> None:
    """Give each producer of a page listed by `point_of_sale=market` its `stalls`: the markets
    it holds a stall at (that day; in the area), nearest first, in one query. Its distance
    becomes the nearest stall's, not the farm's."""
    rows = (PointOfSale.objects.filter(kind=PointOfSaleKind.MARKET,
                                       producer__in=[p.pk for p in producers])
            .annotate(pos_lat=Coalesce("latitude", "commune__latitude"),
                      pos_lon=Coalesce("longitude", "commune__longitude"))
            .order_by("weekday", "nom")
            .values_list("producer_id", "nom", "commune__nom", "commune_id", "weekday", "opens",
                         "closes", "pos_lat", "pos_lon"))
    if weekday is not None:
        rows = rows.filter(weekday=weekday)
    centre = (commune.latitude, commune.longitude) if commune is not None else None
    stalls: dict[int, list[Stall]] = {}
    for producer_id, nom, commune_nom, code, day, opens, closes, lat, lon in rows:
        stall = Stall(nom=nom, commune_nom=commune_nom, weekday=day, opens=opens, closes=closes,
                      lat=lat, lon=lon)
        if centre is not None and None not in centre and lat is not None and lon is not None:
            stall.distance_km = round(distance_km(centre, (lat, lon)), 1)  # type: ignore[arg-type]
            if radius_km is not None and stall.distance_km > radius_km:
                continue
        elif commune is not None and code != commune.code_insee:
            continue
        stalls.setdefault(producer_id, []).append(stall)
    for producer in producers:
        found = sorted(stalls.get(producer.pk, []),
                       key=lambda s: (s.distance_km if s.distance_km is not None else 0.0))
        producer.stalls = found  # type: ignore[attr-defined]
        if found and found[0].distance_km is not None:
            producer.distance_km = found[0].distance_km  # type: ignore[attr-defined]
