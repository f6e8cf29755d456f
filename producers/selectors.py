"""Reads for the producer area and the self-service API, with the permission rule in one place:
a user reaches a producer it is a member of; staff reach every producer. Anything else is
answered as "not found", so nobody learns which private records exist."""

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from marketplace.reference.models import Commune
from producers.models import (
    MemberRole,
    PointOfSale,
    Producer,
    ProducerMembership,
    ProducerPhoto,
    Product,
    ProductPhoto,
    ProductStatus,
)


def producers_for_user(*, user: Any) -> QuerySet[Producer]:
    if not user.is_authenticated:
        return Producer.objects.none()
    return Producer.objects.filter(memberships__user=user).select_related("commune").distinct()


def _reachable(user: Any) -> QuerySet[Producer]:
    if not user.is_authenticated:
        return Producer.objects.none()
    if user.is_staff:
        return Producer.objects.all()
    return Producer.objects.filter(memberships__user=user)


def producer_for_user(*, user: Any, slug: str) -> Producer:
    producer = _reachable(user).select_related("commune").filter(slug=slug).first()
    if producer is None:
        raise Http404("Producteur introuvable.")
    return producer


def default_producer_for_user(*, user: Any) -> Producer | None:
    """The producer a member works on when nothing says which (their first farm)."""
    return producers_for_user(user=user).order_by("memberships__created_at", "pk").first()


def product_for_user(*, user: Any, pk: int, producer: Producer | None = None) -> Product:
    products = Product.objects.filter(producer__in=_reachable(user))
    if producer is not None:
        products = products.filter(producer=producer)
    product = products.select_related("producer", "category").filter(pk=pk).first()
    if product is None:
        raise Http404("Produit introuvable.")
    return product


def point_of_sale_for_producer(*, producer: Producer, pk: int) -> PointOfSale:
    point = producer.points_of_sale.select_related("commune").filter(pk=pk).first()
    if point is None:
        raise Http404("Point de vente introuvable.")
    return point


def producer_photo_for_producer(*, producer: Producer, pk: int) -> ProducerPhoto:
    photo = producer.photos.filter(pk=pk).first()
    if photo is None:
        raise Http404("Photo introuvable.")
    return photo


def product_photo_for_product(*, product: Product, pk: int) -> ProductPhoto:
    photo = product.photos.filter(pk=pk).first()
    if photo is None:
        raise Http404("Photo introuvable.")
    return photo


def can_manage_team(*, user: Any, producer: Producer) -> bool:
    return bool(user.is_staff) or producer.memberships.filter(
        user=user, role=MemberRole.OWNER
    ).exists()


def dashboard_products(*, producer: Producer, archived: bool = False) -> QuerySet[Product]:
    """The producer's catalogue for its dashboard and API: every status, photos prefetched."""
    products = producer.products.all()
    products = (products.filter(status=ProductStatus.ARCHIVED) if archived
                else products.exclude(status=ProductStatus.ARCHIVED))
    return (products.select_related("category", "producer")
            .prefetch_related("labels", Prefetch("photos", queryset=ProductPhoto.objects.all()))
            .order_by("nom", "pk"))


def team(*, producer: Producer) -> QuerySet[ProducerMembership]:
    return producer.memberships.select_related("user").order_by("role", "created_at")


def category_slugs_by_producer(producer_ids: Iterable[int] | None = None) -> dict[int, set[str]]:
    """What each producer sells: the slugs of its published products' categories, in one
    query (`producer_ids` None: every public producer)."""
    products = Product.objects.published()
    if producer_ids is not None:
        products = products.filter(producer_id__in=list(producer_ids))
    found: dict[int, set[str]] = defaultdict(set)
    for producer_id, slug in products.values_list("producer_id", "category__slug").distinct():
        found[producer_id].add(slug)
    return found


def territory_communes() -> QuerySet[Commune]:
    return Commune.objects.in_territory().order_by("nom", "code_insee")
