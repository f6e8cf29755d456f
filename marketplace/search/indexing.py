"""Keeping the search index in step with the catalogue.

Saves through the ORM are indexed automatically; bulk writes (imports, bulk_create/update)
must call these functions once their transaction has committed data.
"""

from collections.abc import Iterable


def index_products(product_ids: Iterable[int]) -> None:
    """(Re)index these products; ids of deleted or unpublished products are removed."""
    # Filled in by the search work (issue 4).


def index_producers(producer_ids: Iterable[int]) -> None:
    """(Re)index every product of these producers (name, commune or status changed)."""
    # Filled in by the search work (issue 4).


def rebuild_index() -> None:
    """Rebuild the whole index from the catalogue."""
    # Filled in by the search work (issue 4).
