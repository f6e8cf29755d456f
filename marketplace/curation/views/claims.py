"""Claims on listings that the CCI decides (a SIRET held by another listing)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from marketplace.curation import selectors
from marketplace.curation.forms import ClaimDecisionForm
from marketplace.curation.permissions import DECIDE_CLAIMS, staff_view
from marketplace.curation.views.common import add_service_error, render_staff
from producers import accounts
from producers.models import ListingClaim


@staff_view(DECIDE_CLAIMS)
def claims(request: HttpRequest) -> HttpResponse:
    return render_staff(request, "curation/claims.html", {
        "claims": selectors.pending_claims(),
        "decided": ListingClaim.objects.exclude(status="pending")
        .select_related("producer", "user", "decided_by").order_by("-decided_at")[:50],
    }, section="claims")


@staff_view(DECIDE_CLAIMS)
def claim(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(ListingClaim.objects.select_related("producer__commune", "user"),
                             pk=pk)
    form = ClaimDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            if form.cleaned_data["move"] == "accept":
                accounts.claim_accept(claim=item, actor=request.user)
                messages.success(request, _("La fiche « %(nom)s » est confiée à %(email)s.")
                                 % {"nom": item.producer.nom, "email": item.user.email})
            else:
                accounts.claim_refuse(claim=item, reason=form.cleaned_data["reason"],
                                      actor=request.user)
                messages.success(request, _("Demande refusée ; %(email)s est prévenu.")
                                 % {"email": item.user.email})
        except ValidationError as error:
            add_service_error(form, error)
        else:
            return redirect("curation:claims")
    return render_staff(request, "curation/claim.html", {
        "claim": item, "form": form,
        "team": item.producer.memberships.select_related("user"),
        "siret": selectors.siret_check(item.producer),
    }, section="claims", status=400 if form.errors else 200)
