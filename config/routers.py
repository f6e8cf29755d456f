"""Reads of public pages from a replica (when DATABASE_REPLICA_URL is set), everything else from
the primary.

A database router has no request in hand: `PublicReadMiddleware` marks, for the duration of a
request, whether it is a visitor's read of a public page or of a public API list; the router
sends that request's reads to the replica. Writes, signed-in people (who must see what they just
changed), staff and any read inside a transaction go to the primary."""

from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from django.db import connections
from django.http import HttpRequest, HttpResponse

REPLICA = "replica"
_public_read: ContextVar[bool] = ContextVar("public_read", default=False)

# Pages and API lists a visitor reads, and nothing there writes (the search log aside, which
# writes to the primary like any write).
PUBLIC_PREFIXES = ("/producteurs/", "/produits/", "/communes/", "/categories/", "/marches/",
                   "/opendata/", "/sitemap", "/api/v1/producers/", "/api/v1/products/",
                   "/api/v1/communes/", "/api/v1/categories/", "/autocompletion/")


def is_public_read(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if request.path != "/" and not request.path.startswith(PUBLIC_PREFIXES):
        return False
    return not request.user.is_authenticated


class PublicReadMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _public_read.set(is_public_read(request))
        try:
            return self.get_response(request)
        finally:
            _public_read.reset(token)


class ReplicaRouter:
    def db_for_read(self, model: Any, **hints: Any) -> str:
        if _public_read.get() and not connections["default"].in_atomic_block:
            return REPLICA
        return "default"

    def db_for_write(self, model: Any, **hints: Any) -> str:
        return "default"

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool:
        return True  # one database, copied: any two rows may relate

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool:
        return db == "default"
