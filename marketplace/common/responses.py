"""Refusals in French, as a page or as JSON for the API: too large, too many, locked out."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _


def refusal(request: HttpRequest, status: int, title: str, message: str) -> HttpResponse:
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message}, status=status)
    html = render_to_string("error.html", {"title": title, "message": message}, request=request)
    return HttpResponse(html, status=status)


def too_many_requests(request: HttpRequest) -> HttpResponse:
    """The answer to a request over a rate limit (marketplace.common.ratelimit)."""
    return refusal(request, 429, _("Trop de demandes"), _(
        "Trop de demandes en peu de temps : rien n'a été envoyé. Réessayez dans une heure."))


def locked_out(request: HttpRequest) -> HttpResponse:
    return refusal(request, 429, _("Trop de tentatives"), _(
        "Trop de mots de passe erronés pour cette adresse : réessayez dans 15 minutes, ou "
        "choisissez « Mot de passe oublié »."))
