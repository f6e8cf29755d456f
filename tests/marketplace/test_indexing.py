"""One indexing path: every writer of the catalogue writes each changed row's index entry once,
inside its transaction, and the index stays complete (demo seed, rebuild command, bulk writes)."""

from collections import Counter
from decimal import Decimal

import pytest
from django.db import connection, transaction

from marketplace import search
from marketplace.reference.models import Label
from marketplace.search.backends import get_backend
from producers import services
from producers.indexing import index_products
from producers.models import Producer, Product
from tests.factories import ProducerFactory, category

pytestmark = pytest.mark.django_db


def indexed(table: str = "search_product") -> set[int]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT rowid FROM {table}")  # noqa: S608
        return {row[0] for row in cursor.fetchall()}


@pytest.fixture
def index_writes(monkeypatch):
    """How many times each document was written to each index."""
    writes: Counter[tuple[str, int]] = Counter()
    backend = get_backend()
    write = backend.write

    def counting(index, documents):
        writes.update((index, d.id) for d in documents)
        return write(index, documents)

    monkeypatch.setattr(backend, "write", counting)
    return writes


def test_one_product_save_writes_its_index_entry_once(lot_communes, index_writes):
    producer = ProducerFactory.create()
    index_writes.clear()

    product = services.product_create(producer=producer, data={
        "nom": "Rocamadour AOP", "category": category("fromages-de-chevre"),
        "price": Decimal("1.20")}, labels=[Label.objects.get(slug="aop")])

    assert index_writes == {("product", product.pk): 1, ("producer", producer.pk): 1}
    assert list(_ranks("rocamadour")) == [product.pk]


def test_one_product_update_writes_its_index_entry_once(lot_communes, index_writes):
    producer = ProducerFactory.create()
    product = services.product_create(producer=producer, data={
        "nom": "Miel", "category": category("miels"), "price": Decimal("8")})
    index_writes.clear()

    services.product_update(product=product, data={"nom": "Miel de châtaignier"},
                            labels=[Label.objects.get(slug="agriculture-biologique")])

    assert index_writes == {("product", product.pk): 1, ("producer", producer.pk): 1}


def test_a_rolled_back_write_leaves_no_index_entry(lot_communes):
    producer = ProducerFactory.create()
    with pytest.raises(RuntimeError), transaction.atomic():
        services.product_create(producer=producer, data={
            "nom": "Noix", "category": category("noix"), "price": Decimal("5")})
        raise RuntimeError("rollback")

    assert indexed() == set()


def test_bulk_writes_are_indexed_by_index_products(lot_communes):
    producer: Producer = ProducerFactory.create()
    products = Product.objects.bulk_create([
        Product(producer=producer, nom=f"Miel de châtaignier {n}", slug=f"miel-{n}",
                name_key=f"miel {n}", category=category("miels"), price=5) for n in range(3)])
    assert indexed() == set()

    index_products([p.pk for p in products])

    assert indexed() == {p.pk for p in products}


def test_a_price_or_stock_change_does_not_rewrite_the_index(lot_communes, index_writes):
    producer = ProducerFactory.create()
    product = services.product_create(producer=producer, data={
        "nom": "Miel", "category": category("miels"), "price": Decimal("8"), "stock": 4})
    index_writes.clear()

    services.product_quick_update(product=product, price=Decimal("9"), stock=3)

    assert index_writes == {}
    product.refresh_from_db()
    assert (product.price, product.stock) == (Decimal("9.00"), 3)


def _ranks(text: str) -> dict[int, float]:
    found = search.match("product", text)
    assert found is not None
    return dict(found.ranked())
