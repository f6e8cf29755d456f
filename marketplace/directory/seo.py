"""What search engines read: schema.org JSON-LD of producers and products."""

from typing import Any

from django.http import HttpRequest
from django.utils.dates import MONTHS

from marketplace.common.urls import absolute_url
from producers.models import Producer, Product

DAYS = {1: "Monday", 2: "Tuesday", 3: "Wednesday", 4: "Thursday", 5: "Friday", 6: "Saturday",
        7: "Sunday"}


def season_names(months: list[int] | None) -> list[str]:
    return [str(MONTHS[m]) for m in sorted(set(months or [])) if m in MONTHS]


def producer_json_ld(producer: Producer, request: HttpRequest | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "LocalBusiness",
        "@id": absolute_url(producer.get_absolute_url(), request) + "#producteur",
        "name": producer.nom,
        "url": absolute_url(producer.get_absolute_url(), request),
        "description": producer.description[:500],
        "address": {
            "@type": "PostalAddress",
            "streetAddress": producer.address,
            "postalCode": producer.postal_code or next(iter(producer.commune.postal_codes), ""),
            "addressLocality": producer.commune.nom,
            "addressCountry": "FR",
        },
        "areaServed": producer.commune.nom,
    }
    if producer.position:
        data["geo"] = {"@type": "GeoCoordinates", "latitude": producer.position[0],
                       "longitude": producer.position[1]}
    if producer.phone:
        data["telephone"] = producer.phone
    photos = [absolute_url(photo.image.url, request) for photo in producer.photos.all()]
    if photos:
        data["image"] = photos
    hours = [
        {"@type": "OpeningHoursSpecification", "dayOfWeek": f"https://schema.org/{DAYS[r.weekday]}",
         "opens": r.opens.strftime("%H:%M"), "closes": r.closes.strftime("%H:%M")}
        for p in producer.points_of_sale.all() for r in p.ranges() if r.opens and r.closes
    ]
    if hours:
        data["openingHoursSpecification"] = hours
    labels = [label.nom for label in producer.labels.all()]
    if labels:
        data["award"] = labels
    return data


def product_json_ld(product: Product, request: HttpRequest | None = None) -> dict[str, Any]:
    url = absolute_url(product.get_absolute_url(), request)
    producer = product.producer
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": product.nom,
        "url": url,
        "description": product.description[:500],
        "category": product.category.nom,
        "brand": {"@type": "Brand", "name": producer.nom},
        "offers": {
            "@type": "Offer",
            "url": url,
            "price": f"{product.price:.2f}",
            "priceCurrency": "EUR",
            "availability": "https://schema.org/InStock" if product.in_stock
            else "https://schema.org/OutOfStock",
            "seller": {"@type": "LocalBusiness", "name": producer.nom,
                       "url": absolute_url(producer.get_absolute_url(), request)},
        },
    }
    photos = [absolute_url(photo.image.url, request) for photo in product.photos.all()]
    if photos:
        data["image"] = photos
    return data
