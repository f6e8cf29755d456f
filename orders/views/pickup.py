"""The producer's pickup settings (/espace-producteur/ferme/<slug>/retrait/): ordering open or
paused, slot length, lead time, horizon, minimum amount; weekly windows at its points of sale;
closures and public holidays opened."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from orders import services
from orders.forms import ClosureForm, HolidayOpeningForm, OrderingSettingsForm, PickupWindowForm
from orders.models import PickupWindow
from orders.selectors import offered_slots, ordering_settings, windows_listed
from producers.models import Producer
from producers.views.common import add_service_error, current_producer, render_dashboard

SECTION = "orders"


def _page(request: HttpRequest, producer: Producer, *, settings_form: OrderingSettingsForm,
          closure_form: ClosureForm | None = None,
          holiday_form: HolidayOpeningForm | None = None, status: int = 200) -> HttpResponse:
    today = timezone.localdate()
    return render_dashboard(request, "orders/dashboard/pickup.html", producer, {
        "settings_form": settings_form,
        "closure_form": closure_form or ClosureForm(),
        "holiday_form": holiday_form or HolidayOpeningForm(),
        "windows": windows_listed(producer),
        "closures": producer.closures.filter(ends_on__gte=today),
        "openings": producer.holiday_openings.filter(date__gte=today),
        "next_slots": offered_slots(producer)[:6],
        "has_points": producer.points_of_sale.exists(), "sub": "pickup",
    }, section=SECTION, status=status)


@login_required
def pickup_settings(request: HttpRequest, slug: str) -> HttpResponse:
    producer = current_producer(request, slug)
    current = ordering_settings(producer)
    form = OrderingSettingsForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            services.ordering_settings_update(producer=producer, data=data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Vos réglages de commande sont enregistrés."))
            return redirect("orders:pickup", slug=producer.slug)
    return _page(request, producer, settings_form=form, status=400 if form.errors else 200)


def _window(producer: Producer, pk: int | None) -> PickupWindow | None:
    if pk is None:
        return None
    window = producer.pickup_windows.filter(pk=pk).first()
    if window is None:
        raise Http404("Plage introuvable.")
    return window


@login_required
def window_edit(request: HttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    producer = current_producer(request, slug)
    window = _window(producer, pk)
    form = PickupWindowForm(request.POST or None, instance=window, producer=producer)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            if window is None:
                services.pickup_window_create(producer=producer, data=data)
            else:
                services.pickup_window_update(window=window, data=data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("La plage de retrait est enregistrée."))
            return redirect("orders:pickup", slug=producer.slug)
    return render_dashboard(request, "orders/dashboard/window_form.html", producer, {
        "form": form, "window": window, "sub": "pickup",
    }, section=SECTION, status=400 if form.errors else 200)


@login_required
@require_POST
def window_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    producer = current_producer(request, slug)
    window = _window(producer, pk)
    assert window is not None
    if services.pickup_window_delete(window=window):
        messages.success(request, _("La plage de retrait est supprimée."))
    else:
        messages.success(request, _("Des commandes sont prévues sur cette plage : elle est "
                                    "désactivée (plus de nouvelles réservations) plutôt que "
                                    "supprimée."))
    return redirect("orders:pickup", slug=producer.slug)


@login_required
@require_POST
def closure_add(request: HttpRequest, slug: str) -> HttpResponse:
    producer = current_producer(request, slug)
    form = ClosureForm(request.POST)
    if form.is_valid():
        try:
            services.closure_add(producer=producer, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("La fermeture est enregistrée."))
            return redirect("orders:pickup", slug=producer.slug)
    return _page(request, producer, settings_form=OrderingSettingsForm(
        instance=ordering_settings(producer)), closure_form=form, status=400)


@login_required
@require_POST
def closure_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    producer = current_producer(request, slug)
    closure = producer.closures.filter(pk=pk).first()
    if closure is None:
        raise Http404("Fermeture introuvable.")
    services.closure_delete(closure=closure)
    messages.success(request, _("La fermeture est supprimée."))
    return redirect("orders:pickup", slug=producer.slug)


@login_required
@require_POST
def holiday_add(request: HttpRequest, slug: str) -> HttpResponse:
    producer = current_producer(request, slug)
    form = HolidayOpeningForm(request.POST)
    if form.is_valid():
        try:
            services.holiday_opening_add(producer=producer, day=form.cleaned_data["date"])
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Vous ouvrez ce jour férié."))
            return redirect("orders:pickup", slug=producer.slug)
    return _page(request, producer, settings_form=OrderingSettingsForm(
        instance=ordering_settings(producer)), holiday_form=form, status=400)


@login_required
@require_POST
def holiday_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    producer = current_producer(request, slug)
    opening = producer.holiday_openings.filter(pk=pk).first()
    if opening is None:
        raise Http404("Jour introuvable.")
    services.holiday_opening_delete(opening=opening)
    messages.success(request, _("Ce jour férié est de nouveau fermé."))
    return redirect("orders:pickup", slug=producer.slug)
