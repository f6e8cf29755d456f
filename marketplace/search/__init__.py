"""Full-text search: an engine that is handed documents and knows nothing of what they describe.

Two indexes, "product" and "producer", hold one `Document` per id (fields of free text, ranked
name > category > producer and commune > description). A query matches the documents holding
at least one of its words; they are ranked by signals in order (`backends.base.SIGNALS`):
every word before some, a category the query names (told by the caller), whole words before a
completed prefix, name or category before description, the words in order, the name.

The catalogue writes the documents (see `producers.indexing`); the directory, the API and the
autocompletion read them through `match` and `suggest_ids`, so matching and ranking cannot
drift apart between them.

A match is read in queries driven by the full-text index: `ids()` restricts a queryset
(`pk__in`), `ranked()` gives one page of matches in relevance order (sorted and sliced by the
database, the other filters applied in the same query) and `count()` their number. Joining the
index to the catalogue in one query lets the planner pick the catalogue first and probe the
index row by row, which took seconds on 40,000 products.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from marketplace.search.backends import get_backend
from marketplace.search.backends.base import Compiled, Document, completes
from marketplace.search.text import QueryWord, document_text, query_words, word_forms

INDEXES = ("product", "producer")

__all__ = ["INDEXES", "Document", "Match", "clear", "delete", "match", "suggest_ids", "write"]


def _check(index: str) -> None:
    if index not in INDEXES:
        raise ValueError(f"Unknown search index: {index}")


@dataclass(frozen=True)
class Match:
    index: str
    query: Compiled
    # The query's words as matched: each with its forms and typo corrections; the last one
    # completed as a prefix or not (for a caller that reads the words too: named categories).
    words: tuple[QueryWord, ...] = ()
    completed: bool = False

    def ids(self) -> RawSQL:
        """A subquery of the matching ids, for `queryset.filter(pk__in=match.ids())`."""
        sql, params = get_backend().ids_sql(self.index, self.query)
        return RawSQL(sql, params)  # noqa: S611 - the backend's own SQL, the query a parameter

    def ranked(self, within: QuerySet[Any] | None = None, boost: QuerySet[Any] | None = None,
               *, offset: int = 0, limit: int | None = None) -> list[tuple[int, float]]:
        """One page of the matches, best first: (id, relevance, lower is better), ties by id;
        sorted and sliced by the database, so a page of a huge list costs no Python per match
        (no `limit`: every match). `within`: only the matches in this queryset (the list's
        other filters), in the same single query; `boost`: the ids of this queryset come first
        among matches of as many words (a category the query names: the engine does not know
        what a category is, its caller does)."""
        inside, pulled = _sql(within), _sql(boost)
        if within is not None and inside is None:  # queryset.none(): an unknown commune, say
            return []
        return get_backend().ranked(self.index, self.query, within=inside, boost=pulled,
                                    offset=offset, limit=limit)

    def count(self, within: QuerySet[Any] | None = None) -> int:
        """How many documents match (among `within`), without ranking them."""
        inside = _sql(within)
        if within is not None and inside is None:
            return 0
        return get_backend().count(self.index, self.query, within=inside)


def _sql(queryset: QuerySet[Any] | None) -> tuple[str, Sequence[Any]] | None:
    """The SQL selecting the queryset's ids; None for no queryset or an empty one."""
    if queryset is None:
        return None
    try:
        return queryset.order_by().values("pk").query.sql_with_params()
    except EmptyResultSet:
        return None


def match(index: str, text: str, *, prefix_last: bool = True) -> Match | None:
    """The documents of `index` matching at least one word of the text (typos corrected, the
    last word also completed as a prefix unless it is a word of the index), ranked by
    `Match.ranked`; None when the text holds no word (only stop words, punctuation)."""
    _check(index)
    words = query_words(text)
    if not words:
        return None
    backend = get_backend()
    completing = words[-1] if prefix_last and completes(words[-1]) else None
    corrections, whole_word = backend.check_words(words, completing=completing)
    completed = completing is not None and not whole_word
    if completed:
        # A word being typed is a start, not a word: its stems mean nothing ("roca" → "roc").
        last = words[-1]
        own = set(word_forms(last.folded))  # an English staple's French forms are kept
        words = [*words[:-1], QueryWord(folded=last.folded, forms=(
            last.folded, *(f for f in last.forms if f not in own)))]
    query = backend.compile(words, corrections, prefix_last=completed)
    matched = tuple(QueryWord(folded=w.folded, forms=(*w.forms, *corrections.get(w.folded, ())))
                    for w in words)
    return Match(index=index, query=query, words=matched, completed=completed)


def suggest_ids(index: str, text: str, *, limit: int = 300) -> list[int]:
    """Ids of documents whose name holds every word, the last one completed as a prefix
    (roca → Rocamadour): unranked and cheap, for the search box's suggestions."""
    found = match(index, text)
    if found is None:
        return []
    return get_backend().first_ids(index, found.query, limit)


def write(index: str, documents: Iterable[Document]) -> None:
    """Insert or replace these documents (their text is normalized here)."""
    _check(index)
    get_backend().write(index, [_normalized(d) for d in documents])


def delete(index: str, ids: Sequence[int]) -> None:
    _check(index)
    if ids:
        get_backend().delete(index, list(ids))


def clear() -> None:
    """Empty both indexes (before a rebuild)."""
    get_backend().clear()


def _normalized(document: Document) -> Document:
    return Document(
        id=document.id, name=document_text(document.name),
        category=document_text(document.category), producer=document_text(document.producer),
        commune=document_text(document.commune), description=document_text(document.description),
    )
