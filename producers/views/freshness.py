"""Confirming that a listing's information is right: a button in the dashboard, or the link of
the yearly e-mail (a page with one button: a link alone must not change anything, since mail
scanners follow links)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from producers import accounts
from producers.services import curation
from producers.views.common import current_producer


@login_required
@require_POST
def confirm(request: HttpRequest, slug: str) -> HttpResponse:
    producer = current_producer(request, slug)
    curation.producer_confirm(producer=producer)
    messages.success(request, _("Merci : votre fiche est confirmée pour un an."))
    return redirect("producers:home", slug=producer.slug)


def confirm_listing(request: HttpRequest, token: str) -> HttpResponse:
    try:
        producer = accounts.producer_from_confirmation_token(token=token)
    except accounts.TokenError as error:
        return render(request, "producers/token_error.html", {"message": str(error)}, status=400)
    if request.method == "POST":
        curation.producer_confirm(producer=producer)
        return render(request, "producers/confirm_listing.html",
                      {"producer": producer, "done": True})
    return render(request, "producers/confirm_listing.html", {"producer": producer})
