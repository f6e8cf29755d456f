"""The catalogue's documents in the search engine: the one path that keeps the index in step.

Every writer of the catalogue (the services, the import, the admin through the services) calls
these functions once, at the end of its write and inside its transaction: the index lives in the
same database, so a rollback undoes the data and its index rows together, and a committed
product is found at once. There are no signals: a bulk write could not fire them, and a save
that fired them would index the same product again before its labels were set.

Only public rows are indexed (published products of approved, active producers); the others are
removed, so any id may be passed, whatever became of its row.
"""

from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from marketplace import search
from marketplace.common import cache
from producers.models import Producer, Product

CHUNK = 1000
# The cache namespace of everything the public reads from the catalogue (lists, counts, the home
# page): bumped on commit by every indexing call, since every catalogue write makes one.
CATALOGUE = cache.CATALOGUE


def _chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    unique = sorted({int(i) for i in ids})
    for start in range(0, len(unique), CHUNK):
        yield unique[start:start + CHUNK]


def index_products(product_ids: Iterable[int], *, producer_ids: Iterable[int] = ()) -> None:
    """(Re)index these products; ids of deleted or unpublished products are removed.
    `producer_ids`: their producers, whose own documents list what they sell, are refreshed
    too (without their other products)."""
    for chunk in _chunks(product_ids):
        # Plain rows, not model instances: a rebuild reads the whole catalogue, and building
        # five objects per product cost more than the text work.
        rows = list(Product.objects.published().filter(pk__in=chunk).values_list(*_PRODUCT_FIELDS))
        labels = _label_words(Product.labels.through.objects.filter(product_id__in=chunk)
                              .order_by("label__nom")
                              .values_list("product_id", "label__nom", "label__nom_en"))
        search.write("product", [_product_document(row, labels[row[0]]) for row in rows])
        search.delete("product", sorted(set(chunk) - {row[0] for row in rows}))
    producer_ids = list(producer_ids)
    if producer_ids:
        index_producers(producer_ids, with_products=False)
    cache.bump(CATALOGUE)


def index_producers(producer_ids: Iterable[int], *, with_products: bool = True) -> None:
    """(Re)index these producers' own documents and, unless told otherwise, every product of
    theirs (their name, commune or status is part of each product's document)."""
    ids = list(producer_ids)
    for chunk in _chunks(ids):
        producers = list(
            Producer.objects.public().filter(pk__in=chunk).select_related("commune")
            .prefetch_related("labels")
        )
        catalogue = _catalogue_words([p.pk for p in producers])
        search.write("producer", [_producer_document(p, catalogue[p.pk]) for p in producers])
        search.delete("producer", sorted(set(chunk) - {p.pk for p in producers}))
        if with_products:
            index_products(Product.objects.filter(producer_id__in=chunk)
                           .values_list("pk", flat=True))
    cache.bump(CATALOGUE)


def rebuild_index() -> None:
    """Rebuild the whole index from the catalogue."""
    search.clear()
    # Unordered: the ids are sorted into chunks anyway, and a million names need no sort.
    index_producers(Producer.objects.public().order_by().values_list("pk", flat=True),
                    with_products=False)
    index_products(Product.objects.published().order_by().values_list("pk", flat=True))


def _catalogue_words(producer_ids: list[int]) -> dict[int, list[str]]:
    """What each producer sells, as words of its document: its published products' names and
    their categories (in French and English)."""
    words: dict[int, list[str]] = defaultdict(list)
    rows = (Product.objects.published().filter(producer_id__in=producer_ids)
            .values_list("producer_id", "nom", "category__nom", "category__nom_en",
                         "category__parent__nom", "category__parent__nom_en"))
    for producer_id, *texts in rows:
        words[producer_id].extend(t for t in texts if t)
    return words


# What a product's document is made of, in this order (see `_product_document`).
_PRODUCT_FIELDS = ("pk", "nom", "description", "producer__nom", "producer__commune__nom",
                   "category__nom", "category__nom_en", "category__parent__nom",
                   "category__parent__nom_en")


def _label_words(rows: Iterable[tuple[int, str, str]]) -> dict[int, list[str]]:
    words: dict[int, list[str]] = defaultdict(list)
    for product_id, *names in rows:
        words[product_id].extend(n for n in names if n)
    return words


def _product_document(row: tuple[Any, ...], labels: list[str]) -> search.Document:
    """Its category and the parent, in French and English (a tourist types « goat cheese »),
    then its labels, make the category field."""
    pk, nom, description, producer, commune, *categories = row
    category_text = " ".join([*(n for n in categories if n), *labels])
    return search.Document(id=pk, name=nom, category=category_text, producer=producer,
                           commune=commune, description=description)


def _producer_document(producer: Producer, catalogue: list[str]) -> search.Document:
    labels = [n for label in producer.labels.all() for n in (label.nom, label.nom_en) if n]
    return search.Document(
        id=producer.pk, name=producer.nom,
        category=" ".join(dict.fromkeys([*catalogue, *labels])), producer="",
        commune=producer.commune.nom, description=producer.description,
    )
