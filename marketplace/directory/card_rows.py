"""A list page's product cards read as plain values: one query for the page's rows (the columns
a card shows, joined), one for their photos, and no model instance.

Built as models (a product, its producer, the producer's commune, the category, each photo),
24 cards cost more Python than the page's search itself. A `ProductCard` answers the same
attributes the card tag (`templatetags/cards.py`) reads on a `Product`, so the home page and the
producer page, which hand it models, show the same card."""

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, cast

from django.db.models import ImageField, QuerySet

from producers.models import Product, ProductPhoto


@dataclass(slots=True)
class CardCommune:
    nom: str


@dataclass(slots=True)
class CardProducer:
    slug: str
    nom: str
    commune: CardCommune


@dataclass(slots=True)
class CardCategory:
    slug: str


@dataclass(slots=True)
class CardPhoto:
    card_url: str


class CardPhotos(tuple[CardPhoto, ...]):
    """`product.photos.all()`, as the card asks a model for it."""

    def all(self) -> "CardPhotos":
        return self


@dataclass(slots=True)
class ProductCard:
    pk: int
    slug: str
    nom: str
    price: Decimal
    unit: str
    unit_size: str
    in_stock: bool
    producer_id: int
    producer: CardProducer
    category: CardCategory
    photos: CardPhotos
    distance_km: float | None = None


FIELDS = ("pk", "slug", "nom", "price", "unit", "unit_size", "is_available", "stock",
          "producer_id", "producer__slug", "producer__nom", "producer__commune__nom",
          "category__slug")


def _photo_urls(product_ids: list[int]) -> dict[int, CardPhotos]:
    """Each product's photos in their order (the models' `ordering`), as the card shows them."""
    image, thumbnail = (cast(ImageField, ProductPhoto._meta.get_field(name)).storage
                        for name in ("image", "thumbnail"))
    found: dict[int, list[CardPhoto]] = {}
    rows = (ProductPhoto.objects.filter(product_id__in=product_ids)
            .order_by("product_id", "position", "pk")
            .values_list("product_id", "thumbnail", "image"))
    for product_id, small, large in rows:
        # `Photo.card_url`: the thumbnail, or the photo itself while it has none.
        url = thumbnail.url(small) if small else image.url(large)
        found.setdefault(product_id, []).append(CardPhoto(url))
    return {product_id: CardPhotos(photos) for product_id, photos in found.items()}


def product_cards(queryset: QuerySet[Product]) -> list[ProductCard]:
    rows = list(queryset.values(*FIELDS))
    photos = _photo_urls([row["pk"] for row in rows]) if rows else {}
    return [_card(row, photos.get(row["pk"], CardPhotos())) for row in rows]


def _card(row: dict[str, Any], photos: CardPhotos) -> ProductCard:
    stock = row["stock"]
    return ProductCard(
        pk=row["pk"], slug=row["slug"], nom=row["nom"], price=row["price"], unit=row["unit"],
        unit_size=row["unit_size"],
        # `Product.in_stock`, on the values read.
        in_stock=bool(row["is_available"]) and (stock is None or stock > 0),
        producer_id=row["producer_id"],
        producer=CardProducer(slug=row["producer__slug"], nom=row["producer__nom"],
                              commune=CardCommune(nom=row["producer__commune__nom"])),
        category=CardCategory(slug=row["category__slug"]),
        photos=photos,
    )
