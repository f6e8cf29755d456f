"""Reads for the public pages (the search-driven lists live in marketplace.search)."""

from django.db.models import Count, Prefetch, Q, QuerySet

from marketplace.models import Category
from producers.models import Producer, Product, ProductStatus


def home_producers(*, limit: int = 12) -> QuerySet[Producer]:
    """Featured producers first, then the others by name."""
    return (
        Producer.objects.public()
        .select_related("commune")
        .order_by("-is_featured", "nom")[:limit]
    )


def home_products(*, limit: int = 8) -> QuerySet[Product]:
    return (
        Product.objects.published()
        .available()
        .select_related("producer", "producer__commune", "category")
        .prefetch_related(Prefetch("photos"))
        .order_by("-is_featured", "-created_at", "pk")[:limit]
    )


def root_categories_with_counts() -> QuerySet[Category]:
    published = Q(
        children__products__status=ProductStatus.PUBLISHED,
        children__products__producer__status="approved",
    ) | Q(products__status=ProductStatus.PUBLISHED, products__producer__status="approved")
    return Category.objects.roots().annotate(
        product_count=Count("children__products", filter=published, distinct=True)
        + Count("products", filter=published, distinct=True)
    )
