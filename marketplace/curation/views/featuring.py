"""Featuring: producers and products on the home page and in campaigns, in order, for a while."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from marketplace.curation.forms import CampaignForm, FeaturingForm
from marketplace.curation.permissions import FEATURE, staff_view
from marketplace.curation.views.common import add_service_error, render_staff
from producers.models import Campaign, Featuring
from producers.services import curation as featuring_services


def _initial_subject(request: HttpRequest) -> dict[str, str]:
    subject = request.GET.get("sujet", "")[:300]
    return {"subject": subject} if subject else {}


@staff_view(FEATURE)
def featurings(request: HttpRequest) -> HttpResponse:
    form = FeaturingForm(request.POST or None, initial=_initial_subject(request))
    if request.method == "POST" and form.is_valid():
        try:
            item = featuring_services.featuring_save(data=form.data_for_service(),
                                                     actor=request.user)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("« %(nom)s » est mis en avant.") % {"nom": item})
            return redirect("curation:featurings")
    today = timezone.localdate()
    items = (Featuring.objects.select_related("campaign", "producer", "product__producer")
             .order_by("campaign__title", "position", "pk"))
    return render_staff(request, "curation/featurings.html", {
        "form": form, "featurings": items, "today": today,
        "campaigns": Campaign.objects.all(),
    }, section="featuring", status=400 if form.errors else 200)


@staff_view(FEATURE)
def featuring_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(Featuring.objects.select_related("producer", "product__producer"),
                             pk=pk)
    subject = item.subject
    initial = {"subject": subject.get_absolute_url(), "campaign": item.campaign,
               "position": item.position, "starts_on": item.starts_on, "ends_on": item.ends_on}
    form = FeaturingForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            featuring_services.featuring_save(featuring=item, data=form.data_for_service())
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Mise en avant modifiée."))
            return redirect("curation:featurings")
    return render_staff(request, "curation/featuring_edit.html", {
        "form": form, "featuring": item}, section="featuring",
        status=400 if form.errors else 200)


@staff_view(FEATURE)
@require_POST
def featuring_delete(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(Featuring, pk=pk)
    featuring_services.featuring_delete(featuring=item)
    messages.success(request, _("Mise en avant retirée."))
    return redirect("curation:featurings")


@staff_view(FEATURE)
def campaign_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    campaign = get_object_or_404(Campaign, pk=pk) if pk is not None else None
    form = CampaignForm(request.POST or None, instance=campaign,
                        initial={"starts_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            campaign = featuring_services.campaign_save(campaign=campaign,
                                                        data=form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Campagne « %(titre)s » enregistrée.")
                             % {"titre": campaign.title})
            return redirect("curation:featurings")
    return render_staff(request, "curation/campaign_form.html", {
        "form": form, "campaign": campaign}, section="featuring",
        status=400 if form.errors else 200)
