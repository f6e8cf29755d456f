"""Full-text search over products and producers: one small interface, a backend per database.

Pages, the API and the autocompletion all go through `match` and `suggest`, so the matching and
the ranking cannot drift apart between them. A match is used in two steps, each driven by the
full-text index: `ids()` restricts a queryset (`pk__in`), `ranks()` gives every match's relevance
(name > category > producer and commune > description) for ordering in Python. Joining the
index to the catalogue in one query lets the planner pick the catalogue first and probe the
index row by row, which took seconds on 40,000 products.
"""

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from marketplace.search.backends import get_backend
from marketplace.search.text import query_words

INDEXES = ("product", "producer")


@dataclass(frozen=True)
class Match:
    index: str
    query: str

    def ids(self) -> RawSQL:
        """A subquery of the matching ids, for `queryset.filter(pk__in=match.ids())`."""
        sql, params = get_backend().ids_sql(self.index, self.query)
        return RawSQL(sql, params)  # noqa: S611 - the backend's own SQL, the query a parameter

    def ranks(self, within: QuerySet[Any] | None = None) -> dict[int, float]:
        """Every match's relevance, lower is better; `within`: only the matches in this
        queryset (the list's other filters), in the same single query."""
        if within is None:
            return get_backend().ranks(self.index, self.query)
        try:
            sql, params = within.order_by().values("pk").query.sql_with_params()
        except EmptyResultSet:  # queryset.none(): an unknown commune, say
            return {}
        return get_backend().ranks(self.index, self.query, within=(sql, params))


def match(index: str, text: str, *, prefix_last: bool = False,
          name_only: bool = False) -> Match | None:
    """The documents of `index` ("product" or "producer") matching every word of the text, typos
    corrected; None when the text holds no word (only stop words, punctuation)."""
    if index not in INDEXES:
        raise ValueError(f"Unknown search index: {index}")
    words = query_words(text)
    if not words:
        return None
    backend = get_backend()
    query = backend.compile(words, backend.corrections(words), prefix_last=prefix_last,
                            name_only=name_only)
    return Match(index=index, query=query)


def suggest(text: str, *, limit: int = 8) -> list[str]:
    """Product names for the search box: every word in the name, the last one completed as a
    prefix (roca → Rocamadour); the most common names first."""
    from producers.models import Product

    found = match("product", text, prefix_last=True, name_only=True)
    if found is None:
        return []
    ids = get_backend().first_ids("product", found.query, 300)
    counts: dict[str, int] = {}
    for name in Product.objects.filter(pk__in=ids).values_list("nom", flat=True):
        counts[name] = counts.get(name, 0) + 1
    return sorted(counts, key=lambda n: (-counts[n], len(n), n))[:limit]


def ranked(queryset: Any, text: str) -> tuple[Any, dict[int, float]]:
    """The queryset restricted to the text's matches, and their ranks (for tests and tools)."""
    found = match("product" if queryset.model._meta.model_name == "product" else "producer", text)
    if found is None:
        return queryset.none(), {}
    return queryset.filter(pk__in=found.ids()), found.ranks()
