"""The checkout (/commande/): who orders, a slot and a note per producer, then one order per
producer placed in one transaction (orders.services.checkout_place)."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from orders import services
from orders.cart import Cart, ProducerCart
from orders.forms import CheckoutForm
from orders.models import PaymentMethod
from orders.scheduling import Slot
from orders.selectors import offered_slots, ordering_settings
from orders.services.checkout import allowed_payment_methods
from orders.views.payments import start_payment
from producers.models import PointOfSale

SESSION_CHECKOUTS = "checkouts"  # the tokens of this visitor's checkouts, newest first


def _initial(request: HttpRequest) -> dict[str, str]:
    user: Any = request.user
    if not user.is_authenticated:
        return {}
    return {"name": user.get_full_name(), "email": user.email}


def _context(carts: list[ProducerCart]) -> tuple[dict[int, list[Slot]], dict[int, PointOfSale],
                                                 dict[int, Any]]:
    slots, settings = {}, {}
    for cart in carts:
        settings[cart.producer.pk] = ordering_settings(cart.producer)
        slots[cart.producer.pk] = offered_slots(cart.producer)
    places = {p.pk: p for p in PointOfSale.objects.filter(
        producer__in=[c.producer for c in carts]).select_related("commune")}
    return slots, places, settings


def checkout(request: HttpRequest) -> HttpResponse:
    cart = Cart(request.session)
    carts = cart.by_producer()
    slots, places, settings = _context(carts)
    methods = {c.producer.pk: allowed_payment_methods(c.producer, settings[c.producer.pk])
               for c in carts}
    form = CheckoutForm(request.POST or None, carts=carts, slots=slots, places=places,
                        methods=methods, initial=_initial(request))
    if request.method == "POST" and carts and form.is_valid():
        data = form.cleaned_data
        choices = {c.producer.pk: services.ProducerChoice(
            slot=data[f"slot_{c.producer.pk}"], note=data[f"note_{c.producer.pk}"],
            payment_method=data[f"payment_{c.producer.pk}"] or methods[c.producer.pk][0])
            for c in carts}
        try:
            placed = services.checkout_place(
                quantities=cart.quantities(), prices_seen=cart.prices_seen(), choices=choices,
                buyer=services.Buyer(name=data["name"], email=data["email"],
                                     phone=data["phone"], user=request.user))
        except ValidationError as error:
            _show(form, error)
            # The page now shows the new prices: confirming again accepts them.
            cart.accept_prices(line.product for c in carts for line in c.lines)
        else:
            cart.clear()
            tokens = [placed.token, *request.session.get(SESSION_CHECKOUTS, [])][:20]
            request.session[SESSION_CHECKOUTS] = tokens
            if placed.orders.filter(payment_method=PaymentMethod.ONLINE).exists():
                messages.info(request, _("Votre commande %(ref)s est réservée : il reste à payer "
                                         "en ligne.") % {"ref": placed.reference})
                return start_payment(request, placed)
            messages.success(request, _("Merci ! Votre commande %(ref)s est enregistrée. Un "
                                        "e-mail de confirmation vous a été envoyé.")
                             % {"ref": placed.reference})
            return redirect(placed)
    elif request.method == "POST" and not carts:
        return redirect("orders:cart")
    sections = [{"cart": c, "fields": form.producer_fields(c.producer.pk),
                 "settings": settings[c.producer.pk], "has_slots": bool(slots[c.producer.pk]),
                 "methods": methods[c.producer.pk]} for c in carts]
    return render(request, "orders/checkout.html", {
        "form": form, "sections": sections, "carts": carts,
        "total": sum(c.total for c in carts),
        "any_online": any(PaymentMethod.ONLINE in m for m in methods.values()),
    }, status=400 if form.errors else 200)


def _show(form: CheckoutForm, error: ValidationError) -> None:
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for key, messages_ in error.message_dict.items():
        # Anything that is not one of the form's fields is said at the top.
        form.add_error(key if key in form.fields and key != NON_FIELD_ERRORS else None,
                       messages_)
