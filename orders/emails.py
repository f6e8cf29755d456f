"""The order e-mails: who receives each kind, its subject and body (templates/orders/emails/),
the calendar file it carries. `send` runs in a task and sends each (order, kind, key) once."""

from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as noop

from marketplace.common.urls import absolute_url
from orders.calendar_file import order_ics
from orders.models import Order, OrderEmail
from orders.scheduling import paris
from producers.models import MemberRole


@dataclass(frozen=True)
class Kind:
    to: str  # "buyer" or "producer"
    template: str
    subject: str
    calendar: bool = False


KINDS = {
    "producer_new": Kind("producer", "producer_new", noop(
        "Nouvelle commande %(numero)s — retrait le %(quand)s")),
    "producer_changed": Kind("producer", "producer_changed", noop(
        "Commande %(numero)s modifiée par le client")),
    "producer_cancelled": Kind("producer", "producer_cancelled", noop(
        "Commande %(numero)s annulée")),
    "buyer_confirmed": Kind("buyer", "buyer_confirmed", noop(
        "Votre commande chez %(producteur)s est confirmée — retrait le %(quand)s"),
        calendar=True),
    "buyer_ready": Kind("buyer", "buyer_ready", noop(
        "Votre commande chez %(producteur)s est prête")),
    "buyer_changed": Kind("buyer", "buyer_changed", noop(
        "Votre commande %(numero)s est modifiée"), calendar=True),
    "buyer_cancelled": Kind("buyer", "buyer_cancelled", noop(
        "Votre commande %(numero)s est annulée"), calendar=True),
    "buyer_reminder": Kind("buyer", "buyer_reminder", noop(
        "Rappel : retrait demain chez %(producteur)s, %(heure)s"), calendar=True),
}


def producer_recipients(order: Order) -> list[str]:
    if order.producer.email:
        return [order.producer.email]
    owners = order.producer.memberships.filter(role=MemberRole.OWNER).select_related("user")
    return sorted({m.user.email for m in owners if m.user.email})


def build(order: Order, kind: str) -> EmailMessage | None:
    spec = KINDS[kind]
    starts = order.pickup_starts_at.astimezone(paris())
    tracking = absolute_url(order.checkout.get_absolute_url())
    context = {
        "order": order, "checkout": order.checkout, "lines": list(order.lines.all()),
        "starts": starts, "ends": order.pickup_ends_at.astimezone(paris()),
        "tracking_url": tracking, "site_url": settings.SITE_URL,
        "dashboard_url": absolute_url(f"/espace-producteur/ferme/{order.producer.slug}/"
                                      f"commandes/{order.pk}/"),
    }
    recipients = ([order.checkout.email] if spec.to == "buyer"
                  else producer_recipients(order))
    if not recipients:
        return None
    subject = _(spec.subject) % {
        "numero": order.number, "producteur": order.producer.nom,
        "quand": date_format(starts, "l j F, H\\hi"), "heure": date_format(starts, "H\\hi")}
    body = render_to_string(f"orders/emails/{spec.template}.txt", context)
    message = EmailMessage(subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL,
                           to=recipients,
                           reply_to=[order.checkout.email] if spec.to == "producer" else None)
    if spec.calendar:
        message.attach(f"retrait-{order.number}.ics", order_ics(order, url=tracking),
                       "text/calendar")
    return message


def send(order_id: int, kind: str, key: str = "") -> bool:
    """Send this e-mail unless it already was (True when sent now)."""
    if kind not in KINDS:
        raise ValueError(f"Unknown order e-mail: {kind}")
    with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
        order = (Order.objects.select_related("checkout", "producer")
                 .filter(pk=order_id).first())
        if order is None:
            return False
        _record, created = OrderEmail.objects.get_or_create(order=order, kind=kind, key=key)
        if not created:
            return False
        message = build(order, kind)
        if message is None:
            return False
        # Inside the transaction: if sending fails, the record rolls back and a retry sends.
        message.send()
    return True
