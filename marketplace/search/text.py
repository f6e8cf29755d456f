"""The one French text normalizer shared by every search backend, for documents and queries.

French stemming and accent folding do not commute: folding first turns « fermière » into
`fermier`, which stems to `fermi`… but a typed "fermiere" stems to `fermier`. So each word is
indexed under every form a user may type it in: the folded word itself (for prefixes and typo
correction), the folded stem of the accented word and the stem of the folded word. A query word
matches when any of its own forms is among a document's forms.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

from marketplace.common.text import expand_ligatures, fold

# Words that carry no meaning in a product search ("fromage de chèvre" = "fromage chèvre").
STOPWORDS = frozenset({
    "a", "au", "aux", "avec", "ce", "ces", "d", "dans", "de", "des", "du", "en", "et", "l", "la",
    "le", "les", "leur", "leurs", "ma", "mes", "mon", "n", "ou", "par", "pour", "qu", "que", "qui",
    "s", "sa", "se", "ses", "son", "sur", "ta", "tes", "ton", "un", "une", "vos", "votre",
})
MIN_TYPO_LENGTH = 5  # one typo is forgiven in words of five letters or more

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_stemmer = snowballstemmer.stemmer("french")


def words(text: str) -> list[str]:
    """The meaningful words of a text, lower-cased, accents kept (for stemming)."""
    return [w for w in _WORD.findall(expand_ligatures(text.lower())) if fold(w) not in
            STOPWORDS]


@lru_cache(maxsize=20000)
def word_forms(word: str) -> tuple[str, ...]:
    """Every indexed form of one word (see the module docstring), without duplicates."""
    folded = fold(word)
    forms = dict.fromkeys([folded, fold(_stemmer.stemWord(word)), _stemmer.stemWord(folded)])
    return tuple(f for f in forms if f)


def document_text(text: str) -> str:
    """The text as stored in the index: every form of every word, space-separated."""
    return " ".join(form for word in words(text) for form in word_forms(word))


@dataclass(frozen=True)
class QueryWord:
    """One word of a query: the forms that match it exactly, and its folded spelling."""

    folded: str
    forms: tuple[str, ...]

    @property
    def typo_tolerant(self) -> bool:
        return len(self.folded) >= MIN_TYPO_LENGTH and not self.folded.isdigit()


def query_words(text: str, *, limit: int = 8) -> list[QueryWord]:
    """The words of a query (at most `limit`, so a pasted paragraph stays cheap)."""
    seen: dict[str, QueryWord] = {}
    for word in words(text[:200]):
        folded = fold(word)
        if folded not in seen:
            seen[folded] = QueryWord(folded=folded, forms=word_forms(word))
    return list(seen.values())[:limit]
