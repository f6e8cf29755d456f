"""One search backend per database vendor, behind the small interface of `base.SearchBackend`."""

from django.db import connection

from marketplace.search.backends.base import SearchBackend
from marketplace.search.backends.postgresql import PostgresBackend
from marketplace.search.backends.sqlite import SqliteBackend

_BACKENDS: dict[str, SearchBackend] = {"postgresql": PostgresBackend(), "sqlite": SqliteBackend()}


def get_backend() -> SearchBackend:
    """The backend for the default database (picked from the connection's vendor)."""
    try:
        return _BACKENDS[connection.vendor]
    except KeyError:
        raise NotImplementedError(f"No search backend for {connection.vendor}.") from None
