"""Reads for orders: a producer's schedule and offered slots, its orders by pickup day, a
buyer's checkouts. Permission rules stay where they are: the producer area's
`producers.selectors.producer_for_user`, and the checkout's unguessable token for buyers."""

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import (
    BooleanField,
    Exists,
    ExpressionWrapper,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
)
from django.http import Http404
from django.utils import timezone

from orders.models import (
    Checkout,
    Closure,
    Order,
    OrderingSettings,
    OrderLine,
    PickupSlot,
    PickupWindow,
)
from orders.scheduling import Schedule, Slot, paris, parse_slot_key
from producers.models import OpeningHours, PointOfSaleKind, Producer, Product


def ordering_settings(producer: Producer) -> OrderingSettings:
    """The producer's settings; an unsaved default (ordering closed) when it never set them."""
    found = OrderingSettings.objects.filter(producer=producer).first()
    return found or OrderingSettings(producer=producer)


def schedule_for(producer: Producer, *, since: date | None = None) -> Schedule:
    """`since`: closures and holiday openings before that day are left out (a few rows a year
    per producer: by default all are read)."""
    settings = ordering_settings(producer)
    windows = list(PickupWindow.objects.filter(producer=producer, is_active=True)
                   .exclude(_off_market_day()).select_related("point_of_sale__commune"))
    closures = Closure.objects.filter(producer=producer)
    openings = producer.holiday_openings.all()
    if since is not None:
        closures, openings = closures.filter(ends_on__gte=since), openings.filter(date__gte=since)
    return Schedule(settings=settings, windows=windows, closures=list(closures),
                    holiday_openings=frozenset(openings.values_list("date", flat=True)))


def windows_listed(producer: Producer) -> QuerySet[PickupWindow]:
    """The producer's weekly windows for its dashboard, each marked `off_market_day` when its
    market is no longer held that day: the producer must see why it offers nothing."""
    return (producer.pickup_windows.select_related("point_of_sale")
            .annotate(off_market_day=ExpressionWrapper(_off_market_day(),
                                                       output_field=BooleanField()))
            .order_by("weekday", "starts", "pk"))


def _off_market_day() -> Q:
    """A window at a market on a day the market no longer holds (its days changed since the
    window was set up): it offers no slot, or buyers would come to an empty square."""
    hours = OpeningHours.objects.filter(point_of_sale=OuterRef("point_of_sale"))
    return (Q(point_of_sale__kind=PointOfSaleKind.MARKET) & Q(Exists(hours))
            & ~Q(Exists(hours.filter(weekday=OuterRef("weekday")))))


def booked_counts(window_ids: Iterable[int], starts: datetime,
                  ends: datetime) -> dict[tuple[int, datetime], int]:
    rows = PickupSlot.objects.filter(window_id__in=list(window_ids), starts_at__gte=starts,
                                     starts_at__lte=ends)
    return {(r.window_id, r.starts_at): r.booked for r in rows}


def offered_slots(producer: Producer, *, now: datetime | None = None,
                  schedule: Schedule | None = None,
                  days: Iterable[date] | None = None) -> list[Slot]:
    """The slots a buyer can book now at this producer (two queries for the bookings)."""
    now = now or timezone.now()
    schedule = schedule or schedule_for(producer)
    candidates = schedule.candidates(now=now, days=days)
    if not candidates:
        return []
    booked = booked_counts({s.window_id for s in candidates}, candidates[0].starts_at,
                           candidates[-1].starts_at)
    return schedule.offered(now=now, booked=booked, days=days)


def slot_for_key(producer: Producer, key: str, *, now: datetime | None = None,
                 schedule: Schedule | None = None) -> Slot | None:
    """The offered slot a form posted, if it still is one of this producer's (else None)."""
    parsed = parse_slot_key(key)
    if parsed is None:
        return None
    window_id, local_start = parsed
    for slot in offered_slots(producer, now=now, schedule=schedule, days=[local_start.date()]):
        if slot.window_id == window_id and slot.starts_at.replace(tzinfo=None) == local_start:
            return slot
    return None


def windows_by_id(producer: Producer) -> dict[int, PickupWindow]:
    return {w.pk: w for w in PickupWindow.objects.filter(producer=producer)
            .select_related("point_of_sale__commune")}


def _with_lines(orders: QuerySet[Order]) -> QuerySet[Order]:
    return orders.select_related("checkout", "producer").prefetch_related(
        Prefetch("lines", OrderLine.objects.order_by("pk")))


def producer_orders(producer: Producer, *, day: date | None = None,
                    status: str | None = None, upcoming: bool = False) -> QuerySet[Order]:
    """The producer's orders by pickup time; `day` (Paris): those picked up that day."""
    orders = Order.objects.filter(producer=producer)
    if day is not None:
        start = datetime.combine(day, datetime.min.time(), tzinfo=paris())
        orders = orders.filter(pickup_starts_at__gte=start,
                               pickup_starts_at__lt=start + timedelta(days=1))
    if status:
        orders = orders.filter(status=status)
    if upcoming:
        start = datetime.combine(timezone.localdate(), datetime.min.time(), tzinfo=paris())
        orders = orders.filter(pickup_starts_at__gte=start)
    return _with_lines(orders).order_by("pickup_starts_at", "pk")


def orders_by_day(orders: Iterable[Order]) -> list[tuple[date, list[Order]]]:
    days: dict[date, list[Order]] = defaultdict(list)
    for order in orders:
        days[order.pickup_starts_at.astimezone(paris()).date()].append(order)
    return sorted(days.items())


def producer_order(producer: Producer, pk: int) -> Order:
    order = _with_lines(Order.objects.filter(producer=producer, pk=pk)).first()
    if order is None:
        raise Http404("Commande introuvable.")
    return order


def packing_totals(orders: Iterable[Order]) -> list[tuple[str, str, int]]:
    """What to prepare for a day: (product, unit, total quantity), active orders only."""
    totals: dict[tuple[str, str], int] = defaultdict(int)
    for order in orders:
        if order.is_active:
            for line in order.lines.all():
                totals[(line.product_name, line.unit)] += line.quantity
    return [(name, unit, qty) for (name, unit), qty in sorted(totals.items())]


def checkout_for_token(token: str) -> Checkout:
    checkout = (Checkout.objects.filter(token=token)
                .prefetch_related(Prefetch("orders", _with_lines(Order.objects.all())
                                           .order_by("pickup_starts_at", "pk"))).first())
    if checkout is None:
        raise Http404("Commande introuvable.")
    return checkout


def checkout_order(checkout: Checkout, pk: int) -> Order:
    for order in checkout.orders.all():
        if order.pk == pk:
            return order
    raise Http404("Commande introuvable.")


def checkouts_for_user(user: Any) -> QuerySet[Checkout]:
    if not user.is_authenticated:
        return Checkout.objects.none()
    return (Checkout.objects.filter(user=user)
            .prefetch_related(Prefetch("orders", _with_lines(Order.objects.all())
                                       .order_by("pickup_starts_at", "pk")))
            .order_by("-created_at", "-pk"))


def product_has_orders(product: Product) -> bool:
    """Orders name it: removing it archives it instead (its lines protect it)."""
    return OrderLine.objects.filter(product=product).exists()
