"""Cells that a spreadsheet would run as formulas (CSV injection), escaped on the way out of
every file the site writes and unescaped on the way back in."""

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def escape_formula(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_START) else value


def unescape_formula(value: str) -> str:
    if value.startswith("'") and value[1:].startswith(FORMULA_START):
        return value[1:]
    return value
