"""Versioned cache namespaces: a page fragment cached under a namespace's version is dropped,
in every process that shares the cache, the moment a writer bumps that version."""

import uuid

from django.core.cache import cache
from django.db import transaction


def _key(namespace: str) -> str:
    return f"version:{namespace}"


def version(namespace: str) -> str:
    current = cache.get(_key(namespace))
    if current is None:
        current = uuid.uuid4().hex[:12]
        cache.add(_key(namespace), current, timeout=None)
        current = cache.get(_key(namespace), current)
    return str(current)


def bump(namespace: str) -> None:
    """A new version once the current transaction commits (nothing if it rolls back)."""
    transaction.on_commit(lambda: cache.set(_key(namespace), uuid.uuid4().hex[:12], timeout=None))
