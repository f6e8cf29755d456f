"""The one SIRET check (14 digits, the SIREN's Luhn key and the SIRET's), with French messages,
shared by the model (hence the admin), the sign-up form, the API and the import."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from stdnum.exceptions import InvalidChecksum, InvalidFormat, InvalidLength
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.fr import siret as siret_number


def clean_siret(value: str) -> str:
    """The compact SIRET (spaces and dots removed), or a ValidationError saying what is wrong."""
    try:
        return str(siret_number.validate(value))
    except (InvalidLength, InvalidFormat):
        compact = siret_number.compact(value)
        if compact.isdigit() or not compact:
            raise ValidationError(_("Un numéro SIRET compte exactement 14 chiffres."),
                                  code="length") from None
        raise ValidationError(_("Un numéro SIRET ne contient que des chiffres."),
                              code="digits") from None
    except InvalidChecksum:
        raise ValidationError(_("Ce numéro SIRET n'est pas valide : vérifiez les chiffres (la "
                                "clé de contrôle ne correspond pas)."), code="checksum") from None
    except StdnumError:
        raise ValidationError(_("Ce numéro SIRET n'est pas valide."), code="invalid") from None


def validate_siret(value: str) -> None:
    """Model-field validator: the stored value must be a valid, compact SIRET."""
    if clean_siret(value) != value:
        raise ValidationError(_("Enregistrez le SIRET sans espaces : 14 chiffres."),
                              code="compact")
