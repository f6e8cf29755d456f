"""A list page's product cards read as plain values: one query for the page's rows (the columns
a card shows, joined, and the first photo), and no model instance.

Built as models (a product, its producer, the producer's commune, the category, each photo),
24 cards cost more Python than the page's search itself. A `ProductCard` answers the same
attributes the card tag (`templatetags/cards.py`) reads on a `Product`, so the home page and the
producer page, which hand it models, show the same card."""

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, cast

from django.db.models import CharField, ImageField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, NullIf

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
          "category__slug", "photo")

# The card shows the first photo (the models' order), as its thumbnail or, while it has none,
# the photo itself (`Photo.card_url`): read by the rows' query, rather than a second one.
_FIRST_PHOTO = Subquery(
    ProductPhoto.objects.filter(product_id=OuterRef("pk")).order_by("position", "pk")
    .annotate(card=Coalesce(NullIf("thumbnail", Value(""), output_field=CharField()), "image",
                            output_field=CharField()))
    .values("card")[:1])


def product_cards(queryset: QuerySet[Product]) -> list[ProductCard]:
    # Both images of a photo are in the same storage (Photo declares neither's).
    storage = cast(ImageField, ProductPhoto._meta.get_field("image")).storage
    return [_card(row, storage) for row in queryset.annotate(photo=_FIRST_PHOTO).values(*FIELDS)]


def _card(row: dict[str, Any], storage: Any) -> ProductCard:
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
        photos=CardPhotos((CardPhoto(storage.url(row["photo"])),) if row["photo"] else ()),
    )
