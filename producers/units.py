"""Units as words. A product's page names its unit in the visitor's language (the choices'
labels are translated); an order line keeps the word it was sold by, in the site's language
(the producer's lists, exports and e-mails read it), and pages show it in the reader's."""

from functools import cache

from django.conf import settings
from django.utils import translation

from producers.models import Unit


def unit_word_stored(unit: str) -> str:
    """The unit's word as an order line keeps it: in the site's language, whoever ordered."""
    with translation.override(settings.LANGUAGE_CODE):
        return str(Unit(unit).label)


@cache
def _units_by_word() -> dict[str, str]:
    """Every language's word for every unit → the unit (lines stored before the words were
    fixed to the site's language may hold an English one)."""
    found: dict[str, str] = {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            found.update({str(label): value for value, label in Unit.choices})
    return found


def unit_word(stored: str) -> str:
    """An order line's unit in the current language; a word that is no unit's stays as is."""
    unit = _units_by_word().get(stored)
    return str(Unit(unit).label) if unit is not None else stored
