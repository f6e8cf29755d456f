"""The contact forms: a visitor's message to a producer or to the CCI's team."""

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from marketplace.common.validators import single_line

MESSAGE_MIN_LENGTH = 20
MESSAGE_MAX_LENGTH = 5000
_PHONE = re.compile(r"^\+?[\d .()-]{6,20}$")


class ContactForm(forms.Form):
    name = forms.CharField(label=_("Votre nom"), max_length=100, validators=[single_line],
                           widget=forms.TextInput(attrs={"autocomplete": "name"}))
    email = forms.EmailField(
        label=_("Votre e-mail"), max_length=254,
        help_text=_("La réponse vous parviendra à cette adresse."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    phone = forms.CharField(label=_("Votre téléphone (facultatif)"), max_length=20,
                            required=False, validators=[single_line],
                            widget=forms.TextInput(attrs={"autocomplete": "tel",
                                                          "type": "tel"}))
    message = forms.CharField(
        label=_("Votre message"), min_length=MESSAGE_MIN_LENGTH, max_length=MESSAGE_MAX_LENGTH,
        help_text=format_lazy(_("Au moins {min} caractères."), min=MESSAGE_MIN_LENGTH),
        widget=forms.Textarea(attrs={"rows": 6}))
    # A trap for robots: hidden from people by the stylesheet, filled in by scripts that fill
    # every field. A person never sees it, so its label only needs to say « leave it empty ».
    website = forms.CharField(label=_("Laissez ce champ vide"), required=False,
                              widget=forms.TextInput(attrs={"autocomplete": "off",
                                                            "tabindex": "-1"}))

    def clean_phone(self) -> str:
        phone = str(self.cleaned_data.get("phone") or "").strip()
        if phone and not _PHONE.match(phone):
            raise ValidationError(_("Un numéro de téléphone : des chiffres, espaces, points "
                                    "ou un « + »."))
        return phone

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if str(cleaned.get("website") or "").strip():
            # Said to the whole form: the trapped field is not on the visitor's screen.
            raise ValidationError(_("Ce message ressemble à un envoi automatique : il n'a pas "
                                    "été envoyé."), code="honeypot")
        return cleaned

    def clean_message(self) -> str:
        message = str(self.cleaned_data.get("message") or "").strip()
        # Messages are plain text; a NUL byte or other control character is never a person's.
        if re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", message):
            raise ValidationError(_("Le message contient des caractères invalides."))
        return message
