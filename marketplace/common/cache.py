"""Versioned cache namespaces: a page fragment cached under a namespace's version is dropped,
in every process, the moment a writer bumps that version.

The versions live in the `versions` cache, which every process of the machine or of the
deployment shares: Redis with REDIS_URL, otherwise files under VAR_DIR. What is cached under
them may stay per process (local memory): a process whose version moved finds nothing under
the new one. (Versions in local memory would let gunicorn's other workers serve old pages.)"""

import uuid

from django.core.cache import caches
from django.db import transaction

ALIAS = "versions"
# The catalogue as the public pages show it (producers, products, and the reference data they
# display: categories, labels, communes): every write to it bumps this namespace.
CATALOGUE = "catalogue"


def _key(namespace: str) -> str:
    return f"version:{namespace}"


def version(namespace: str) -> str:
    store = caches[ALIAS]
    current = store.get(_key(namespace))
    if current is None:
        current = uuid.uuid4().hex[:12]
        store.add(_key(namespace), current, timeout=None)
        current = store.get(_key(namespace), current)
    return str(current)


def _new_version(namespace: str) -> None:
    caches[ALIAS].set(_key(namespace), uuid.uuid4().hex[:12], timeout=None)


def bump(namespace: str) -> None:
    """A new version at once, so the writer's own next reads (the rest of its request, its
    transaction) see the change, and again once the transaction commits: another process may
    have cached the data it still read from before the commit under the first new version."""
    _new_version(namespace)
    transaction.on_commit(lambda: _new_version(namespace))
