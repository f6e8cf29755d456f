"""Validators shared by every layer's models and forms."""

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

# A name, an address, a phone number: one line, no control character. A line break in a farm's
# name would end up in e-mail headers and CSV rows; a NUL byte breaks PostgreSQL.
single_line = RegexValidator(
    r"[\x00-\x1f\x7f\u2028\u2029]", inverse_match=True, code="control_characters",
    message=_("Une seule ligne, sans retour à la ligne ni caractère de contrôle."),
)
