"""Whole numbers typed in addresses (`?page=2`): ASCII digits only, and not too many of them.

`"²".isdigit()` is true and `int("²")` fails; `int("٣")` is 3: only 0-9 are a page number."""

import re

_POSITIVE = re.compile(r"[0-9]{1,9}")


def positive_int(raw: str) -> int | None:
    """The number, if `raw` is a whole number of at least 1; None otherwise."""
    if not _POSITIVE.fullmatch(raw):
        return None
    value = int(raw)
    return value if value >= 1 else None
