"""Limits on what an anonymous visitor or an account may trigger: e-mails sent, passwords
tried. Counted in the cache (Redis in production, so every app server counts together) by
django-ratelimit; the login itself is guarded by django-axes (see settings).

Each limited view carries its limits (`view.rate_limits`), so a test can list every route that
sends an e-mail or checks a password and show that it is limited."""

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django_ratelimit.core import is_ratelimited

Key = str | Callable[[str, HttpRequest], str]


def client_ip(request: HttpRequest) -> str:
    """The visitor's address: the proxy's last X-Forwarded-For entry when a proxy is declared
    (it appends the address it saw; anything before is the client's own claim)."""
    if settings.BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        last = forwarded.split(",")[-1].strip()
        if last:
            return last
    return str(request.META.get("REMOTE_ADDR") or "0.0.0.0")  # noqa: S104 - a key, not a bind


def posted(field: str) -> Key:
    """A key from a posted field, folded: the e-mail address a message would go to."""
    def key(group: str, request: HttpRequest) -> str:
        return str(request.POST.get(field, "")).strip().lower()[:254]
    return key


def account(group: str, request: HttpRequest) -> str:
    user = getattr(request, "user", None)
    return f"user:{user.pk}" if user is not None and user.is_authenticated else "anonymous"


@dataclass(frozen=True)
class Limit:
    group: str
    rate: str  # "5/h": django-ratelimit's notation
    key: Key = "ip"


def exceeded(request: HttpRequest, limits: tuple[Limit, ...]) -> bool:
    """Count this request against each limit; True when any is over (every one is counted,
    so a limit by address cannot be dodged by changing address, nor the reverse)."""
    over = [is_ratelimited(request, group=limit.group, key=limit.key, rate=limit.rate,
                           method=["POST", "DELETE"], increment=True)
            for limit in limits]
    return any(over)


def rate_limited(*limits: Limit, on_limit: Callable[[HttpRequest], HttpResponse]
                 ) -> Callable[[Any], Any]:
    """Refuse POSTs over the limits with `on_limit(request)` (a form error, a 429)."""
    def decorate(view: Any) -> Any:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if request.method == "POST" and exceeded(request, limits):
                return on_limit(request)
            return view(request, *args, **kwargs)

        wrapped.rate_limits = limits  # type: ignore[attr-defined]
        return wrapped
    return decorate
