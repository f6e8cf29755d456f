"""What a query names besides words to match: a category (« fromage » → the cheeses, « vin » →
the wines, « goat cheese » → Fromages de chèvre), whose products the ranking pulls up.

The search engine knows no catalogue; the directory tells it which ids to pull up. A category
is named when every word of the query is a word of its French or English name (the last one
maybe as a prefix, as people type), or every word of its name is in the query (« vin cahors »
names the wines); the most precise categories win: a parent only when none of its children is
named, whole words before prefixes.
"""

import time
from collections.abc import Sequence
from dataclasses import dataclass

from marketplace.reference.models import Category
from marketplace.search.backends.base import completes
from marketplace.search.text import QueryWord, query_words, word_forms, words

# Held per process for a minute (a few dozen rows): a staff edit shows within that time.
CACHE_SECONDS = 60.0
_held: dict[str, object] = {"at": -CACHE_SECONDS, "categories": []}


@dataclass(frozen=True)
class NamedCategory:
    pk: int
    parent_id: int | None
    names: tuple[tuple[frozenset[str], ...], ...]  # per name (fr, en): per word, its forms


def _names(*texts: str) -> tuple[tuple[frozenset[str], ...], ...]:
    return tuple(tuple(frozenset(word_forms(w)) for w in words(t)) for t in texts if t)


def _categories() -> list[NamedCategory]:
    if time.monotonic() - float(_held["at"]) > CACHE_SECONDS:  # type: ignore[arg-type]
        _held["categories"] = [
            NamedCategory(pk=pk, parent_id=parent, names=_names(nom, nom_en))
            for pk, parent, nom, nom_en in
            Category.objects.values_list("pk", "parent_id", "nom", "nom_en")]
        _held["at"] = time.monotonic()
    return _held["categories"]  # type: ignore[return-value]


def forget_categories() -> None:
    _held["at"] = -CACHE_SECONDS


def _word_in(word: QueryWord, name: Sequence[frozenset[str]], *, prefix: bool) -> bool:
    forms = set(word.forms)
    if any(forms & w for w in name):
        return True
    return prefix and any(f.startswith(word.folded) for w in name for f in w)


def _names_it(query: list[QueryWord], name: Sequence[frozenset[str]], *, prefix: bool) -> bool:
    if not name:
        return False
    last = len(query) - 1
    if all(_word_in(w, name, prefix=prefix and i == last and completes(w))
           for i, w in enumerate(query)):
        return True
    typed = {f for w in query for f in w.forms}
    return all(typed & w for w in name)


def named_categories(text: str) -> list[int]:
    """The ids of the categories the text names (see the module's docstring)."""
    query = query_words(text)
    if not query:
        return []
    categories = _categories()
    for prefix in (False, True):
        named = {c.pk: c for c in categories
                 if any(_names_it(query, name, prefix=prefix) for name in c.names)}
        if named:
            parents = {c.parent_id for c in named.values()}
            return sorted(pk for pk in named if pk not in parents)
    return []

