from django import template

from producers.units import unit_word

register = template.Library()


@register.filter
def unit_label(stored: str) -> str:
    """An order line's unit, kept in the site's language, in the reader's."""
    return unit_word(str(stored))
