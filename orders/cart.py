"""The session cart: {product id: quantity and the price the buyer saw}, for visitors and
residents alike (Django keeps a session's data when its visitor logs in).

The cart holds no stock: stock and slots are taken only when the order is placed. Reading it
checks every line against the catalogue as it is now (hidden, re-priced, short of stock), so the
cart page says what changed before the checkout refuses it.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.contrib.sessions.backends.base import SessionBase
from django.utils.translation import gettext as _

from orders.models.orders import MAX_QUANTITY
from producers.models import Producer, Product

SESSION_KEY = "cart"


@dataclass
class CartLine:
    product: Product
    quantity: int
    price_seen: Decimal
    problems: list[str] = field(default_factory=list)

    @property
    def total(self) -> Decimal:
        return self.product.price * self.quantity

    @property
    def price_changed(self) -> bool:
        return self.product.price != self.price_seen


@dataclass
class ProducerCart:
    producer: Producer
    lines: list[CartLine]

    @property
    def total(self) -> Decimal:
        return sum((line.total for line in self.lines), Decimal("0"))


def _is_for_sale(product: Product) -> bool:
    return (product.status == "published" and product.producer.is_public
            and product.is_available)


class Cart:
    def __init__(self, session: SessionBase) -> None:
        self.session = session

    def _items(self) -> dict[str, dict[str, Any]]:
        raw = self.session.get(SESSION_KEY)
        return raw if isinstance(raw, dict) else {}

    def _save(self, items: dict[str, dict[str, Any]]) -> None:
        self.session[SESSION_KEY] = items
        self.session.modified = True

    @property
    def count(self) -> int:
        """Units in the cart (for the header's link)."""
        return sum(int(item.get("q", 0)) for item in self._items().values())

    def quantities(self) -> dict[int, int]:
        return {int(pk): int(item["q"]) for pk, item in self._items().items()}

    def prices_seen(self) -> dict[int, Decimal]:
        found = {}
        for pk, item in self._items().items():
            try:
                found[int(pk)] = Decimal(str(item.get("p")))
            except (InvalidOperation, ValueError):
                found[int(pk)] = Decimal("0")
        return found

    def add(self, product: Product, quantity: int) -> int:
        """Add units (capped at the most one line may hold); returns the line's quantity."""
        items = self._items()
        current = int(items.get(str(product.pk), {}).get("q", 0))
        new = min(MAX_QUANTITY, current + quantity)
        items[str(product.pk)] = {"q": new, "p": str(product.price)}
        self._save(items)
        return new

    def set(self, product_id: int, quantity: int) -> None:
        items = self._items()
        if str(product_id) not in items:
            return
        if quantity <= 0:
            del items[str(product_id)]
        else:
            items[str(product_id)]["q"] = min(MAX_QUANTITY, quantity)
        self._save(items)

    def remove(self, product_ids: Iterable[int]) -> None:
        items = self._items()
        for pk in product_ids:
            items.pop(str(pk), None)
        self._save(items)

    def accept_prices(self, products: Iterable[Product]) -> None:
        """The buyer has now seen these prices (after a change was shown to them)."""
        items = self._items()
        for product in products:
            if str(product.pk) in items:
                items[str(product.pk)]["p"] = str(product.price)
        self._save(items)

    def clear(self) -> None:
        self._save({})

    def by_producer(self) -> list[ProducerCart]:
        """The cart's lines checked against the catalogue, grouped by producer (by name).
        Products that no longer exist are dropped from the session."""
        quantities, seen = self.quantities(), self.prices_seen()
        products = {p.pk: p for p in Product.objects.filter(pk__in=list(quantities))
                    .select_related("producer__commune").prefetch_related("photos")}
        gone = set(quantities) - set(products)
        if gone:
            self.remove(gone)
        groups: dict[int, list[CartLine]] = defaultdict(list)
        for pk, product in products.items():
            line = CartLine(product=product, quantity=quantities[pk], price_seen=seen[pk])
            if not _is_for_sale(product):
                line.problems.append(_("Ce produit n'est plus en vente : retirez-le du panier."))
            elif product.stock is not None and product.stock < line.quantity:
                line.problems.append(
                    _("Il n'en reste que %(n)d : réduisez la quantité.") % {"n": product.stock}
                    if product.stock else _("Épuisé : retirez-le du panier."))
            if line.price_changed:
                line.problems.append(_("Le prix a changé depuis votre ajout au panier."))
            groups[product.producer_id].append(line)
        carts = [ProducerCart(producer=lines[0].product.producer,
                              lines=sorted(lines, key=lambda li: (li.product.nom, li.product.pk)))
                 for lines in groups.values()]
        return sorted(carts, key=lambda c: (c.producer.nom, c.producer.pk))
