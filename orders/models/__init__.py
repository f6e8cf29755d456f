"""Orders: pickup scheduling (settings, windows, closures, booked slots), checkouts with one order
per producer, their lines, and payments."""

from orders.models.orders import (
    CancelledBy,
    Checkout,
    Order,
    OrderEmail,
    OrderLine,
    OrderStatus,
    OrderStatusChange,
    PaymentMethod,
    PaymentStatus,
)
from orders.models.payments import (
    Payment,
    PaymentIncident,
    PaymentState,
    ProducerTransfer,
    Refund,
    StripeAccount,
    StripeEvent,
)
from orders.models.pickup import (
    Closure,
    HolidayOpening,
    OrderingSettings,
    PickupSlot,
    PickupWindow,
)

__all__ = [
    "CancelledBy", "Checkout", "Closure", "HolidayOpening", "Order", "OrderEmail", "OrderLine",
    "OrderStatus", "OrderStatusChange", "OrderingSettings", "PaymentMethod", "PaymentStatus",
    "Payment", "PaymentIncident", "PaymentState", "PickupSlot", "PickupWindow",
    "ProducerTransfer", "Refund", "StripeAccount", "StripeEvent",
]
