"""The pickup as a calendar event (.ics, RFC 5545), attached to e-mails and downloadable."""

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from orders.models import Order, OrderStatus


def order_ics(order: Order, *, url: str) -> bytes:
    """One event per order, with a stable UID: a later file (changed, cancelled) updates the
    same event in the buyer's calendar instead of adding another."""
    calendar = Calendar()
    calendar.add("prodid", "-//Oh my Lot !//achat local//FR")
    calendar.add("version", "2.0")
    cancelled = order.status == OrderStatus.CANCELLED
    calendar.add("method", "CANCEL" if cancelled else "PUBLISH")
    event = Event()
    event.add("uid", f"commande-{order.pk}@ohmylot")
    event.add("dtstamp", timezone.now())
    event.add("sequence", order.status_changes.count())
    event.add("dtstart", order.pickup_starts_at)
    event.add("dtend", order.pickup_ends_at)
    event.add("summary", _("Retrait de ma commande — %(producteur)s")
              % {"producteur": order.producer.nom})
    place = ", ".join(part for part in (order.pickup_place, order.pickup_address,
                                        order.pickup_commune) if part)
    event.add("location", place)
    event.add("description", _("Commande %(numero)s, %(total)s € TTC. Suivi : %(url)s")
              % {"numero": order.number, "total": order.total, "url": url})
    event.add("url", url)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    if order.pickup_latitude is not None and order.pickup_longitude is not None:
        event.add("geo", (order.pickup_latitude, order.pickup_longitude))
    calendar.add_component(event)
    return calendar.to_ical()
