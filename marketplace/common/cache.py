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


def _new_version(namespace: str) -> None:
    cache.set(_key(namespace), uuid.uuid4().hex[:12], timeout=None)


def bump(namespace: str) -> None:
    """A new version at once, so the writer's own next reads (the rest of its request, its
    transaction) see the change, and again once the transaction commits: another process may
    have cached the data it still read from before the commit under the first new version."""
    _new_version(namespace)
    transaction.on_commit(lambda: _new_version(namespace))
