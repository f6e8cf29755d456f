"""Every write of orders: pickup settings, checkouts, an order's transitions and changes.

Keyword-only, typed functions; each validates before writing, runs in one transaction and
schedules its e-mails on commit (orders.notifications). Callers check permissions first."""

from orders.services.checkout import Buyer, ProducerChoice, checkout_place, slot_error_key
from orders.services.lifecycle import (
    order_cancel_by_buyer,
    order_cancel_by_producer,
    order_collect,
    order_mark_ready,
    order_not_collected,
    order_prepare,
    order_quantities_change,
    order_transition,
    producer_transition_to,
)
from orders.services.pickup import (
    closure_add,
    closure_delete,
    holiday_opening_add,
    holiday_opening_delete,
    ordering_facts_sync,
    ordering_settings_update,
    pickup_window_create,
    pickup_window_delete,
    pickup_window_update,
)
from orders.services.reminders import pickup_reminders_send

__all__ = [
    "Buyer", "ProducerChoice", "checkout_place", "closure_add", "closure_delete",
    "holiday_opening_add", "holiday_opening_delete", "order_cancel_by_buyer",
    "order_cancel_by_producer", "order_collect", "order_mark_ready", "order_not_collected",
    "order_prepare", "order_quantities_change", "order_transition", "ordering_facts_sync",
    "ordering_settings_update", "pickup_reminders_send", "pickup_window_create",
    "pickup_window_delete", "pickup_window_update", "producer_transition_to",
    "slot_error_key",
]
