"""The one path for stock: every change (dashboard, API, import, orders) locks the product row.

`stock` None means "made to order" (nothing to count). Rows are always locked in ascending id
order, so two writers that touch the same products cannot deadlock; on SQLite, whose writers are
serialized by the database (IMMEDIATE transactions), the lock is the write lock itself.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.models import HistoricalRecords

from marketplace.common import cache
from producers.indexing import CATALOGUE
from producers.models import Product

MAX_STOCK = 1_000_000
UNCHANGED = object()  # `seen` not given: the new value is absolute


@dataclass(frozen=True)
class Shortage:
    product_id: int
    wanted: int
    available: int


class OutOfStock(ValidationError):
    """Some products do not have the quantities asked for (nothing was taken)."""

    def __init__(self, shortages: list[Shortage]) -> None:
        self.shortages = shortages
        super().__init__(_("Stock insuffisant."), code="out_of_stock")


def _locked(product_ids: list[int]) -> dict[int, Product]:
    rows = (Product.objects.select_for_update().filter(pk__in=sorted(set(product_ids)))
            .order_by("pk").only("pk", "stock", "updated_at"))
    return {p.pk: p for p in rows}


def _check(value: int | None) -> None:
    if value is not None and not 0 <= value <= MAX_STOCK:
        raise ValidationError({"stock": _("Le stock va de 0 à 1 000 000 (vide : à la demande).")})


@transaction.atomic
def stock_set(*, product: Product, stock: int | None, seen: object = UNCHANGED) -> int | None:
    """Set a product's stock (None: made to order) and return the value stored.

    `seen`: the stock the producer saw when editing. If orders took units since, the producer's
    change is applied as a difference to what is left (saw 10, typed 15, an order took 1: 14),
    so neither the producer's count nor the order's decrement is lost.
    """
    _check(stock)
    current = _locked([product.pk])[product.pk]
    value = stock
    if (seen is not UNCHANGED and isinstance(seen, int) and isinstance(stock, int)
            and current.stock is not None and current.stock != seen):
        value = max(0, current.stock + stock - seen)
    before = current.stock
    _write({product.pk: value}, {product.pk: current})
    product.stock = value
    if value != before:
        _record(product.pk)
    return value


def _record(product_id: int) -> None:
    """A stock a producer or staff typed is public data: it joins the audit trail like any other
    edit. Orders move stock all day and keep their own lines, so `stock_take`/`stock_return`
    write no history; an import is recorded as the import run."""
    request = getattr(HistoricalRecords.context, "request", None)
    user = getattr(request, "user", None)
    Product.history.bulk_history_create(
        [Product.objects.get(pk=product_id)], update=True,
        default_user=user if user is not None and user.is_authenticated else None)


@transaction.atomic
def stock_set_many(values: Mapping[int, int | None]) -> None:
    """Absolute values for many products at once (the import: the file is the count)."""
    for value in values.values():
        _check(value)
    current = _locked(list(values))
    _write({pk: v for pk, v in values.items() if pk in current}, current)


@transaction.atomic
def stock_take(quantities: Mapping[int, int]) -> None:
    """Take these quantities ({product id: units}) or nothing: raises OutOfStock listing every
    product short of them. Products made to order are not counted."""
    current = _locked(list(quantities))
    shortages = [
        Shortage(product_id=pk, wanted=qty, available=_available(current.get(pk)))
        for pk, qty in sorted(quantities.items())
        if _available(current.get(pk), made_to_order=qty) < qty
    ]
    if shortages:
        raise OutOfStock(shortages)
    _write({pk: current[pk].stock - qty for pk, qty in quantities.items()  # type: ignore[operator]
            if current[pk].stock is not None}, current)


@transaction.atomic
def stock_return(quantities: Mapping[int, int]) -> None:
    """Put back units taken by `stock_take` (a cancelled or expired order)."""
    current = _locked(list(quantities))
    _write({pk: current[pk].stock + qty for pk, qty in quantities.items()  # type: ignore[operator]
            if pk in current and current[pk].stock is not None}, current)


def _available(product: Product | None, *, made_to_order: int = 0) -> int:
    """Units that can be taken: none of a deleted product, any number made to order."""
    if product is None:
        return 0
    return made_to_order if product.stock is None else product.stock


def _write(values: Mapping[int, int | None], rows: Mapping[int, Product]) -> None:
    changed = [rows[pk] for pk, value in values.items() if rows[pk].stock != value]
    # Lists show « Épuisé » and count what is available: they follow a product that runs out
    # or comes back. The quantity itself is on the product's page alone, whose cache follows
    # the row's `updated_at`; an order that leaves some units drops no list.
    if any((rows[p.pk].stock == 0) != (values[p.pk] == 0) for p in changed):
        cache.bump(CATALOGUE)
    now = timezone.now()
    for row in changed:
        row.stock = values[row.pk]
        row.updated_at = now
    Product.objects.bulk_update(changed, ["stock", "updated_at"], batch_size=500)
