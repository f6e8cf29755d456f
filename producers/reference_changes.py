"""Search documents kept in step with the reference data they quote.

A product's document holds its category's and parent's names and its labels; a producer's, its
commune, the categories it sells and its labels (producers/indexing.py). When staff rename or
remove one of those in the admin, the documents that hold it are rewritten through the one
indexing path.
"""

from collections.abc import Sequence
from typing import Any

from django.db.models import Q

from marketplace.reference.models import Category, Commune, Label
from producers.indexing import index_producers, index_products
from producers.models import Producer, Product


def reindex_for_reference(sender: type[Any], ids: Sequence[int], **_: Any) -> None:
    if sender is Category:
        products = Product.objects.filter(Q(category_id__in=ids) | Q(category__parent_id__in=ids))
    elif sender is Label:
        products = Product.objects.filter(labels__in=ids)
        index_producers(Producer.objects.filter(labels__in=ids).values_list("pk", flat=True),
                        with_products=False)
    elif sender is Commune:
        # A producer's commune is in its document and in each of its products'.
        index_producers(Producer.objects.filter(commune_id__in=ids).values_list("pk", flat=True))
        return
    else:
        return
    rows = list(products.values_list("pk", "producer_id").distinct())
    index_products([pk for pk, _ in rows], producer_ids={producer for _, producer in rows})
