"""Request bodies and query strings are bounded before anyone reads them (see REQUEST_MAX_BYTES
and QUERY_STRING_MAX_LENGTH in settings); django-axes' lockout answer."""

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from marketplace.common.responses import locked_out, refusal


class RequestSizeLimitMiddleware:
    """413 for a body larger than the asker may send: visitors send small forms, signed-in
    producers and staff send photos and catalogue files. Django would otherwise stream any
    multipart body to a temporary file before the view could refuse it. 414 for an address
    longer than any the site makes."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        limit = (settings.REQUEST_MAX_BYTES if request.user.is_authenticated
                 else settings.REQUEST_MAX_BYTES_ANONYMOUS)
        if length > limit:
            return refusal(request, 413, _("Requête trop volumineuse"), _(
                "La requête est trop volumineuse (%(size)s au plus) : envoyez des photos plus "
                "légères ou moins de fichiers à la fois.") % {"size": _size(limit)})
        if len(request.META.get("QUERY_STRING", "")) > settings.QUERY_STRING_MAX_LENGTH:
            return refusal(request, 414, _("Adresse trop longue"), _(
                "Cette adresse est trop longue : retirez des filtres et réessayez."))
        return self.get_response(request)


def _size(limit: int) -> str:
    if limit >= 1024 * 1024:
        return f"{limit // (1024 * 1024)} Mo"
    return f"{limit // 1024} Ko"


def lockout_response(request: HttpRequest, original_response: HttpResponse | None = None,
                     credentials: Any = None) -> HttpResponse:
    """django-axes' answer once a login is locked out (too many wrong passwords)."""
    return locked_out(request)
