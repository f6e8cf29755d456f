"""me/orders/ and me/orders/<id>/transition/: the owner's orders only, moves as on the
dashboard, refusals as 400 with the French message."""

import pytest
from rest_framework.test import APIClient

from orders.models import OrderStatus
from tests.orders.helpers import first_slot, place

pytestmark = pytest.mark.django_db


@pytest.fixture
def order(borie, mas):
    checkout = place({borie.products["cheese"]: 2, mas.products["bread"]: 1},
                     {borie: first_slot(borie, market=True), mas: first_slot(mas)})
    return checkout.orders.get(producer=borie.producer)


def test_the_list_of_my_orders(borie, order):
    response = borie.api.get("/api/v1/me/orders/")

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    item = body["results"][0]
    assert (item["id"], item["status"], item["total"], item["number"]) == (
        order.pk, "confirmed", "2.40", order.number)
    assert item["buyer"] == {"name": "Camille Martin", "email": "camille@example.test",
                             "phone": "06 12 34 56 78"}
    assert item["pickup"]["place"] == "Marché de Cahors, place Chapou"
    assert item["lines"][0]["quantity"] == 2
    assert item["allowed"] == ["preparing", "ready", "cancelled"]


def test_filters_and_their_errors(borie, order):
    assert borie.api.get("/api/v1/me/orders/?status=ready").json()["count"] == 0
    assert borie.api.get("/api/v1/me/orders/?status=nope").status_code == 400
    assert borie.api.get("/api/v1/me/orders/?day=hier").status_code == 400


def test_a_transition(borie, order):
    endpoint = f"/api/v1/me/orders/{order.pk}/transition/"

    ready = borie.api.post(endpoint, {"to": "ready"}, format="json")
    no_reason = borie.api.post(endpoint, {"to": "cancelled"}, format="json")
    backwards = borie.api.post(endpoint, {"to": "preparing"}, format="json")

    assert ready.status_code == 200 and ready.json()["status"] == "ready"
    assert no_reason.status_code == 400 and "reason" in no_reason.json()
    assert backwards.status_code == 400
    assert "Impossible de passer cette commande" in backwards.json()["status"][0]
    order.refresh_from_db()
    assert order.status == OrderStatus.READY


def test_owner_only(borie, mas, order):
    assert mas.api.get("/api/v1/me/orders/").json()["count"] == 1  # its own order only
    assert mas.api.post(f"/api/v1/me/orders/{order.pk}/transition/", {"to": "ready"},
                        format="json").status_code == 404
    assert APIClient().get("/api/v1/me/orders/").status_code == 401
    order.refresh_from_db()
    assert order.status == OrderStatus.CONFIRMED
