"""Absolute addresses, for links that leave the page: e-mails, feeds, the API, JSON-LD."""

from django.conf import settings
from django.http import HttpRequest


def absolute_url(path: str, request: HttpRequest | None = None) -> str:
    """The canonical address of a path: on SITE_URL when it is set, else on the request's own
    host (and left relative when there is neither). An address that is already absolute (a
    photo on S3) is returned as it is."""
    if path.startswith(("https://", "http://")):
        return path
    if settings.SITE_URL:
        return settings.SITE_URL + path
    return request.build_absolute_uri(path) if request is not None else path
