"""Keeping the search index in step with the catalogue.

Saves through the ORM are indexed automatically (marketplace/search/signals.py); bulk writes
(imports, bulk_create/update, queryset.update) must call these functions after their writes,
inside or after their transaction. The index lives in the same database, so writing it in the
writer's own transaction keeps catalogue and index atomically consistent.

Only public rows are indexed (published products of approved, active producers); the others
are removed from the index, so an id may always be passed, whatever became of its row.
"""

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence

from marketplace.search.backends import get_backend
from marketplace.search.backends.base import Document
from marketplace.search.text import document_text

CHUNK = 1000


def _chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    unique = sorted({int(i) for i in ids})
    for start in range(0, len(unique), CHUNK):
        yield unique[start:start + CHUNK]


def index_products(product_ids: Iterable[int]) -> None:
    """(Re)index these products; ids of deleted or unpublished products are removed."""
    from producers.models import Product

    backend = get_backend()
    for chunk in _chunks(product_ids):
        products = list(
            Product.objects.published().filter(pk__in=chunk)
            .select_related("producer__commune", "category__parent")
            .prefetch_related("labels")
        )
        documents = [_product_document(p) for p in products]
        backend.write("product", documents)
        backend.delete("product", sorted(set(chunk) - {d.id for d in documents}))


def index_producers(producer_ids: Iterable[int]) -> None:
    """(Re)index these producers and every product of theirs (name, commune or status changed)."""
    from producers.models import Product

    ids = list(producer_ids)
    index_producer_documents(ids)
    for chunk in _chunks(ids):
        index_products(Product.objects.filter(producer_id__in=chunk).values_list("pk", flat=True))


def index_producer_documents(producer_ids: Iterable[int]) -> None:
    """(Re)index only the producers' own documents (their products' names changed)."""
    from producers.models import Producer, Product

    backend = get_backend()
    for chunk in _chunks(producer_ids):
        producers = list(
            Producer.objects.public().filter(pk__in=chunk).select_related("commune")
            .prefetch_related("labels")
        )
        catalogue: dict[int, list[str]] = defaultdict(list)
        rows = (Product.objects.published().filter(producer_id__in=[p.pk for p in producers])
                .values_list("producer_id", "nom", "category__nom", "category__parent__nom"))
        for producer_id, *texts in rows:
            catalogue[producer_id].extend(t for t in texts if t)
        documents = [_producer_document(p, catalogue[p.pk]) for p in producers]
        backend.write("producer", documents)
        backend.delete("producer", sorted(set(chunk) - {d.id for d in documents}))


def remove_products(product_ids: Sequence[int]) -> None:
    get_backend().delete("product", list(product_ids))


def remove_producers(producer_ids: Sequence[int]) -> None:
    get_backend().delete("producer", list(producer_ids))


def rebuild_index() -> None:
    """Rebuild the whole index from the catalogue."""
    from producers.models import Producer, Product

    get_backend().clear()
    index_producer_documents(Producer.objects.public().values_list("pk", flat=True))
    index_products(Product.objects.published().values_list("pk", flat=True))


def _product_document(product) -> Document:  # type: ignore[no-untyped-def]
    category = product.category
    category_text = " ".join([category.nom, category.parent.nom if category.parent else "",
                              *(label.nom for label in product.labels.all())])
    return Document(
        id=product.pk,
        name=document_text(product.nom),
        category=document_text(category_text),
        producer=document_text(product.producer.nom),
        commune=document_text(product.producer.commune.nom),
        description=document_text(product.description),
    )


def _producer_document(producer, catalogue: list[str]) -> Document:  # type: ignore[no-untyped-def]
    labels = [label.nom for label in producer.labels.all()]
    return Document(
        id=producer.pk,
        name=document_text(producer.nom),
        category=document_text(" ".join(dict.fromkeys([*catalogue, *labels]))),
        producer="",
        commune=document_text(producer.commune.nom),
        description=document_text(producer.description),
    )
