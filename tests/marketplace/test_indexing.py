"""The index stays complete whoever writes: the demo seed, the rebuild command, bulk writes."""

import pytest
from django.core.management import call_command
from django.db import connection

from marketplace.search.indexing import index_products
from producers.models import Producer, Product
from tests.factories import ProducerFactory, category

pytestmark = pytest.mark.django_db


def indexed(table: str = "marketplace_productsearch") -> set[int]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT rowid FROM {table}")  # noqa: S608
        return {row[0] for row in cursor.fetchall()}


def test_seed_demo_leaves_the_index_complete(demo_data):
    assert indexed() == set(Product.objects.published().values_list("pk", flat=True))
    assert indexed("marketplace_producersearch") == set(
        Producer.objects.public().values_list("pk", flat=True))


def test_rebuild_search_index_command(demo_data):
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM marketplace_productsearch")

    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert indexed() == set(Product.objects.published().values_list("pk", flat=True))


def test_bulk_writes_are_indexed_by_index_products(lot_communes):
    producer: Producer = ProducerFactory.create()
    products = Product.objects.bulk_create([
        Product(producer=producer, nom=f"Miel de châtaignier {n}", slug=f"miel-{n}",
                category=category("miels"), price=5) for n in range(3)])
    assert indexed() == set()

    index_products([p.pk for p in products])

    assert indexed() == {p.pk for p in products}


def test_saves_that_touch_no_indexed_field_do_not_reindex(lot_communes,
                                                          django_assert_num_queries):
    producer: Producer = ProducerFactory.create()

    with django_assert_num_queries(1):
        producer.save(update_fields=["is_featured"])
