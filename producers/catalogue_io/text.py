"""Text clean-up shared by the reader, the validator and the comparison with the database."""

import re
import unicodedata

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"})
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_SPACES = re.compile(r"\s+")
# A cell that a spreadsheet would run as a formula; the export escapes it with a quote.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def fold(text: str, *, separator: str = "-") -> str:
    """Lower case, no accents nor ligatures, words joined by `separator`: « Œufs » → oeufs."""
    text = unicodedata.normalize("NFKD", text.translate(_LIGATURES).casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _NON_ALNUM.sub(separator, text).strip(separator)


def clean_line(value: str) -> str:
    """One-line text: NFC, trimmed, any run of spaces (non-breaking ones too) made one space."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", value)).strip()


def clean_text(value: str) -> str:
    """Multi-line text: NFC, Windows line ends made \\n, each line and the whole trimmed."""
    value = unicodedata.normalize("NFC", value).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in value.split("\n")).strip()


def name_key(name: str) -> str:
    """Two product names with the same key are the same product of a producer."""
    return clean_line(name).casefold()


def escape_formula(value: str) -> str:
    """Stop a spreadsheet from running a cell as a formula (CSV injection)."""
    return "'" + value if value.startswith(FORMULA_START) else value


def unescape_formula(value: str) -> str:
    if value.startswith("'") and value[1:].startswith(FORMULA_START):
        return value[1:]
    return value
