"""The farm's profile, photos and points of sale."""

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from marketplace.reference.models import Label
from producers.forms.fields import CommuneField, PhotosField, clean_phone
from producers.forms.hours import hours_formset
from producers.geo import check_position
from producers.images import validate_image
from producers.models import (
    MAX_PRODUCER_PHOTOS,
    PointOfSale,
    PointOfSaleKind,
    Producer,
)
from producers.opening_hours import HoursRange, hours_errors


class SocialLinksField(forms.CharField):
    """One address per line, stored as a list."""

    widget = forms.Textarea(attrs={"rows": 3})

    def prepare_value(self, value: Any) -> Any:
        return "\n".join(value) if isinstance(value, list) else value

    def clean(self, value: Any) -> list[str]:
        text = super().clean(value) or ""
        links = [line.strip() for line in text.splitlines() if line.strip()]
        if len(links) > 10:
            raise ValidationError(_("10 liens au plus."))
        validate = URLValidator(schemes=["http", "https"])
        for link in links:
            try:
                validate(link)
            except ValidationError:
                raise ValidationError(
                    _("« %(link)s » n'est pas une adresse web valide (elle commence par "
                      "https://).") % {"link": link[:80]}
                ) from None
            if len(link) > 300:
                raise ValidationError(_("Un lien dépasse 300 caractères."))
        return links


class ProfileForm(forms.ModelForm):
    commune = CommuneField(label=_("Commune"))
    labels = forms.ModelMultipleChoiceField(
        label=_("Labels et signes de qualité"), queryset=Label.objects.order_by("nom"),
        required=False, widget=forms.CheckboxSelectMultiple,
    )
    social_links = SocialLinksField(
        label=_("Réseaux sociaux"), required=False,
        help_text=_("Une adresse par ligne (Facebook, Instagram…)."),
    )
    latitude = forms.FloatField(
        label=_("Latitude"), required=False, min_value=-90, max_value=90,
        widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
        help_text=_("Par exemple 44.4475."),
    )
    longitude = forms.FloatField(
        label=_("Longitude"), required=False, min_value=-180, max_value=180,
        widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
        help_text=_("Par exemple 1.4410."),
    )
    logo_upload = forms.FileField(
        label=_("Logo"), required=False,
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        help_text=_("JPEG, PNG ou WebP, 10 Mo au plus."),
    )
    logo_clear = forms.BooleanField(label=_("Supprimer le logo actuel"), required=False)

    class Meta:
        model = Producer
        fields = ["nom", "slug", "legal_name", "description", "address", "postal_code",
                  "commune", "latitude", "longitude", "phone", "email", "website",
                  "social_links", "opening_hours", "labels"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "opening_hours": forms.Textarea(attrs={"rows": 3}),
            "postal_code": forms.TextInput(attrs={"inputmode": "numeric",
                                                  "autocomplete": "postal-code"}),
            "address": forms.TextInput(attrs={"autocomplete": "street-address"}),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        }
        help_texts = {
            "slug": _("L'adresse de votre page publique : /producteurs/<slug>/. Elle ne peut "
                      "plus changer une fois la fiche publiée."),
            "opening_hours": _("Par exemple : du lundi au samedi, de 17 h à 19 h."),
        }

    def __init__(self, *args: Any, can_edit_slug: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not can_edit_slug:
            del self.fields["slug"]
        else:
            self.fields["slug"].required = False  # left empty: unchanged

    def clean_phone(self) -> str:
        return clean_phone(self.cleaned_data.get("phone", ""))

    def clean_postal_code(self) -> str:
        code = self.cleaned_data.get("postal_code", "").strip()
        if code and not re.fullmatch(r"\d{5}", code):
            raise ValidationError(_("Un code postal compte 5 chiffres."))
        return code

    def clean_logo_upload(self) -> Any:
        upload = self.cleaned_data.get("logo_upload")
        if upload:
            validate_image(upload)
        return upload

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        commune = data.get("commune")
        lat, lon = data.get("latitude"), data.get("longitude")
        moved = commune is not None and commune.pk != self.instance.commune_id
        if moved and (lat, lon) == (self.instance.latitude, self.instance.longitude):
            # A new commune and an untouched pin: the pin follows the commune.
            lat = lon = None
        if commune is not None and lat is None and lon is None:
            data["latitude"], data["longitude"] = commune.latitude, commune.longitude
        elif commune is not None and "latitude" not in self.errors:
            try:
                check_position(commune=commune, latitude=lat, longitude=lon)
            except ValidationError as error:
                self.add_error(None, error)
        return data

    def profile_data(self) -> dict[str, Any]:
        skip = {"labels", "logo_upload", "logo_clear"}
        if not self.cleaned_data.get("slug"):
            skip.add("slug")
        return {k: v for k, v in self.cleaned_data.items() if k not in skip}

    def _post_clean(self) -> None:
        # Services validate and save; skip ModelForm's construct-and-validate of the instance
        # (it would mutate the instance before the service runs), but keep unique checks.
        if "slug" in self.fields and self.cleaned_data.get("slug"):
            slug = self.cleaned_data["slug"]
            if Producer.objects.filter(slug=slug).exclude(pk=self.instance.pk).exists():
                self.add_error("slug", _("Cette adresse est déjà prise par un autre producteur."))


class PhotoUploadForm(forms.Form):
    photos = PhotosField(label=_("Ajouter des photos"), max_count=MAX_PRODUCER_PHOTOS,
                         required=True,
                         help_text=_("JPEG, PNG ou WebP, 10 Mo au plus chacune."))
    alt = forms.CharField(
        label=_("Description des photos"), max_length=200, required=False,
        help_text=_("Ce que montrent les photos, pour les personnes qui ne les voient pas."),
    )


class PhotoAltForm(forms.Form):
    alt = forms.CharField(label=_("Description de la photo"), max_length=200, required=False)



class PointOfSaleForm(forms.ModelForm):
    """The place, and its week in `hours` (a formset of day + opening + closing rows) that the
    form validates with it: `is_valid` is both's, and the week's own rules (a market needs a
    day, ranges of a day must not overlap) are checked once the rows are."""

    commune = CommuneField(label=_("Commune"))

    class Meta:
        model = PointOfSale
        fields = ["kind", "nom", "commune", "address"]
        widgets = {"kind": forms.RadioSelect}
        labels = {"nom": _("Nom du lieu")}
        help_texts = {"nom": _("Par exemple : Marché de Cahors, place Chapou.")}

    def __init__(self, data: Any = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(data, *args, **kwargs)
        kind = self.fields["kind"]
        assert isinstance(kind, forms.ChoiceField)
        kind.choices = PointOfSaleKind.choices
        self.hours = hours_formset(data, self.instance.ranges() if self.instance.pk else [])
        self.hours_errors: list[str] = []

    def is_valid(self) -> bool:
        hours_valid = self.hours.is_valid()
        return super().is_valid() and hours_valid

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.hours.is_valid():
            self.add_error(None, _("Jours et horaires : corrigez les lignes signalées."))
        elif "kind" in data:
            self.hours_errors = hours_errors(is_market=data["kind"] == PointOfSaleKind.MARKET,
                                             ranges=self.hours.ranges())
            for message in self.hours_errors:
                self.add_error(None, message)
        return data

    def hours_data(self) -> list[HoursRange]:
        return self.hours.ranges()

    def _post_clean(self) -> None:
        pass  # the service validates the model
