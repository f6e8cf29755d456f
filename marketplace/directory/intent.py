"""What a query names besides words to match: a category (« fromage » → the cheeses, « vin » →
the wines, « goat cheese » → Fromages de chèvre), whose products the ranking pulls up.

The search engine knows no catalogue; the directory tells it which ids to pull up. The named
categories are those whose French or English name holds the most words of the query (its words
as the engine matched them: forms and typo corrections; the last one as a prefix when the
engine completed it), at least one; the most precise win: a parent only when none of its
children is named.
"""

import time
from collections.abc import Sequence
from dataclasses import dataclass

from marketplace.reference.models import Category
from marketplace.search.text import QueryWord, word_forms, words

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


def _in_name(word: QueryWord, name: Sequence[frozenset[str]], *, prefix: bool) -> bool:
    forms = set(word.forms)
    if any(forms & w for w in name):
        return True
    return prefix and any(f.startswith(word.folded) for w in name for f in w)


def _coverage(query: Sequence[QueryWord], category: NamedCategory, completed: bool) -> int:
    last = len(query) - 1
    return max((sum(_in_name(w, name, prefix=completed and i == last)
                    for i, w in enumerate(query)) for name in category.names), default=0)


def named_categories(query: Sequence[QueryWord], *, completed: bool = False) -> list[int]:
    """The ids of the categories the query names (see the module's docstring) and of their
    sub-categories."""
    if not query:
        return []
    scores = {c.pk: (c, _coverage(query, c, completed)) for c in _categories()}
    best = max((score for _, score in scores.values()), default=0)
    if best == 0:
        return []
    named = [c for c, score in scores.values() if score == best]
    parents = {c.parent_id for c in named}
    kept = {c.pk for c in named if c.pk not in parents}
    # With their sub-categories, where the products are.
    return sorted(kept | {c.pk for c, _ in scores.values() if c.parent_id in kept})
