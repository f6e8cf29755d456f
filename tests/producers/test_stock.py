"""One locked path for stock: concurrent changes lose nothing, a shortage takes nothing."""

import threading
from decimal import Decimal

import pytest
from django.db import close_old_connections, connection

from producers import services
from producers.models import Product
from producers.services.stock import OutOfStock, Shortage
from tests.factories import ProductFactory


@pytest.mark.django_db
class TestStockService:
    def test_an_edit_keeps_the_units_orders_took_meanwhile(self, lot_communes):
        product = ProductFactory.create(stock=10)
        services.stock_take({product.pk: 1})  # an order, after the producer opened the page

        stored = services.stock_set(product=product, stock=15, seen=10)  # "I added 5"

        assert stored == 14 and Product.objects.get().stock == 14

    def test_an_edit_without_what_was_seen_is_absolute(self, lot_communes):
        product = ProductFactory.create(stock=10)

        services.stock_set(product=product, stock=3)

        assert Product.objects.get().stock == 3

    def test_a_shortage_takes_nothing_and_names_every_short_product(self, lot_communes):
        honey = ProductFactory.create(stock=2)
        nuts = ProductFactory.create(producer=honey.producer, stock=5)
        bread = ProductFactory.create(producer=honey.producer, stock=None)  # made to order

        with pytest.raises(OutOfStock) as error:
            services.stock_take({honey.pk: 3, nuts.pk: 1, bread.pk: 50})

        assert error.value.shortages == [Shortage(product_id=honey.pk, wanted=3, available=2)]
        assert dict(Product.objects.values_list("pk", "stock")) == {
            honey.pk: 2, nuts.pk: 5, bread.pk: None}

    def test_take_and_return(self, lot_communes):
        honey = ProductFactory.create(stock=2)
        bread = ProductFactory.create(producer=honey.producer, stock=None)

        services.stock_take({honey.pk: 2, bread.pk: 7})
        assert dict(Product.objects.values_list("pk", "stock")) == {honey.pk: 0, bread.pk: None}
        services.stock_return({honey.pk: 2, bread.pk: 7})
        assert dict(Product.objects.values_list("pk", "stock")) == {honey.pk: 2, bread.pk: None}

    def test_the_dashboard_quick_edit_goes_through_the_service(self, owner):
        product = ProductFactory.create(producer=owner.producer, stock=10, price=Decimal("4"))
        page = owner.client.get(f"/espace-producteur/ferme/{owner.producer.slug}/produits/")
        assert f'name="p{product.pk}-stock_seen" value="10"' in page.content.decode()
        services.stock_take({product.pk: 4})

        owner.client.post(
            f"/espace-producteur/ferme/{owner.producer.slug}/produits/{product.pk}/rapide/",
            {f"p{product.pk}-price": "4", f"p{product.pk}-stock": "12",
             f"p{product.pk}-stock_seen": "10", f"p{product.pk}-is_available": "on"})

        assert Product.objects.get().stock == 8  # 12 - 10 added to the 6 left

    def test_a_negative_or_huge_stock_is_refused(self, lot_communes):
        product = ProductFactory.create(stock=4)

        with pytest.raises(Exception, match="Le stock va de 0 à 1 000 000"):
            services.stock_set(product=product, stock=-1)

        assert Product.objects.get().stock == 4


def _in_threads(count: int, work) -> list[BaseException]:
    """Run `work(i)` in `count` threads at once, each with its own database connection."""
    errors: list[BaseException] = []
    start = threading.Barrier(count)

    def run(i: int) -> None:
        try:
            start.wait()
            work(i)
        except BaseException as error:  # noqa: BLE001 - reported by the test
            errors.append(error)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


@pytest.mark.django_db(transaction=True)
def test_concurrent_takes_and_edits_lose_nothing(lot_communes):
    product = ProductFactory.create(stock=100)
    shortages = []

    def work(i: int) -> None:
        if i % 4 == 3:  # a producer adding 2 units to the count it saw (100)
            services.stock_set(product=product, stock=102, seen=100)
        else:
            try:
                services.stock_take({product.pk: 1})
            except OutOfStock:
                shortages.append(i)

    errors = _in_threads(16, work)

    assert errors == []
    # 12 orders took one unit each, 4 edits added 2 each: 100 - 12 + 8.
    assert Product.objects.get().stock == 96 and shortages == []


@pytest.mark.django_db(transaction=True)
def test_fifty_buyers_for_ten_units_sell_exactly_ten(lot_communes):
    product = ProductFactory.create(stock=10)
    sold: list[int] = []

    def buy(i: int) -> None:
        try:
            services.stock_take({product.pk: 1})
        except OutOfStock:
            return
        sold.append(i)

    errors = _in_threads(50, buy)

    assert errors == []
    assert len(sold) == 10 and Product.objects.get().stock == 0
