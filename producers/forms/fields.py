"""Form fields shared by the producer area: commune, photos, SIRET, phone, price, stock."""

import re
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from marketplace.reference.models import INSEE_CODE, Commune, is_insee_code
from producers.images import validate_image
from producers.models import (
    MAX_PRICE,
)
from producers.selectors import territory_communes
from producers.siret import clean_siret

PHONE_RE = re.compile(r"^(?:\+33|0033|0)([1-9])(\d{8})$")
MIN_PRICE = Decimal("0.01")
PRICE_ERROR = _("Le prix doit être compris entre 0,01 € et 10 000 €.")


class CommuneInput(forms.TextInput):
    """A text box with the territory's communes as suggestions (a native <datalist>, searchable
    by typing on any browser, no JavaScript needed)."""

    template_name = "producers/widgets/commune_input.html"

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        widget_id = context["widget"]["attrs"].get("id") or f"id_{name}"
        list_id = f"{widget_id}-suggestions"
        context["widget"]["attrs"]["list"] = list_id
        context["widget"]["list_id"] = list_id
        context["widget"]["communes"] = [
            commune_label(c) for c in territory_communes().only("code_insee", "nom")
        ]
        return context

    def format_value(self, value: Any) -> str | None:
        if isinstance(value, Commune):
            return commune_label(value)
        if isinstance(value, str) and len(value) == 5:
            commune = Commune.objects.filter(code_insee=value).first()
            if commune is not None:
                return commune_label(commune)
        return super().format_value(value)


def commune_label(commune: Commune) -> str:
    return f"{commune.nom} ({commune.code_insee})"


CODE_IN_LABEL = re.compile(rf"\(({INSEE_CODE})\)\s*$")


class CommuneField(forms.Field):
    """Accepts « Cahors (46042) » (the suggestions), an INSEE code, or an unambiguous name."""

    widget = CommuneInput
    default_error_messages = {
        "required": _("Indiquez la commune."),
        "unknown": _("Cette commune n'est pas dans le territoire : choisissez-la dans la liste."),
        "ambiguous": _("Plusieurs communes portent ce nom : choisissez dans la liste la "
                       "commune avec son code INSEE."),
    }

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("help_text", _("Tapez le début du nom et choisissez dans la liste."))
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("autocomplete", "off")

    def prepare_value(self, value: Any) -> Any:
        return value

    def to_python(self, value: Any) -> Commune | None:
        if isinstance(value, Commune):
            return value
        text = (value or "").strip()
        if not text:
            return None
        communes = territory_communes()
        match = CODE_IN_LABEL.search(text)
        code = match.group(1) if match else (text if is_insee_code(text) else None)
        if code:
            found = communes.filter(code_insee=code).first()
            if found is None:
                raise ValidationError(self.error_messages["unknown"], code="unknown")
            return found
        candidates = list(communes.filter(slug=slugify(text))[:2])
        if not candidates:
            raise ValidationError(self.error_messages["unknown"], code="unknown")
        if len(candidates) > 1:
            raise ValidationError(self.error_messages["ambiguous"], code="ambiguous")
        return candidates[0]


class MultipleFileInput(forms.FileInput):
    # FileInput, not ClearableFileInput: the latter renders a fieldset and leaves the <input>
    # without its own <label>.
    allow_multiple_selected = True


class PhotosField(forms.FileField):
    """Several photos in one pick (a phone's gallery), each checked by the image pipeline."""

    def __init__(self, *, max_count: int, **kwargs: Any) -> None:
        self.max_count = max_count
        # Listing the accepted types also makes iPhones convert their HEIC photos to JPEG.
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/jpeg,image/png,"
                                                                     "image/webp"}))
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:  # type: ignore[override]
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if not files and self.required:
            raise ValidationError(_("Choisissez au moins une photo."), code="required")
        if len(files) > self.max_count:
            raise ValidationError(_("%(max)d photos au plus.") % {"max": self.max_count},
                                  code="too_many")
        errors = []
        for upload in files:
            super().clean(upload, initial)
            try:
                validate_image(upload)
            except ValidationError as error:
                errors.append(f"{upload.name} : {' '.join(error.messages)}")
        if errors:
            raise ValidationError(errors)
        return files


class SiretField(forms.CharField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("label", _("Numéro SIRET"))
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("help_text", _("14 chiffres, sur votre avis de situation INSEE ou "
                                         "l'annuaire des entreprises."))
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "numeric", "autocomplete": "off"})

    def clean(self, value: Any) -> str:
        return clean_siret(super().clean(value))


def clean_phone(value: str) -> str:
    """« 0565123456 », « 05.65.12.34.56 » or « +33 5 65 … » → « 05 65 12 34 56 »."""
    compact = re.sub(r"[\s.\-()]", "", value or "")
    if not compact:
        return ""
    match = PHONE_RE.match(compact)
    if not match:
        raise ValidationError(_("Indiquez un numéro de téléphone français à 10 chiffres, par "
                                "exemple 05 65 12 34 56."), code="invalid")
    digits = "0" + match.group(1) + match.group(2)
    return " ".join(digits[i:i + 2] for i in range(0, 10, 2))


class PriceField(forms.DecimalField):
    """Euros, whatever the interface language: « 4,50 », « 4.50 », « 4,50 € » all work."""

    def to_python(self, value: Any) -> Any:
        if isinstance(value, str):
            value = re.sub(r"[\s\u00a0\u202f€]", "", value).replace(",", ".")
        return super().to_python(value)


def price_field(**kwargs: Any) -> forms.DecimalField:
    return PriceField(
        label=_("Prix TTC (€)"), min_value=MIN_PRICE, max_value=MAX_PRICE, max_digits=8,
        decimal_places=2, localize=True,
        error_messages={"min_value": PRICE_ERROR, "max_value": PRICE_ERROR,
                        "invalid": _("Indiquez un prix en euros, par exemple 4,50."),
                        "max_decimal_places": _("Deux chiffres après la virgule au plus."),
                        "required": _("Indiquez le prix.")},
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
        **kwargs,
    )


def stock_field(**kwargs: Any) -> forms.IntegerField:
    kwargs.setdefault("help_text", _("Laissez vide si vous produisez à la demande."))
    return forms.IntegerField(
        label=_("Stock"), required=False, min_value=0, max_value=1_000_000,
        error_messages={"min_value": _("Le stock ne peut pas être négatif."),
                        "invalid": _("Indiquez un nombre entier, ou laissez vide.")},
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "min": "0"}),
        **kwargs,
    )
