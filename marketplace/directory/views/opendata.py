"""Open data (Licence Ouverte / Etalab 2.0): the public directory keyed by INSEE code, plus
robots.txt for search engines."""

import json
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from marketplace.common.spreadsheet import SafeDictWriter
from marketplace.common.urls import absolute_url
from producers.models import Producer, Product
from producers.selectors import category_slugs_by_producer

LICENCE = "Licence Ouverte / Open Licence version 2.0 (Etalab)"
LICENCE_URL = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"
CSV_COLUMNS = ["slug", "nom", "code_insee", "commune", "code_postal", "epci_siren", "latitude",
               "longitude", "categories", "labels", "retrait", "paiement_en_ligne",
               "points_de_vente", "url"]


def _rows() -> list[dict[str, Any]]:
    """One dict per public producer, in four queries whatever their number."""
    producers = list(Producer.objects.public().select_related("commune")
                     .prefetch_related("labels", "points_of_sale").order_by("commune_id", "nom"))
    categories = category_slugs_by_producer()
    rows = []
    for p in producers:
        position = p.position
        rows.append({
            "slug": p.slug, "nom": p.nom, "code_insee": p.commune_id, "commune": p.commune.nom,
            "code_postal": p.postal_code or next(iter(p.commune.postal_codes), ""),
            "epci_siren": p.commune.epci_id or "",
            "latitude": position[0] if position else None,
            "longitude": position[1] if position else None,
            "categories": sorted(categories[p.pk]),
            "labels": sorted(label.slug for label in p.labels.all()),
            "retrait": p.offers_pickup, "paiement_en_ligne": p.accepts_online_payment,
            "points_de_vente": sorted({pos.kind for pos in p.points_of_sale.all()}),
            "url": absolute_url(p.get_absolute_url()),
        })
    return rows


@require_GET
@cache_control(max_age=3600, public=True)
def producers_csv(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="producteurs.csv"'
    response["Link"] = f'<{LICENCE_URL}>; rel="license"'
    writer = SafeDictWriter(response, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for row in _rows():
        writer.writerow({**row, **{key: "|".join(row[key]) for key in
                                   ("categories", "labels", "points_de_vente")},
                         "retrait": "oui" if row["retrait"] else "non",
                         "paiement_en_ligne": "oui" if row["paiement_en_ligne"] else "non"})
    return response


PRODUCT_COLUMNS = ["id", "slug", "nom", "categorie", "prix_ttc", "unite", "contenance",
                   "disponible", "producteur", "producteur_slug", "code_insee", "commune", "url"]


@require_GET
@cache_control(max_age=3600, public=True)
def products_csv(request: HttpRequest) -> HttpResponse:
    """Every published product of a public producer, one query however many (no instances)."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="produits.csv"'
    response["Link"] = f'<{LICENCE_URL}>; rel="license"'
    writer = SafeDictWriter(response, fieldnames=PRODUCT_COLUMNS)
    writer.writeheader()
    rows = (Product.objects.published().order_by("producer__slug", "slug")
            .values_list("pk", "slug", "nom", "category__slug", "price", "unit", "unit_size",
                         "stock", "is_available", "producer__nom", "producer__slug",
                         "producer__commune_id", "producer__commune__nom")
            .iterator(chunk_size=2000))
    for pk, slug, nom, category, price, unit, size, stock, available, producer, producer_slug, \
            code, commune in rows:
        url = reverse("marketplace:product", kwargs={"producer_slug": producer_slug,
                                                     "slug": slug})
        writer.writerow({
            "id": pk, "slug": slug, "nom": nom, "categorie": category, "prix_ttc": price,
            "unite": unit, "contenance": size,
            "disponible": "oui" if available and (stock is None or stock > 0) else "non",
            "producteur": producer, "producteur_slug": producer_slug, "code_insee": code,
            "commune": commune, "url": absolute_url(url),
        })
    return response


@require_GET
@cache_control(max_age=3600, public=True)
def producers_geojson(request: HttpRequest) -> HttpResponse:
    features = [
        {"type": "Feature", "id": row["slug"],
         "geometry": {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]}
         if row["latitude"] is not None else None,
         "properties": {k: v for k, v in row.items() if k not in ("latitude", "longitude")}}
        for row in _rows()
    ]
    collection = {"type": "FeatureCollection", "licence": LICENCE, "licence_url": LICENCE_URL,
                  "source": settings.SITE_URL, "features": features}
    response = HttpResponse(json.dumps(collection, ensure_ascii=False),
                            content_type="application/geo+json; charset=utf-8")
    response["Link"] = f'<{LICENCE_URL}>; rel="license"'
    return response


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = ["User-agent: *", "Disallow: /espace-producteur/", "Disallow: /panier/",
             "Disallow: /commande/", "Disallow: /curation/", "Disallow: /admin/",
             "Disallow: /autocompletion/", "Allow: /",
             f"Sitemap: {absolute_url(reverse('marketplace:sitemap'))}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
