from decimal import Decimal

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def euros(value: Decimal | int | float | None) -> str:
    """A price in euros TTC, formatted for the active language (12,50 € in French)."""
    if value is None or value == "":
        return ""
    return f"{number_format(Decimal(value), decimal_pos=2, force_grouping=True)}\u00a0€"
