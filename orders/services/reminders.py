"""The day-before reminder: safe to run as often as one likes (each order is reminded once)."""

from datetime import date, datetime, timedelta

from django.utils import timezone

from orders.models import Order, OrderStatus
from orders.scheduling import paris
from orders.tasks import send_order_email

REMINDED = (OrderStatus.CONFIRMED, OrderStatus.PREPARING, OrderStatus.READY)


def pickup_reminders_send(*, day: date | None = None) -> int:
    """Enqueue the reminder of every order picked up on `day` (default: tomorrow, Paris time)
    not reminded yet; returns how many were enqueued."""
    day = day or timezone.localdate() + timedelta(days=1)
    start = datetime.combine(day, datetime.min.time(), tzinfo=paris())
    orders = (Order.objects.filter(status__in=REMINDED, pickup_starts_at__gte=start,
                                   pickup_starts_at__lt=start + timedelta(days=1))
              .exclude(emails__kind="buyer_reminder").values_list("pk", flat=True))
    count = 0
    for order_id in orders:
        send_order_email.enqueue(order_id, "buyer_reminder")
        count += 1
    return count
