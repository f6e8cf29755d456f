"""Validators shared by every layer's models and forms."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")


def single_line(value: str) -> None:
    """A name, an address, a phone number: one line, no control character. A line break in a
    farm's name would end up in e-mail headers and CSV rows; a NUL byte breaks PostgreSQL.

    (A function rather than a RegexValidator with inverse_match: the API schema would publish
    that as a pattern the value must match.)"""
    if isinstance(value, str) and _CONTROL.search(value):
        raise ValidationError(
            _("Une seule ligne, sans retour à la ligne ni caractère de contrôle."),
            code="control_characters")
