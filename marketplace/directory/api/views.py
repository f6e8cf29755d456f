"""The public directory in the API: producers and products, with the pages' filters and ranking
(the same FilterSets, the same `marketplace.directory` reads, the same search module)."""

from collections import defaultdict
from datetime import time
from typing import Any

from django.db.models import F, Prefetch, QuerySet
from django.urls import reverse
from django.utils.functional import cached_property
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import serializers, viewsets
from rest_framework.request import Request
from rest_framework.response import Response

from marketplace.common.urls import absolute_url
from marketplace.directory.filters import ProducerFilterSet, ProductFilterSet
from marketplace.reference.api.serializers import CommuneRefSerializer
from producers.models import PointOfSale, Producer, Product
from producers.opening_hours import HoursRange
from producers.selectors import category_slugs_by_producer


def _clock(value: time | None) -> str | None:
    # "08:30", local time: OpenAPI's `time` format would demand a UTC offset.
    return value.strftime("%H:%M") if value else None


class OpeningHoursSerializer(serializers.Serializer):
    weekday = serializers.IntegerField(min_value=1, max_value=7,
                                       help_text="1 = lundi … 7 = dimanche")
    opens = serializers.SerializerMethodField()
    closes = serializers.SerializerMethodField()

    def get_opens(self, hours: HoursRange) -> str | None:
        """Heure d'ouverture, HH:MM (heure locale) ; null : horaires non précisés."""
        return _clock(hours.opens)

    def get_closes(self, hours: HoursRange) -> str | None:
        """Heure de fermeture, HH:MM (heure locale) ; null : horaires non précisés."""
        return _clock(hours.closes)


class PointOfSaleSerializer(serializers.ModelSerializer):
    commune = CommuneRefSerializer(read_only=True)
    weekday = serializers.SerializerMethodField()
    opens = serializers.SerializerMethodField()
    closes = serializers.SerializerMethodField()
    hours = serializers.SerializerMethodField()

    class Meta:
        model = PointOfSale
        fields = ["kind", "nom", "commune", "weekday", "opens", "closes", "hours"]

    def get_weekday(self, pos: PointOfSale) -> int | None:
        """Marchés : le premier jour de `hours` (1 = lundi … 7 = dimanche)."""
        first = pos.first_range()
        return first.weekday if first and pos.is_market else None

    def get_opens(self, pos: PointOfSale) -> str | None:
        """Heure d'ouverture de la première plage de `hours`, HH:MM (heure locale)."""
        first = pos.first_range()
        return _clock(first.opens) if first else None

    def get_closes(self, pos: PointOfSale) -> str | None:
        """Heure de fermeture de la première plage de `hours`, HH:MM (heure locale)."""
        first = pos.first_range()
        return _clock(first.closes) if first else None

    @extend_schema_field(OpeningHoursSerializer(many=True))
    def get_hours(self, pos: PointOfSale) -> list[dict[str, Any]]:
        """Tous les jours et horaires, par jour puis heure d'ouverture."""
        return OpeningHoursSerializer(pos.ranges(), many=True).data  # type: ignore[return-value]


class ProducerSerializer(serializers.ModelSerializer):
    commune = CommuneRefSerializer(read_only=True)
    latitude = serializers.SerializerMethodField()
    longitude = serializers.SerializerMethodField()
    categories = serializers.SerializerMethodField()
    labels = serializers.SerializerMethodField()
    pickup = serializers.BooleanField(source="offers_pickup", read_only=True)
    online_payment = serializers.BooleanField(source="accepts_online_payment", read_only=True)
    url = serializers.SerializerMethodField()
    points_of_sale = PointOfSaleSerializer(many=True, read_only=True)
    distance_km = serializers.SerializerMethodField()

    class Meta:
        model = Producer
        fields = ["slug", "nom", "description", "commune", "latitude", "longitude", "categories",
                  "labels", "pickup", "online_payment", "url", "points_of_sale", "distance_km"]

    def get_latitude(self, producer: Producer) -> float | None:
        return producer.position[0] if producer.position else None

    def get_longitude(self, producer: Producer) -> float | None:
        return producer.position[1] if producer.position else None

    def get_categories(self, producer: Producer) -> list[str]:
        """Slugs of the categories of the producer's published products."""
        return sorted(self.context["tags"].get(("category", producer.pk), ()))

    def get_labels(self, producer: Producer) -> list[str]:
        return sorted(self.context["tags"].get(("label", producer.pk), ()))

    def get_url(self, producer: Producer) -> str:
        return absolute_url(producer.get_absolute_url(), self.context.get("request"))

    def get_distance_km(self, producer: Producer) -> float | None:
        """Kilometres from the centre of `commune`, when that filter is given."""
        return getattr(producer, "distance_km", None)


class ProducerRefSerializer(serializers.ModelSerializer):
    commune = CommuneRefSerializer(read_only=True)

    class Meta:
        model = Producer
        fields = ["slug", "nom", "commune"]


# What ProductSerializer reads, one model instance per product: not the products' timestamps,
# season or history, nor the producers' SIRET, address, links and texts, whose conversion and
# instances (producer, commune, category) cost more than the rest of the list's Python.
PRODUCT_FIELDS = ("slug", "nom", "description", "price", "unit", "unit_size", "is_available",
                  "stock", "producer_id")
PRODUCT_RELATED = {"producer_slug": F("producer__slug"), "producer_nom": F("producer__nom"),
                   "commune_code": F("producer__commune_id"),
                   "commune_nom": F("producer__commune__nom"), "category_slug": F("category__slug")}


def _product_rows(queryset: QuerySet[Product]) -> QuerySet[Product]:
    return queryset.only(*PRODUCT_FIELDS).annotate(**PRODUCT_RELATED)


class ProductSerializer(serializers.ModelSerializer):
    category = serializers.SlugRelatedField(  # type: ignore[var-annotated]
        slug_field="slug", read_only=True)
    price = serializers.DecimalField(max_digits=8, decimal_places=2, read_only=True,
                                     help_text="Euros TTC")
    available = serializers.BooleanField(source="in_stock", read_only=True)
    producer = ProducerRefSerializer(read_only=True)
    url = serializers.SerializerMethodField()
    distance_km = serializers.SerializerMethodField()

    class Meta:
        model = Product
        fields = ["id", "slug", "nom", "description", "category", "price", "unit", "unit_size",
                  "available", "producer", "url", "distance_km"]

    def get_url(self, product: Product) -> str:
        head, middle, tail = self._product_path
        producer_slug = product.producer_slug  # type: ignore[attr-defined]
        return absolute_url(f"{head}{producer_slug}{middle}{product.slug}{tail}",
                            self.context.get("request"))

    def get_distance_km(self, product: Product) -> float | None:
        """Kilometres from the centre of `commune` to the producer, when that filter is given."""
        return getattr(product, "distance_km", None)

    @cached_property
    def _product_path(self) -> tuple[str, str, str]:
        """`Product.get_absolute_url` around its two slugs, reversed once per response rather
        than once per product (a slug is never escaped in a path)."""
        path = reverse("marketplace:product",
                       kwargs={"producer_slug": "PRODUCER", "slug": "PRODUCT"})
        head, _, rest = path.partition("PRODUCER")
        middle, _, tail = rest.partition("PRODUCT")
        return head, middle, tail

    def to_representation(self, product: Product) -> dict[str, Any]:
        # The fields declared above (the schema's) give these values; read directly from the
        # rows of `_product_rows`, a page costs a tenth of DRF's field-by-field walk. A test
        # holds both to the same output on the demo catalogue.
        row: Any = product
        return {
            "id": row.pk,
            "slug": row.slug,
            "nom": row.nom,
            "description": row.description,
            "category": row.category_slug,
            # The declared field, unbound: `self.fields` would build every field.
            "price": self._declared_fields["price"].to_representation(row.price),
            "unit": row.unit,
            "unit_size": row.unit_size,
            "available": row.in_stock,
            "producer": {"slug": row.producer_slug, "nom": row.producer_nom, "commune": {
                "code_insee": row.commune_code, "nom": row.commune_nom}},
            "url": self.get_url(row),
            "distance_km": self.get_distance_km(row),
        }


def _producer_rows(queryset: QuerySet[Producer]) -> QuerySet[Producer]:
    return queryset.select_related("commune").prefetch_related(
        Prefetch("points_of_sale",
                 PointOfSale.objects.select_related("commune").prefetch_related("hours")))


class ProducerApiFilterSet(ProducerFilterSet):
    fetch = staticmethod(_producer_rows)


class ProductApiFilterSet(ProductFilterSet):
    fetch = staticmethod(_product_rows)


def tags_of(producers: list[Producer]) -> dict[tuple[str, int], set[str]]:
    """The producers' label slugs and their published products' category slugs, for the whole
    page at once: {("label" or "category", producer id): slugs}."""
    ids = [p.pk for p in producers]
    found: dict[tuple[str, int], set[str]] = defaultdict(set)
    for producer_id, slug in Producer.labels.through.objects.filter(
            producer_id__in=ids).values_list("producer_id", "label__slug"):
        found[("label", producer_id)].add(slug)
    for producer_id, slugs in category_slugs_by_producer(ids).items():
        found[("category", producer_id)] = slugs
    return found


NOT_FOUND = OpenApiResponse(response=OpenApiTypes.OBJECT, description="Inconnu ou non public.")
PAGE_NOT_FOUND = OpenApiResponse(response=OpenApiTypes.OBJECT,
                                 description="Page au-delà de la dernière page de résultats.")
BAD_REQUEST = OpenApiResponse(
    response=OpenApiTypes.OBJECT,
    description="Paramètre mal formé (nombre, choix) : le message en français par paramètre.")
PAGE_PARAMS = [
    OpenApiParameter("label", OpenApiTypes.STR, many=True, explode=True,
                     description="Slug d'un label ; répétable (tous sont exigés)."),
    OpenApiParameter("point_of_sale", OpenApiTypes.STR, many=True, explode=True,
                     enum=["farm", "market", "shop", "pickup_point"],
                     description="Façon de vendre ; répétable. Avec `commune`, le point de "
                                 "vente lui-même doit être dans la zone."),
]


@extend_schema_view(
    list=extend_schema(parameters=PAGE_PARAMS, responses={
        200: ProducerSerializer, 400: BAD_REQUEST, 404: PAGE_NOT_FOUND}),
    retrieve=extend_schema(responses={200: ProducerSerializer, 404: NOT_FOUND}),
)
class ProducerViewSet(viewsets.ReadOnlyModelViewSet):
    """Approved, active producers. Same filters and ranking as /producteurs/."""

    queryset = Producer.objects.public()
    serializer_class = ProducerSerializer
    filterset_class = ProducerApiFilterSet
    lookup_field = "slug"

    def get_queryset(self) -> QuerySet[Producer]:
        return _producer_rows(Producer.objects.public())

    def filter_queryset(self, queryset: Any) -> Any:
        if self.action != "list":
            return queryset
        return super().filter_queryset(queryset)

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        serializer = self.get_serializer(page, many=True,
                                         context={**self.get_serializer_context(),
                                                  "tags": tags_of(page or [])})
        return self.get_paginated_response(serializer.data)

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        producer = self.get_object()
        context = {**self.get_serializer_context(), "tags": tags_of([producer])}
        return Response(self.get_serializer(producer, context=context).data)


@extend_schema_view(
    list=extend_schema(parameters=PAGE_PARAMS, responses={
        200: ProductSerializer, 400: BAD_REQUEST, 404: PAGE_NOT_FOUND}),
    retrieve=extend_schema(responses={200: ProductSerializer, 404: NOT_FOUND}),
)
class ProductViewSet(viewsets.ReadOnlyModelViewSet):
    """Published products of approved producers. Same filters and ranking as /produits/."""

    queryset = Product.objects.published()
    serializer_class = ProductSerializer
    filterset_class = ProductApiFilterSet
    lookup_value_regex = "[0-9]{1,18}"  # larger numbers overflow the database's integers

    def get_queryset(self) -> QuerySet[Product]:
        if self.action == "list":  # the filter set reads the page's rows (`fetch`)
            return Product.objects.published()
        return _product_rows(Product.objects.published())

    def filter_queryset(self, queryset: Any) -> Any:
        if self.action != "list":
            return queryset
        return super().filter_queryset(queryset)
