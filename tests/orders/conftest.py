"""Farms that take orders: a farm open every day and a Saturday market stall, products with and
without stock, their owners, and buyers' clients."""

from dataclasses import dataclass, field
from datetime import time
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from orders import services
from orders.models import PickupWindow
from producers.models import MemberRole, PointOfSale, PointOfSaleKind, Producer, Product
from tests.factories import (
    MembershipFactory,
    PointOfSaleFactory,
    ProducerFactory,
    ProductFactory,
    UserFactory,
    commune,
)

SATURDAY = 6


@dataclass(eq=False)
class Farm:
    producer: Producer
    farm: PointOfSale
    market: PointOfSale
    farm_windows: list[PickupWindow]
    market_window: PickupWindow
    products: dict[str, Product]
    user: Any
    client: Client
    api: APIClient
    extra: dict[str, Any] = field(default_factory=dict)


def open_farm(*, nom: str, slug: str, email: str, capacity: int = 4, lead_time_hours: int = 0,
              horizon_days: int = 14, minimum: str = "0", stock: int | None = 10,
              code: str = "46042") -> Farm:
    producer = ProducerFactory.create(nom=nom, slug=slug, commune=commune(code),
                                      offers_pickup=False, email=f"contact@{slug}.test",
                                      latitude=None, longitude=None)
    user = UserFactory.create(username=email, first_name="Jeanne", last_name=nom)
    MembershipFactory.create(producer=producer, user=user, role=MemberRole.OWNER)
    farm = PointOfSaleFactory.create(producer=producer, kind=PointOfSaleKind.FARM,
                                     nom=f"À la ferme — {nom}", address="Lieu-dit La Borie")
    market = PointOfSaleFactory.create(producer=producer, kind=PointOfSaleKind.MARKET,
                                       nom="Marché de Cahors, place Chapou",
                                       hours=[(SATURDAY, time(7, 30), time(12, 30))],
                                       commune=commune("46042"))
    services.ordering_settings_update(producer=producer, data={
        "is_open": True, "lead_time_hours": lead_time_hours, "horizon_days": horizon_days,
        "slot_minutes": 30, "minimum_amount": Decimal(minimum)})
    farm_windows = [services.pickup_window_create(producer=producer, data={
        "point_of_sale": farm, "weekday": day, "starts": time(8, 0), "ends": time(20, 0),
        "capacity": capacity}) for day in range(1, 8)]
    market_window = services.pickup_window_create(producer=producer, data={
        "point_of_sale": market, "weekday": SATURDAY, "starts": time(8, 0),
        "ends": time(12, 0), "capacity": capacity})
    products = {
        "cheese": ProductFactory.create(producer=producer, nom=f"Rocamadour {slug}",
                                        price=Decimal("1.20"), stock=stock),
        "bread": ProductFactory.create(producer=producer, nom=f"Pain {slug}",
                                       price=Decimal("4.50"), stock=None),
    }
    client = Client()
    client.force_login(user)
    api = APIClient()
    token, _created = Token.objects.get_or_create(user=user)
    api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    producer.refresh_from_db()
    return Farm(producer, farm, market, farm_windows, market_window, products, user, client,
                api)


@pytest.fixture
def borie(lot_communes) -> Farm:
    return open_farm(nom="La Borie", slug="la-borie", email="jeanne@borie.test")


@pytest.fixture
def mas(lot_communes) -> Farm:
    return open_farm(nom="Le Mas", slug="le-mas", email="paul@mas.test", code="46102")
