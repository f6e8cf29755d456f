"""What every search backend provides: compile a query, match and rank rows, write the index."""

from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import connections, router
from django.db.backends.base.base import BaseDatabaseWrapper
from rapidfuzz import process
from rapidfuzz.distance import OSA

from marketplace.search.text import QueryWord

# Relative weights of a document's fields: name > category > producer (and commune) > description.
FIELDS = ("name", "category", "producer", "commune", "description")


@dataclass(frozen=True)
class Document:
    """One row of an index: an id and its fields of free text (normalized when written)."""

    id: int
    name: str
    category: str
    producer: str
    commune: str
    description: str


@dataclass(frozen=True)
class Compiled:
    """One query in the backend's syntax, in the forms ranking needs: `any` selects the
    matches (some word), the others say how well each match answers."""

    any: str  # at least one word, anywhere (the last one also as a prefix)
    all: str  # every word, anywhere
    exact: str  # every word as typed or corrected, without completing the last one
    strong: str  # every word in the name or the category
    name: str  # every word in the name (the autocompletion's query)
    phrase: str  # the words in order, next to each other, in the name or category ("" = none)


# How much each signal weighs in a match's rank, best first: every word before some, a category
# the query names (the caller's boost), every word as typed before a completed prefix, in the
# name or category before the description, the words in order, in the name.
SIGNALS = ("all", "boost", "exact", "strong", "phrase", "name")


def combined_rank(signals: Sequence[bool], text_rank: float) -> float:
    """One number per match, lower is better: the signals in order, then the engine's own text
    rank (bm25 or ts_rank, lower is better), squashed into (-1, 1) so it only breaks ties."""
    tier = sum(1 << (len(SIGNALS) - 1 - i) for i, on in enumerate(signals) if on)
    return -2.0 * tier + text_rank / (1.0 + abs(text_rank))


def combined_rank_sql(signals: Sequence[str], text_rank: str) -> str:
    """`combined_rank` as an SQL expression over the signals' 0/1 integer expressions and the
    engine's rank (a double): the database hands back one number per match, so thousands of
    matches cost no Python call each."""
    tier = " + ".join(f"({on}) * {1 << (len(SIGNALS) - 1 - i)}" for i, on in enumerate(signals))
    return f"(-2.0 * ({tier}) + ({text_rank}) / (1.0 + abs({text_rank})))"


# The last word is completed as a prefix from this length on ("roc" → Rocamadour): shorter
# prefixes match most of the catalogue and say nothing yet.
MIN_PREFIX_LENGTH = 3


def completes(word: QueryWord) -> bool:
    return len(word.folded) >= MIN_PREFIX_LENGTH


def reader() -> BaseDatabaseWrapper:
    """The connection searches read from: a replica for a visitor's public page when one is
    configured (the project's router decides; the index tables belong to no model)."""
    return connections[router.db_for_read(None)]  # type: ignore[arg-type]


def writer() -> BaseDatabaseWrapper:
    return connections["default"]


def close_words(word: str, candidates: Iterable[str]) -> tuple[str, ...]:
    """The candidates one edit away from the word (insertion, deletion, substitution or swap)."""
    found = process.extract(word, candidates, scorer=OSA.distance,  # type: ignore[arg-type]
                            score_cutoff=1, limit=None)
    return tuple(sorted({c for c, _, _ in found if c != word}))


class SearchBackend(ABC):
    vendor: str

    @abstractmethod
    def check_words(self, words: Sequence[QueryWord], *,
                    completing: QueryWord | None) -> tuple[dict[str, tuple[str, ...]], bool]:
        """In one look at the index's vocabulary: for each typo-tolerant word absent from it,
        its words one edit away; and whether `completing` (the last word, when long enough to
        be completed) is itself a word of the index (then it is not completed: « chevre »
        typed whole means chèvre, not « Chèvrerie du Causse »)."""

    @abstractmethod
    def compile(self, words: Sequence[QueryWord], corrections: dict[str, tuple[str, ...]],
                *, prefix_last: bool) -> Compiled:
        """The backend's query strings (see `Compiled`); a word matches through any of its
        forms or corrections."""

    @abstractmethod
    def ids_sql(self, index: str, query: Compiled) -> tuple[str, list[Any]]:
        """SQL selecting the ids of the matching documents (for `pk__in=RawSQL(...)`)."""

    @abstractmethod
    def ranked(self, index: str, query: Compiled, *,
               within: tuple[str, Sequence[Any]] | None = None,
               boost: tuple[str, Sequence[Any]] | None = None,
               offset: int = 0, limit: int | None = None) -> list[tuple[int, float]]:
        """One page of the matching documents, best first: (id, relevance as `combined_rank`,
        lower is better), ties by id, sorted and sliced by the database (`offset`, `limit`; no
        limit: every match); `within`: SQL selecting the ids allowed (the other filters);
        `boost`: SQL selecting ids the caller pulls up (a named category)."""

    @abstractmethod
    def count(self, index: str, query: Compiled, *,
              within: tuple[str, Sequence[Any]] | None = None) -> int:
        """How many documents match (among `within`), without ranking them."""

    @abstractmethod
    def first_ids(self, index: str, query: Compiled, limit: int) -> list[int]:
        """Some ids whose name holds every word, unranked and cheap (the autocompletion)."""

    @abstractmethod
    def write(self, index: str, documents: Sequence[Document]) -> None:
        """Insert or replace these documents in the index ("product" or "producer")."""

    @abstractmethod
    def delete(self, index: str, ids: Sequence[int]) -> None:
        """Remove these documents from the index."""

    @abstractmethod
    def clear(self) -> None:
        """Empty both indexes (before a rebuild)."""
