"""The site's 404 and 500 answers: branded pages in the visitor's language, JSON under /api/
(an integrator's client reads JSON, never an HTML page)."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext as _


def _is_api(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if _is_api(request):
        return JsonResponse({"detail": _("Introuvable.")}, status=404)
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    if _is_api(request):
        return JsonResponse({"detail": _("Erreur du serveur.")}, status=500)
    # No context processors: whatever failed (the database, say) may fail again.
    return HttpResponse(loader.get_template("500.html").render({"request": request}), status=500)
