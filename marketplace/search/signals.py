"""Automatic index maintenance for writes through the ORM.

The index is written synchronously, inside the writer's transaction, rather than on
`transaction.on_commit`: it lives in the same database, so a rollback undoes both the data and
its index rows, and there is no window where a committed product is missing from search (nor a
lost update if the process dies between the commit and the callback). Database triggers cannot
do it on SQLite, because the index text needs Python's French stemmer.
"""

from typing import Any

from django.db.models.signals import m2m_changed, post_delete, post_save

from marketplace.search import indexing

# Saves that touch none of these fields leave the index as it was.
PRODUCT_FIELDS = {"nom", "description", "category", "category_id", "status", "producer",
                  "producer_id"}
PRODUCER_FIELDS = {"nom", "description", "commune", "commune_id", "status", "is_active"}


def _touches(update_fields: Any, fields: set[str]) -> bool:
    return update_fields is None or bool(fields.intersection(update_fields))


def product_saved(sender: Any, instance: Any, update_fields: Any = None, raw: bool = False,
                  **kwargs: Any) -> None:
    if raw or not _touches(update_fields, PRODUCT_FIELDS):
        return
    indexing.index_products([instance.pk])
    indexing.index_producer_documents([instance.producer_id])


def product_deleted(sender: Any, instance: Any, **kwargs: Any) -> None:
    indexing.remove_products([instance.pk])
    indexing.index_producer_documents([instance.producer_id])


def producer_saved(sender: Any, instance: Any, update_fields: Any = None, raw: bool = False,
                   **kwargs: Any) -> None:
    if raw or not _touches(update_fields, PRODUCER_FIELDS):
        return
    indexing.index_producers([instance.pk])


def producer_deleted(sender: Any, instance: Any, **kwargs: Any) -> None:
    indexing.remove_producers([instance.pk])


def product_labels_changed(sender: Any, instance: Any, action: str, reverse: bool,
                           pk_set: Any, **kwargs: Any) -> None:
    if not action.startswith("post_"):
        return
    if reverse:  # label.products.add(...): instance is the label
        indexing.index_products(pk_set or [])
    else:
        indexing.index_products([instance.pk])


def producer_labels_changed(sender: Any, instance: Any, action: str, reverse: bool,
                            pk_set: Any, **kwargs: Any) -> None:
    if not action.startswith("post_"):
        return
    indexing.index_producer_documents((pk_set or []) if reverse else [instance.pk])


def connect() -> None:
    from producers.models import Producer, Product

    post_save.connect(product_saved, sender=Product, dispatch_uid="search-product-saved")
    post_delete.connect(product_deleted, sender=Product, dispatch_uid="search-product-deleted")
    post_save.connect(producer_saved, sender=Producer, dispatch_uid="search-producer-saved")
    post_delete.connect(producer_deleted, sender=Producer, dispatch_uid="search-producer-deleted")
    m2m_changed.connect(product_labels_changed, sender=Product.labels.through,
                        dispatch_uid="search-product-labels")
    m2m_changed.connect(producer_labels_changed, sender=Producer.labels.through,
                        dispatch_uid="search-producer-labels")
