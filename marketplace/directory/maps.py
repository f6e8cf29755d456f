"""Points for the directory's maps: the one shape the map script reads ({nom, commune, url, lat,
lon}), built from producers, their points of sale, or rows of values."""

from collections.abc import Iterable
from typing import Any

from django.urls import reverse

from producers.models import PointOfSaleKind, Producer

Point = dict[str, Any]


def point(*, nom: str, commune: str, url: str, lat: float | None,
          lon: float | None) -> Point | None:
    if lat is None or lon is None:
        return None
    return {"nom": nom, "commune": commune, "url": url, "lat": lat, "lon": lon}


def producer_points(producers: Iterable[Producer]) -> list[Point]:
    """One point per producer (its pin, else its commune's centre)."""
    found = (point(nom=p.nom, commune=p.commune.nom, url=p.get_absolute_url(),
                   lat=p.position[0] if p.position else None,
                   lon=p.position[1] if p.position else None) for p in producers)
    return [p for p in found if p is not None]


def producer_page_points(producer: Producer) -> list[Point]:
    """The producer's own point and its points of sale away from the farm (markets, shops)."""
    points = producer_points([producer])
    for pos in producer.points_of_sale.all():
        if pos.kind == PointOfSaleKind.FARM:
            continue
        found = point(nom=f"{pos.get_kind_display()} : {pos.nom}", commune=pos.commune.nom,
                      url="", lat=pos.latitude if pos.latitude is not None
                      else pos.commune.latitude,
                      lon=pos.longitude if pos.longitude is not None else pos.commune.longitude)
        if found is not None:
            points.append(found)
    return points


def public_producer_points(*, limit: int = 2500) -> list[Point]:
    """Every public producer, for the home page's map (one query, no model instances)."""
    rows = (Producer.objects.public().order_by("nom")
            .values_list("slug", "nom", "latitude", "longitude", "commune__nom",
                         "commune__latitude", "commune__longitude")[:limit])
    found = (point(nom=nom, commune=commune,
                   url=reverse("marketplace:producer", kwargs={"slug": slug}),
                   lat=lat if lat is not None else clat, lon=lon if lon is not None else clon)
             for slug, nom, lat, lon, commune, clat, clon in rows)
    return [p for p in found if p is not None]
