"""What every search backend provides: compile a query, match and rank rows, write the index."""

from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db.models import Expression, Q
from rapidfuzz.distance import OSA

from marketplace.search.text import QueryWord

# Relative weights of a document's fields: name > category > producer (and commune) > description.
FIELDS = ("name", "category", "producer", "commune", "description")


@dataclass(frozen=True)
class Document:
    """One row of an index, its fields already normalized by `text.document_text`."""

    id: int
    name: str
    category: str
    producer: str
    commune: str
    description: str


def close_words(word: str, candidates: Iterable[str]) -> tuple[str, ...]:
    """The candidates one edit away from the word (insertion, deletion, substitution or swap)."""
    return tuple(sorted({c for c in candidates if c != word and OSA.distance(word, c) <= 1}))


class SearchBackend(ABC):
    vendor: str

    @abstractmethod
    def corrections(self, words: Sequence[QueryWord]) -> dict[str, tuple[str, ...]]:
        """For each typo-tolerant word absent from the index: the index's words one edit away."""

    @abstractmethod
    def compile(self, words: Sequence[QueryWord], corrections: dict[str, tuple[str, ...]],
                *, prefix_last: bool) -> str:
        """The backend's query string: every word must match (any of its forms)."""

    @abstractmethod
    def match(self, document_ref: str, query: str) -> Q:
        """A filter: the joined document (`<relation>__document`) matches the query."""

    @abstractmethod
    def rank(self, document_ref: str, query: str) -> Expression:
        """A float expression, lower is better (so every backend sorts ascending)."""

    @abstractmethod
    def write(self, index: str, documents: Sequence[Document]) -> None:
        """Insert or replace these documents in the index ("product" or "producer")."""

    @abstractmethod
    def delete(self, index: str, ids: Sequence[int]) -> None:
        """Remove these documents from the index."""

    @abstractmethod
    def clear(self) -> None:
        """Empty both indexes (before a rebuild)."""
