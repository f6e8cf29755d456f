"""The producer's orders (/espace-producteur/ferme/<slug>/commandes/…): by pickup day, one
order with its moves, the day's packing list (printable) and the CSV export for the accounts."""

from datetime import date, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from marketplace.common.spreadsheet import SafeWriter
from orders import services, states
from orders.forms import ProducerCancelForm
from orders.models import OrderStatus
from orders.scheduling import paris
from orders.selectors import (
    ordering_settings,
    orders_by_day,
    packing_totals,
    producer_order,
    producer_orders,
)
from producers.views.common import current_producer, render_dashboard

SECTION = "orders"


def _day(request: HttpRequest) -> date | None:
    raw = request.GET.get("jour", "")
    try:
        return date.fromisoformat(raw) if raw else None
    except ValueError:
        return None


def _moves(order) -> list:  # type: ignore[no-untyped-def]
    """The producer's buttons for this order: (transition name, verb, needs a reason)."""
    return [states.ORDER.transition(name) for name in states.PRODUCER_TRANSITIONS
            if order.status in states.ORDER.transition(name).sources]


@login_required
def order_list(request: HttpRequest, slug: str) -> HttpResponse:
    producer = current_producer(request, slug)
    day = _day(request)
    status = request.GET.get("statut", "")
    if status not in OrderStatus.values:
        status = ""
    orders = list(producer_orders(producer, day=day, status=status or None,
                                  upcoming=day is None))
    for order in orders:
        order.moves = _moves(order)  # type: ignore[attr-defined]
    bad_day = bool(request.GET.get("jour")) and day is None
    return render_dashboard(request, "orders/dashboard/order_list.html", producer, {
        "days": orders_by_day(orders), "day": day, "status": status,
        "statuses": OrderStatus.choices, "bad_day": bad_day,
        "settings": ordering_settings(producer), "today": timezone.localdate(), "sub": "orders",
    }, section=SECTION, status=400 if bad_day else 200)


@login_required
def order_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    producer = current_producer(request, slug)
    order = producer_order(producer, pk)
    name = request.POST.get("transition", "")
    # Only the cancellation has a form to check (its reason); the other moves are buttons.
    cancel_form = ProducerCancelForm(request.POST if name == "producer_cancel" else None)
    problems: list[str] = []
    if request.method == "POST" and (name != "producer_cancel" or cancel_form.is_valid()):
        if name not in states.PRODUCER_TRANSITIONS:
            problems.append(_("Action inconnue."))
        else:
            try:
                services.order_transition(order=order, name=name, actor=request.user,
                                          reason=request.POST.get("reason", ""))
            except ValidationError as error:
                problems += error.messages
            else:
                messages.success(request, _("Commande %(numero)s : %(statut)s.")
                                 % {"numero": order.number,
                                    "statut": order.get_status_display().lower()})
                return redirect("orders:order_detail", slug=producer.slug, pk=order.pk)
    failed = bool(problems or cancel_form.errors)
    return render_dashboard(request, "orders/dashboard/order_detail.html", producer, {
        "order": order, "moves": _moves(order), "cancel_form": cancel_form,
        "problems": problems, "failed": failed,
        "history": order.status_changes.select_related("actor").order_by("at", "pk"),
    }, section=SECTION, status=400 if failed else 200)


@login_required
@require_POST
def order_move(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """A button of the list (no reason needed): the move, then back to the list."""
    producer = current_producer(request, slug)
    order = producer_order(producer, pk)
    name = request.POST.get("transition", "")
    if name not in states.PRODUCER_TRANSITIONS or name == "producer_cancel":
        return redirect("orders:order_detail", slug=producer.slug, pk=order.pk)
    try:
        services.order_transition(order=order, name=name, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Commande %(numero)s : %(statut)s.")
                         % {"numero": order.number, "statut":
                            order.get_status_display().lower()})
    return redirect("orders:orders", slug=producer.slug)


@login_required
def packing_list(request: HttpRequest, slug: str) -> HttpResponse:
    producer = current_producer(request, slug)
    day = _day(request) or timezone.localdate()
    orders = [o for o in producer_orders(producer, day=day) if o.is_active]
    return render_dashboard(request, "orders/dashboard/packing_list.html", producer, {
        "day": day, "orders": orders, "totals": packing_totals(orders),
        "previous": day - timedelta(days=1), "next": day + timedelta(days=1), "sub": "packing",
    }, section=SECTION)


CSV_COLUMNS = ["commande", "passee_le", "statut", "paiement", "etat_paiement", "retrait_debut",
               "retrait_fin", "lieu", "client", "email", "telephone", "produit", "unite",
               "quantite", "prix_unitaire_ttc", "total_ligne_ttc", "total_commande_ttc"]


@login_required
def orders_csv(request: HttpRequest, slug: str) -> HttpResponse:
    """One row per order line, for the producer's accounts (`du`/`au`: pickup days)."""
    producer = current_producer(request, slug)
    start, end = _range(request)
    orders = producer_orders(producer).filter(pickup_starts_at__date__gte=start,
                                              pickup_starts_at__date__lte=end)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (f'attachment; filename="commandes-{producer.slug}-'
                                       f'{start}-{end}.csv"')
    response.write("\ufeff")  # spreadsheet programs then read the accents right
    # Buyers type their names: a cell must never run as a formula in the producer's sheet.
    writer = SafeWriter(response, delimiter=";")
    writer.writerow(CSV_COLUMNS)
    for order in orders:
        for line in order.lines.all():
            writer.writerow([
                order.number, order.placed_at.astimezone(paris()).strftime("%Y-%m-%d %H:%M"),
                order.get_status_display(), order.get_payment_method_display(),
                order.get_payment_status_display(),
                order.pickup_starts_at.astimezone(paris()).strftime("%Y-%m-%d %H:%M"),
                order.pickup_ends_at.astimezone(paris()).strftime("%Y-%m-%d %H:%M"),
                order.pickup_place, order.checkout.name, order.checkout.email,
                order.checkout.phone, line.product_name, line.unit, line.quantity,
                f"{line.unit_price:.2f}".replace(".", ","),
                f"{line.total:.2f}".replace(".", ","), f"{order.total:.2f}".replace(".", ","),
            ])
    return response


def _range(request: HttpRequest) -> tuple[date, date]:
    today = timezone.localdate()
    try:
        start = date.fromisoformat(request.GET.get("du", ""))
    except ValueError:
        start = today.replace(day=1)
    try:
        end = date.fromisoformat(request.GET.get("au", ""))
    except ValueError:
        end = today + timedelta(days=60)
    return start, max(start, end)
