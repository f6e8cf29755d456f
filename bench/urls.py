"""Bench-only URLconf (see bench/settings.py): the site, a minimal Django view, the media."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import include, path, re_path
from django.views.static import serve

MINIMAL_PATH = "__bench/minimal/"


def minimal(request: HttpRequest) -> HttpResponse:
    """The floor: the full middleware stack and a tiny HTML response, no database, no template."""
    return HttpResponse("<!doctype html><title>ok</title><p>ok</p>")


urlpatterns = [
    path(MINIMAL_PATH, minimal, name="bench-minimal"),
    # Stands in for the web server or S3 bucket that serves uploads in production.
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    path("", include("config.urls")),
]
