"""Cells that a spreadsheet would run as formulas (CSV injection), escaped on the way out of
every file the site writes (`SafeWriter`, `SafeDictWriter` for CSV) and unescaped on the way
back in."""

import csv
from collections.abc import Iterable, Mapping
from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def escape_formula(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_START) else value


def unescape_formula(value: str) -> str:
    if value.startswith("'") and value[1:].startswith(FORMULA_START):
        return value[1:]
    return value


class SafeWriter:
    """csv.writer whose text cells cannot run as formulas (see SafeDictWriter)."""

    def __init__(self, file: Any, **options: Any) -> None:
        self._writer = csv.writer(file, **options)

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._writer.writerow([escape_formula(v) if isinstance(v, str) else v
                                      for v in row])


class SafeDictWriter(csv.DictWriter):  # type: ignore[type-arg]
    """csv.DictWriter whose text cells cannot run as formulas (`=HYPERLINK(…)` becomes
    `'=HYPERLINK(…)`): every CSV the site writes for people to open goes through it."""

    def writerow(self, rowdict: Mapping[str, Any]) -> Any:
        return super().writerow({k: escape_formula(v) if isinstance(v, str) else v
                                 for k, v in rowdict.items()})
