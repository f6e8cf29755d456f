"""One search backend per database vendor, behind the small interface of `base.SearchBackend`."""

from django.db import connection

from marketplace.search.backends.base import SearchBackend


def get_backend() -> SearchBackend:
    """The backend for the default database (picked from the connection's vendor)."""
    if connection.vendor == "postgresql":
        from marketplace.search.backends.postgresql import PostgresBackend

        return PostgresBackend()
    from marketplace.search.backends.sqlite import SqliteBackend

    return SqliteBackend()
