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
    def corrections(self, words: Sequence[QueryWord]) -> dict[str, tuple[str, ...]]:
        """For each typo-tolerant word absent from the index: the index's words one edit away."""

    @abstractmethod
    def compile(self, words: Sequence[QueryWord], corrections: dict[str, tuple[str, ...]],
                *, prefix_last: bool, name_only: bool = False) -> str:
        """The backend's query string: every word must match (any of its forms), in any field
        or only in the name."""

    @abstractmethod
    def ids_sql(self, index: str, query: str) -> tuple[str, list[Any]]:
        """SQL selecting the ids of the matching documents (for `pk__in=RawSQL(...)`)."""

    @abstractmethod
    def ranks(self, index: str, query: str,
              within: tuple[str, Sequence[Any]] | None = None) -> dict[int, float]:
        """Every matching document's id and relevance, lower is better, in one query driven by
        the full-text index; `within`: SQL selecting the ids allowed (the other filters)."""

    @abstractmethod
    def first_ids(self, index: str, query: str, limit: int) -> list[int]:
        """Some matching ids, unranked and cheap (for the autocompletion)."""

    @abstractmethod
    def write(self, index: str, documents: Sequence[Document]) -> None:
        """Insert or replace these documents in the index ("product" or "producer")."""

    @abstractmethod
    def delete(self, index: str, ids: Sequence[int]) -> None:
        """Remove these documents from the index."""

    @abstractmethod
    def clear(self) -> None:
        """Empty both indexes (before a rebuild)."""
