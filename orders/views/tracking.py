"""The buyer's pages of a checkout, reached by its unguessable link (/commande/suivi/<token>/):
follow each order, change quantities or cancel until the producer starts preparing, and
download the pickup as a calendar file."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from marketplace.common.urls import absolute_url
from orders import services, states
from orders.calendar_file import order_ics
from orders.forms import OrderChangeForm
from orders.models import OrderStatus
from orders.selectors import checkout_for_token, checkout_order


@never_cache
def tracking(request: HttpRequest, token: str) -> HttpResponse:
    checkout = checkout_for_token(token)
    orders = list(checkout.orders.all())
    awaiting = [o for o in orders if o.status == OrderStatus.AWAITING_PAYMENT]
    return render(request, "orders/tracking.html", {
        "checkout": checkout, "orders": orders, "changeable": states.BUYER_CHANGEABLE,
        "awaiting": awaiting, "awaiting_total": sum(o.total for o in awaiting),
        "retention_days": settings.ORDER_PERSONAL_DATA_DAYS,
    })


@never_cache
def order_change(request: HttpRequest, token: str, pk: int) -> HttpResponse:
    checkout = checkout_for_token(token)
    order = checkout_order(checkout, pk)
    lines = list(order.lines.all())
    form = OrderChangeForm(request.POST or None, lines=lines)
    if request.method == "POST" and form.is_valid():
        try:
            services.order_quantities_change(order=order, quantities=form.quantities(),
                                             actor=request.user)
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, _("Votre commande est modifiée. Le producteur est "
                                        "prévenu."))
            return redirect(checkout)
    return render(request, "orders/order_change.html", {
        "checkout": checkout, "order": order, "form": form,
        "lines": [(line, form[f"line_{line.pk}"]) for line in lines],
        "changeable": order.status in states.BUYER_CHANGEABLE,
    }, status=400 if form.errors else 200)


@never_cache
def order_cancel(request: HttpRequest, token: str, pk: int) -> HttpResponse:
    checkout = checkout_for_token(token)
    order = checkout_order(checkout, pk)
    error = None
    if request.method == "POST":
        try:
            services.order_cancel_by_buyer(order=order, actor=request.user)
        except ValidationError:
            error = _("Cette commande ne peut plus être annulée en ligne (le producteur a "
                      "commencé à la préparer) : contactez-le directement.")
        else:
            messages.success(request, _("Votre commande chez %(nom)s est annulée.")
                             % {"nom": order.producer.nom})
            return redirect(checkout)
    return render(request, "orders/order_cancel.html", {
        "checkout": checkout, "order": order, "error": error,
        "changeable": order.status in states.BUYER_CHANGEABLE,
    }, status=400 if error else 200)


def order_calendar(request: HttpRequest, token: str, pk: int) -> HttpResponse:
    checkout = checkout_for_token(token)
    order = checkout_order(checkout, pk)
    body = order_ics(order, url=absolute_url(checkout.get_absolute_url(), request))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="retrait-{order.number}.ics"'
    return response
