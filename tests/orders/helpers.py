"""Small helpers of the orders tests: choose slots, place a checkout as a buyer would."""

from decimal import Decimal

from orders import services
from orders.models import Checkout, Order, PickupSlot
from orders.scheduling import Slot
from orders.selectors import offered_slots
from producers.models import Product

BUYER = services.Buyer(name="Camille Martin", email="camille@example.test",
                       phone="06 12 34 56 78")


def first_slot(farm, *, market: bool = False) -> Slot:
    point = farm.market if market else farm.farm
    return next(s for s in offered_slots(farm.producer) if s.point_of_sale_id == point.pk)


def place(items: dict[Product, int], slots: dict, *, buyer=BUYER, note: str = "",
          prices: dict | None = None) -> Checkout:
    """Place a checkout for {product: quantity}, with {farm: slot} chosen."""
    return services.checkout_place(
        quantities={p.pk: q for p, q in items.items()},
        prices_seen=prices if prices is not None else {p.pk: p.price for p in items},
        choices={farm.producer.pk: services.ProducerChoice(slot=slot.key, note=note)
                 for farm, slot in slots.items()},
        buyer=buyer)


def state(*products: Product) -> dict:
    """What a failed checkout must leave untouched: stock, orders, booked places."""
    return {
        "stock": {p.pk: Product.objects.get(pk=p.pk).stock for p in products},
        "orders": Order.objects.count(), "checkouts": Checkout.objects.count(),
        "booked": sum(PickupSlot.objects.values_list("booked", flat=True)),
    }


def money(value: str) -> Decimal:
    return Decimal(value)
