"""`/healthz`: the process answers and its database does (for the load balancer's liveness);
`/readyz`: every outside part it needs answers: databases, cache, media storage (before a new
app server takes traffic, and for monitoring)."""

import uuid
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import DatabaseError, connections
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


def _database(alias: str) -> Callable[[], None]:
    def check() -> None:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    return check


def _cache() -> None:
    key, value = f"readyz:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, value, timeout=10)
    if cache.get(key) != value:
        raise OSError("the cache did not keep a value")
    cache.delete(key)


def _storage() -> None:
    # A lookup that needs the storage to answer (a HEAD request on S3), and writes nothing.
    default_storage.exists(f"readyz/{uuid.uuid4().hex}")


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    try:
        _database("default")()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok"})


@never_cache
@require_GET
def readyz(request: HttpRequest) -> JsonResponse:
    checks: dict[str, Callable[[], None]] = {
        f"database:{alias}": _database(alias) for alias in settings.DATABASES}
    checks.update(cache=_cache, storage=_storage)
    results = {}
    for name, check in checks.items():
        try:
            check()
        except Exception:  # noqa: BLE001 - any failure of a part makes the server not ready
            results[name] = "unavailable"
        else:
            results[name] = "ok"
    ready = all(state == "ok" for state in results.values())
    return JsonResponse({"status": "ok" if ready else "error", **results},
                        status=200 if ready else 503)
