"""Whole public pages cached for anonymous visitors, per catalogue version.

A directory page costs tens of milliseconds (search, counts, cards); most visitors are anonymous
and see the same page. The page a view renders is kept in the cache (Redis in production, so
every app server shares it) under the catalogue's version: any catalogue write bumps it
(`producers.indexing.CATALOGUE`), so a change is visible at once, on every server.

Never served from or stored in the cache:
- people with a session (signed in, a cart, a message waiting) or a messages cookie: their
  header, cart and messages are their own;
- anything but GET/HEAD, or an answer other than a plain 200 (redirects, errors, files).
Forms of a cached page (language switch, « Ajouter au panier ») carry a CSRF token tied to one
visitor's cookie: the stored copy holds a placeholder instead, replaced by the token of whoever
is served the page (which also sets their CSRF cookie, as rendering would have).
"""

import hashlib
import re
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.template.response import SimpleTemplateResponse
from django.utils import timezone
from django.utils.translation import get_language

from marketplace.common.cache import version
from producers.indexing import CATALOGUE

View = Callable[..., HttpResponse]
KeyPart = Callable[..., str | None]

_TOKEN = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
_PLACEHOLDER = b"\x00csrf-token\x00"
# Headers set by the view itself (middleware adds its own to every answer, cached or not).
_KEPT_HEADERS = ("Content-Type", "Content-Language", "Vary", "Cache-Control", "Link",
                 "Last-Modified", "X-Robots-Tag")
# A view sets this on its response to be called again on every hit (the search log).
REPLAY = "page_cache_replay"


def _eligible(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD") or settings.PAGE_CACHE_SECONDS <= 0:
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
        return False
    return not request.user.is_authenticated


def _key(request: HttpRequest, extra: str) -> str:
    # The day is part of the page (featurings that start today, « ouvert aujourd'hui »), and
    # htmx asks for the results alone (HX-Request) or a whole page (HX-Boosted).
    variant = "|".join([request.method or "", get_language() or "",
                        request.headers.get("HX-Request", ""),
                        request.headers.get("HX-Boosted", ""),
                        f"{timezone.localdate():%Y%m%d}", extra, request.get_full_path()])
    digest = hashlib.sha256(variant.encode()).hexdigest()[:32]
    return f"page:{version(CATALOGUE)}:{digest}"


def _storable(response: HttpResponse) -> bool:
    return (response.status_code == 200 and not response.streaming
            and not response.cookies and not response.has_header("Set-Cookie"))


def _served(request: HttpRequest, entry: dict[str, Any]) -> HttpResponse:
    content: bytes = entry["content"]
    if _PLACEHOLDER in content:
        content = content.replace(_PLACEHOLDER, get_token(request).encode())
    response = HttpResponse(content, status=200)
    for name, value in entry["headers"].items():
        response[name] = value
    replay = entry.get("replay")
    if replay is not None:
        function, kwargs = replay
        function(**kwargs)
    return response


def anonymous_page_cache(extra_key: KeyPart | None = None) -> Callable[[View], View]:
    """Cache the view's page for anonymous visitors. `extra_key(request, **kwargs)` adds a
    part to the key (a row's last change, for what a catalogue version does not follow), or
    returns None when the page does not exist (the view then answers, uncached)."""
    def decorate(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not _eligible(request):
                return view(request, *args, **kwargs)
            extra = extra_key(request, *args, **kwargs) if extra_key else ""
            if extra is None:
                return view(request, *args, **kwargs)
            key = _key(request, extra)
            entry = cache.get(key)
            if entry is not None:
                return _served(request, entry)
            response = view(request, *args, **kwargs)
            if isinstance(response, SimpleTemplateResponse) and not response.is_rendered:
                response.render()  # the sitemap's
            session = getattr(request, "session", None)
            if _storable(response) and not getattr(session, "modified", False):
                cache.set(key, {
                    "content": _TOKEN.sub(rb"\1" + _PLACEHOLDER + rb"\2", response.content),
                    "headers": {h: response[h] for h in _KEPT_HEADERS if response.has_header(h)},
                    "replay": getattr(response, REPLAY, None),
                }, settings.PAGE_CACHE_SECONDS)
            return response
        return wrapper
    return decorate
