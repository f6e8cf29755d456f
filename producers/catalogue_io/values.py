"""Turning one cell into a clean value, or a reason in French why it cannot be one.

Each `parse_*` function returns the clean value or raises `CellError`; none touches the
database (the reference data they need is passed in), so a row is checked in microseconds.
"""

import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from marketplace.common.text import fold_words
from producers.models import MAX_PRICE, Unit
from producers.siret import clean_siret

MAX_STOCK = 2_147_483_647  # PositiveIntegerField on every database
CENT = Decimal("0.01")

_CURRENCY = re.compile(r"(€|eur(os?)?)", re.IGNORECASE)
_PHONE_PUNCTUATION = re.compile(r"[\s.\-/()]")
_FRENCH_PHONE = re.compile(r"0[1-9]\d{8}")

# Usual spellings of each unit, folded (see `fold_words`); plurals are handled by `parse_unit`.
_UNIT_SPELLINGS: dict[str, str] = {
    "kilo": Unit.KG, "kilogramme": Unit.KG, "kgs": Unit.KG,
    "100-g": Unit.GRAM, "100g": Unit.GRAM,
    "pc": Unit.PIECE, "pce": Unit.PIECE, "unite": Unit.PIECE, "u": Unit.PIECE,
    "btl": Unit.BOTTLE, "bt": Unit.BOTTLE,
    "l": Unit.LITRE,
    "demi-douz": Unit.HALF_DOZEN, "douz": Unit.DOZEN,
}


class CellError(ValueError):
    """A cell's value is refused; the message says why, in French."""


def _units() -> dict[str, str]:
    units = dict(_UNIT_SPELLINGS)
    for unit in Unit:
        units[fold_words(unit.value)] = unit.value
        units[fold_words(str(unit.label))] = unit.value  # « la pièce », « les 100 g »
    return units


UNITS = _units()


def required(value: str, message: Callable[[], str]) -> str:
    """The message is built only when needed: translating it costs more than the check."""
    if not value:
        raise CellError(message())
    return value


def limit(value: str, max_length: int) -> str:
    if len(value) > max_length:
        raise CellError(
            _("%(length)s caractères, au plus %(max)s permis.")
            % {"length": len(value), "max": max_length}
        )
    return value


def parse_siret(value: str) -> str:
    required(value, lambda: _("SIRET manquant."))
    try:
        return clean_siret(value)
    except ValidationError as exc:
        raise CellError(f"« {value} » : {' '.join(exc.messages)}") from exc


def parse_commune(value: str, *, communes: frozenset[str], postal_codes: frozenset[str],
                  territory: str) -> str:
    required(value, lambda: _("code INSEE de la commune manquant."))
    code = value.upper()
    if code.isdigit() and len(code) == 4:
        code = "0" + code  # a spreadsheet dropped the leading zero (01001 → 1001)
    if code in communes:
        return code
    if code in postal_codes:
        raise CellError(
            _("« %(value)s » est un code postal ; indiquez le code INSEE de la commune "
              "(par exemple 46042 pour Cahors).") % {"value": value}
        )
    raise CellError(
        _("« %(value)s » n'est pas le code INSEE d'une commune du territoire (%(territory)s).")
        % {"value": value, "territory": territory}
    )


def parse_email(value: str, max_length: int) -> str:
    if not value:
        return ""
    limit(value, max_length)
    try:
        validate_email(value)
    except ValidationError as exc:
        raise CellError(_("« %(value)s » n'est pas une adresse e-mail valide.")
                        % {"value": value}) from exc
    return value


def parse_phone(value: str) -> str:
    """A French number, written the French way: 05 65 12 34 56."""
    if not value:
        return ""
    digits = _PHONE_PUNCTUATION.sub("", value.replace("(0)", ""))
    if digits.startswith("+33"):
        digits = "0" + digits[3:]
    elif digits.startswith("0033"):
        digits = "0" + digits[4:]
    if not _FRENCH_PHONE.fullmatch(digits):
        raise CellError(
            _("« %(value)s » n'est pas un numéro de téléphone français (10 chiffres, "
              "par exemple 05 65 12 34 56).") % {"value": value}
        )
    return " ".join(digits[i:i + 2] for i in range(0, 10, 2))


def same_phone(stored: str, new: str) -> bool:
    try:
        return parse_phone(stored) == new
    except CellError:
        return stored == new


def parse_price(value: str) -> Decimal:
    """12.50, 12,50, 12,50 €, 1 234,50 € and an XLSX number are all the same kind of price."""
    required(value, lambda: _("prix manquant."))
    text = re.sub(r"\s", "", _CURRENCY.sub("", value))
    if "," in text and "." in text:
        # The last separator is the decimal one: 1.234,50 (French) or 1,234.50 (English).
        thousands = "." if text.rfind(",") > text.rfind(".") else ","
        text = text.replace(thousands, "")
    text = text.replace(",", ".")
    try:
        price = Decimal(text)
    except InvalidOperation:
        price = Decimal("NaN")
    if not price.is_finite():
        raise CellError(_("« %(value)s » n'est pas un prix (par exemple 12,50).")
                        % {"value": value})
    if price != price.quantize(CENT):
        raise CellError(_("« %(value)s » : un prix a au plus deux décimales.") % {"value": value})
    if price <= 0:
        raise CellError(_("le prix doit être supérieur à 0 €."))
    if price > MAX_PRICE:
        raise CellError(_("« %(value)s » : le prix ne peut dépasser %(max)s €.")
                        % {"value": value, "max": "10 000"})
    return price.quantize(CENT)


def parse_stock(value: str) -> int | None:
    """Empty means on demand; otherwise a whole number, 0 or more (12,0 from a sheet is 12)."""
    if not value:
        return None
    try:
        number = Decimal(re.sub(r"\s", "", value).replace(",", "."))
    except InvalidOperation:
        number = Decimal("NaN")
    if not number.is_finite() or number != number.to_integral_value():
        raise CellError(_("« %(value)s » : le stock est un nombre entier, ou vide pour "
                          "« sur demande ».") % {"value": value})
    if number < 0:
        raise CellError(_("« %(value)s » : le stock ne peut être négatif.") % {"value": value})
    if number > MAX_STOCK:
        raise CellError(_("« %(value)s » : stock trop grand.") % {"value": value})
    return int(number)


def parse_unit(value: str) -> str:
    required(value, lambda: _("unité manquante (kg, pièce, bouteille, botte, douzaine…)."))
    key = fold_words(value)
    unit = UNITS.get(key) or UNITS.get(key.removesuffix("s"))
    if unit is None:
        raise CellError(
            _("unité inconnue : « %(value)s » (attendu : %(units)s).")
            % {"value": value, "units": ", ".join(Unit.values)}
        )
    return unit


def parse_category(value: str, categories: dict[str, int]) -> int:
    required(value, lambda: _("catégorie manquante."))
    try:
        return categories[fold_words(value)]
    except KeyError:
        raise CellError(
            _("catégorie inconnue : « %(value)s » (le slug ou le nom d'une catégorie, "
              "par exemple fromages-de-chevre).") % {"value": value}
        ) from None


def parse_labels(value: str, labels: dict[str, int]) -> frozenset[int]:
    ids: set[int] = set()
    unknown: list[str] = []
    for part in value.split("|"):
        if not part.strip():
            continue
        label_id = labels.get(fold_words(part))
        if label_id is None:
            unknown.append(part.strip())
        else:
            ids.add(label_id)
    if unknown:
        raise CellError(
            _("label(s) inconnu(s) : %(labels)s (slugs séparés par |, par exemple aop|igp).")
            % {"labels": ", ".join(f"« {u} »" for u in unknown)}
        )
    return frozenset(ids)
