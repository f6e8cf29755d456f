"""Full-text search over products and producers: one small interface, a backend per database.

Pages, the API and the autocompletion all go through `filter_ranked` and `suggest`, so the
matching and the ranking cannot drift apart between them.
"""

from typing import Any

from django.db.models import QuerySet, Value

from marketplace.search.backends import get_backend
from marketplace.search.text import query_words

# Both Product and Producer have a one-to-one `search_entry` to their index row.
DOCUMENT = "search_entry__document"


def compile_query(text: str, *, prefix_last: bool = False) -> str | None:
    """The backend's query for a user's text (typos corrected), or None without any word."""
    words = query_words(text)
    if not words:
        return None
    backend = get_backend()
    return backend.compile(words, backend.corrections(words), prefix_last=prefix_last)


def filter_ranked[Q: QuerySet[Any]](queryset: Q, text: str, *, prefix_last: bool = False) -> Q:
    """The rows of `queryset` matching every word of `text`, with a `search_rank` alias
    (lower is better: name > category > producer and commune > description)."""
    query = compile_query(text, prefix_last=prefix_last)
    if query is None:  # only stop words ("de la"): nothing to look for
        return queryset.none().alias(search_rank=Value(0.0))  # type: ignore[return-value]
    backend = get_backend()
    return (queryset.filter(backend.match(DOCUMENT, query))  # type: ignore[return-value]
            .alias(search_rank=backend.rank(DOCUMENT, query)))


def suggest(text: str, *, limit: int = 8) -> list[str]:
    """Product names for the search box's autocompletion (the last word is a prefix)."""
    from producers.models import Product

    found = filter_ranked(Product.objects.published(), text, prefix_last=True)
    names: dict[str, None] = {}
    ordered = found.order_by("search_rank", "nom")  # type: ignore[misc]
    for name in ordered.values_list("nom", flat=True)[:limit * 5]:
        names.setdefault(name, None)
        if len(names) == limit:
            break
    return list(names)
