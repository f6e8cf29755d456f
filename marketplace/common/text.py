"""The one text folding of the project: search, imports, product-name keys and commune names
all compare text the same way (case, accents and ligatures aside)."""

import re
import unicodedata

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "Oe", "æ": "ae", "Æ": "Ae", "ß": "ss"})
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_SPACES = re.compile(r"\s+")


def expand_ligatures(text: str) -> str:
    """« Œufs » → "Oeufs": accents kept (the French stemmer needs them)."""
    return text.translate(_LIGATURES)


def fold(text: str) -> str:
    """Lower case, ligatures expanded, accents removed: « Chèvre Œuf » → "chevre oeuf"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold_words(text: str, *, separator: str = "-") -> str:
    """Folded words joined by `separator`, punctuation dropped: « Œufs frais ! » → oeufs-frais."""
    return _NON_ALNUM.sub(separator, fold(text)).strip(separator)


def clean_line(value: str) -> str:
    """One-line text: NFC, trimmed, any run of spaces (non-breaking ones too) made one space."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", value)).strip()


def clean_text(value: str) -> str:
    """Multi-line text: NFC, Windows line ends made \\n, each line and the whole trimmed."""
    value = unicodedata.normalize("NFC", value).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in value.split("\n")).strip()


def name_key(name: str) -> str:
    """Two product names with the same key are the same product of a producer: case, accents,
    ligatures and spacing aside (« Crottin de Chèvre » = « crottin de  chevre »)."""
    return fold(clean_line(name))
