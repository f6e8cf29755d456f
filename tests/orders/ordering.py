"""A real order of a product, for tests of other apps that need "this product was ordered"."""

from datetime import time

from orders import services
from orders.models import Order
from orders.selectors import offered_slots
from producers.models import PointOfSale, PointOfSaleKind, Product


def ordered(product: Product, quantity: int = 1) -> Order:
    """Open ordering at the product's farm (every day, 8 h – 20 h) and order the product."""
    producer = product.producer
    point = PointOfSale.objects.create(producer=producer, kind=PointOfSaleKind.FARM,
                                       nom="À la ferme", commune=producer.commune)
    services.ordering_settings_update(producer=producer,
                                      data={"is_open": True, "lead_time_hours": 0})
    for day in range(1, 8):
        services.pickup_window_create(producer=producer, data={
            "point_of_sale": point, "weekday": day, "starts": time(8), "ends": time(20)})
    checkout = services.checkout_place(
        quantities={product.pk: quantity}, prices_seen={product.pk: product.price},
        choices={producer.pk: services.ProducerChoice(slot=offered_slots(producer)[0].key)},
        buyer=services.Buyer(name="Camille Martin", email="camille@example.test",
                             phone="06 12 34 56 78"))
    return checkout.orders.get()
