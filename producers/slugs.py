"""Readable, unique slugs for producers and products (they appear in public URLs)."""

from django.utils.text import slugify

from producers.models import Producer

MAX_SLUG = 120


def _base(name: str, fallback: str) -> str:
    return (slugify(name) or fallback)[:MAX_SLUG - 4].strip("-") or fallback


def _first_free(base: str, taken: set[str]) -> str:
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def unique_producer_slug(name: str, *, exclude_pk: int | None = None) -> str:
    base = _base(name, "producteur")
    taken = Producer.objects.filter(slug__startswith=base)
    if exclude_pk is not None:
        taken = taken.exclude(pk=exclude_pk)
    return _first_free(base, set(taken.values_list("slug", flat=True)))


def unique_product_slug(producer: Producer, name: str, *, exclude_pk: int | None = None) -> str:
    base = _base(name, "produit")
    taken = producer.products.filter(slug__startswith=base)
    if exclude_pk is not None:
        taken = taken.exclude(pk=exclude_pk)
    return _first_free(base, set(taken.values_list("slug", flat=True)))
