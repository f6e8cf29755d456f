"""Simultaneous buyers, each in its own thread and database connection: the last unit and the
last place of a slot go to one buyer only, and no checkout deadlocks."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import close_old_connections, connection

from orders import services
from orders.models import Order, PickupSlot
from producers.models import Product
from tests.orders.conftest import open_farm
from tests.orders.helpers import first_slot


def _in_threads(count: int, work) -> list[BaseException]:
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
        thread.join(timeout=120)
    return errors


def _buyer(i: int) -> services.Buyer:
    return services.Buyer(name=f"Client {i}", email=f"client{i}@example.test",
                          phone="06 12 34 56 78")


@pytest.mark.django_db(transaction=True)
def test_fifty_buyers_for_ten_units_sell_exactly_ten(lot_communes):
    farm = open_farm(nom="Ferme Course", slug="ferme-course", email="c@f.test", capacity=100)
    cheese = farm.products["cheese"]  # 10 in stock
    slot = first_slot(farm)
    sold: list[int] = []
    refused: list[str] = []

    def buy(i: int) -> None:
        try:
            services.checkout_place(
                quantities={cheese.pk: 1}, prices_seen={cheese.pk: cheese.price},
                choices={farm.producer.pk: services.ProducerChoice(slot=slot.key)},
                buyer=_buyer(i))
        except ValidationError as error:
            refused.append(error.messages[0])
            return
        sold.append(i)

    errors = _in_threads(50, buy)

    assert errors == []
    assert len(sold) == 10 and len(refused) == 40
    assert set(refused) == {f"« {cheese.nom} » est épuisé."}
    assert Product.objects.get(pk=cheese.pk).stock == 0
    assert Order.objects.count() == 10
    assert PickupSlot.objects.get().booked == 10


@pytest.mark.django_db(transaction=True)
def test_twenty_buyers_for_three_places_book_exactly_three(lot_communes):
    farm = open_farm(nom="Ferme Place", slug="ferme-place", email="p@f.test", capacity=3)
    bread = farm.products["bread"]  # made to order: only the slot limits
    slot = first_slot(farm, market=True)
    booked: list[int] = []

    def buy(i: int) -> None:
        try:
            services.checkout_place(
                quantities={bread.pk: 1}, prices_seen={bread.pk: bread.price},
                choices={farm.producer.pk: services.ProducerChoice(slot=slot.key)},
                buyer=_buyer(i))
        except ValidationError:
            return
        booked.append(i)

    errors = _in_threads(20, buy)

    assert errors == []
    assert len(booked) == 3
    assert PickupSlot.objects.get().booked == 3
    assert Order.objects.filter(pickup_starts_at=slot.starts_at).count() == 3
