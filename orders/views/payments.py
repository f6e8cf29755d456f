"""Online payment pages: paying a checkout's orders (again) from its link, the producer's
Stripe connection, and the payment incidents for staff."""

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from marketplace.common.urls import absolute_url
from orders.models import Checkout, PaymentIncident
from orders.payments import accounts, services
from orders.payments.stripe_client import PaymentsUnavailable
from orders.selectors import checkout_for_token
from producers.views.common import current_producer, render_dashboard


def start_payment(request: HttpRequest, checkout: Checkout) -> HttpResponse:
    """Off to Stripe's payment page; back to the order's page with a clear message if Stripe
    cannot be reached (the orders stay held, the buyer can retry from there)."""
    tracking = absolute_url(checkout.get_absolute_url(), request)
    try:
        url = services.payment_start(checkout=checkout, success_url=f"{tracking}?paiement=ok",
                                     cancel_url=f"{tracking}?paiement=annule")
    except PaymentsUnavailable as error:
        messages.error(request, str(error))
        return redirect(checkout)
    except ValidationError as error:
        messages.info(request, " ".join(error.messages))
        return redirect(checkout)
    return redirect(url)


@require_POST
def pay(request: HttpRequest, token: str) -> HttpResponse:
    return start_payment(request, checkout_for_token(token))


def _urls(request: HttpRequest, slug: str) -> tuple[str, str]:
    return (absolute_url(reverse("orders:payment_refresh", kwargs={"slug": slug}), request),
            absolute_url(reverse("orders:payment_return", kwargs={"slug": slug}), request))


@login_required
def payment_account(request: HttpRequest, slug: str) -> HttpResponse:
    producer = current_producer(request, slug)
    if request.method == "POST":
        return _onboard(request, producer)
    return render_dashboard(request, "orders/dashboard/payment_account.html", producer, {
        "state": accounts.connection_state(producer), "sub": "payment",
    }, section="orders")


def _onboard(request: HttpRequest, producer) -> HttpResponse:  # type: ignore[no-untyped-def]
    refresh_url, return_url = _urls(request, producer.slug)
    try:
        url = accounts.onboarding_link(producer=producer, refresh_url=refresh_url,
                                       return_url=return_url)
    except PaymentsUnavailable as error:
        messages.error(request, str(error))
        return redirect("orders:payment_account", slug=producer.slug)
    return redirect(url)


@login_required
def payment_refresh(request: HttpRequest, slug: str) -> HttpResponse:
    """Stripe sends the producer here when its onboarding link expired: a new one."""
    return _onboard(request, current_producer(request, slug))


@login_required
def payment_return(request: HttpRequest, slug: str) -> HttpResponse:
    producer = current_producer(request, slug)
    try:
        state = accounts.account_refresh(producer=producer)
    except PaymentsUnavailable as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Votre compte Stripe est actif : vos clients peuvent payer "
                                    "en ligne.") if state == "active" else _(
            "Stripe vérifie vos informations : le paiement en ligne sera proposé dès que votre "
            "compte sera validé."))
    return redirect("orders:payment_account", slug=producer.slug)


@staff_member_required
def payment_incidents(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        incident = request.POST.get("incident", "")
        if incident.isdigit() and PaymentIncident.objects.filter(
                pk=int(incident), resolved_at__isnull=True).update(resolved_at=timezone.now()):
            messages.success(request, _("Incident marqué comme réglé."))
        else:
            messages.error(request, _("Incident introuvable ou déjà réglé."))
        return redirect("orders:payment_incidents")
    incidents = PaymentIncident.objects.select_related("order__checkout", "order__producer")
    return render(request, "orders/payment_incidents.html", {
        "open": incidents.filter(resolved_at__isnull=True)[:200],
        "resolved": incidents.filter(resolved_at__isnull=False)[:50],
    })
