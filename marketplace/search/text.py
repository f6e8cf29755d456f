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
# English words for the staples, so that a visitor's « goat cheese » or « walnuts » finds the
# French products (words of the language, not of any catalogue: keyed by the singular).
ENGLISH = {
    "apple": "pomme", "apricot": "abricot", "bean": "haricot", "beef": "bœuf", "beer": "bière",
    "biscuit": "biscuit", "bread": "pain", "butter": "beurre", "cake": "gâteau",
    "cheese": "fromage", "cherry": "cerise", "chestnut": "châtaigne", "chicken": "poulet",
    "cider": "cidre", "cream": "crème", "duck": "canard", "egg": "œuf", "fig": "figue",
    "flour": "farine", "flower": "fleur", "garlic": "ail", "goat": "chèvre", "ham": "jambon",
    "honey": "miel", "jam": "confiture", "juice": "jus", "lamb": "agneau", "lavender": "lavande",
    "lentil": "lentille", "liqueur": "liqueur", "milk": "lait", "mushroom": "champignon",
    "oil": "huile", "pear": "poire", "plum": "prune", "pork": "porc", "potato": "pomme de terre",
    "pottery": "poterie", "poultry": "volaille", "prune": "pruneau", "saffron": "safran",
    "salad": "salade", "sausage": "saucisse", "sheep": "brebis", "soap": "savon",
    "strawberry": "fraise", "tomato": "tomate", "truffle": "truffe", "veal": "veau",
    "vegetable": "légume", "walnut": "noix", "wine": "vin", "wool": "laine", "yoghurt": "yaourt",
    "yogurt": "yaourt",
}
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


@lru_cache(maxsize=50000)
def _indexed_forms(word: str) -> tuple[str, ...]:
    """A document word's forms, none for a stop word: documents repeat their words (a
    farm's description on each of its products), so each word is folded and stemmed once."""
    return () if fold(word) in STOPWORDS else word_forms(word)


def document_text(text: str) -> str:
    """The text as stored in the index: every form of every word, space-separated."""
    return " ".join(form for word in _WORD.findall(expand_ligatures(text.lower()))
                    for form in _indexed_forms(word))


@dataclass(frozen=True)
class QueryWord:
    """One word of a query: the forms that match it exactly, and its folded spelling."""

    folded: str
    forms: tuple[str, ...]

    @property
    def typo_tolerant(self) -> bool:
        return len(self.folded) >= MIN_TYPO_LENGTH and not self.folded.isdigit()


def _french(folded: str) -> str | None:
    """The French word for an English staple, plural or singular (walnuts, cherries)."""
    for singular in (folded, folded.removesuffix("s"), folded.removesuffix("es"),
                     folded.removesuffix("ies") + "y"):
        if singular in ENGLISH:
            return ENGLISH[singular]
    return None


def query_words(text: str, *, limit: int = 8) -> list[QueryWord]:
    """The words of a query (at most `limit`, so a pasted paragraph stays cheap); an English
    staple also matches as its French word."""
    seen: dict[str, QueryWord] = {}
    for word in words(text[:200]):
        folded = fold(word)
        if folded not in seen:
            forms = word_forms(word)
            french = _french(folded)
            if french is not None:
                forms = tuple(dict.fromkeys(
                    [*forms, *(f for w in words(french) for f in word_forms(w))]))
            seen[folded] = QueryWord(folded=folded, forms=forms)
    return list(seen.values())[:limit]
