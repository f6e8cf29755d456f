"""Forms of the producer area: they parse and validate input; services write."""

import re
from decimal import Decimal
from typing import Any

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.dates import MONTHS
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.fr import siret as siret_number

from marketplace.models import Category, Commune, Label
from producers.accounts import email_is_taken
from producers.geo import check_position
from producers.images import validate_image
from producers.models import (
    MAX_PRICE,
    MAX_PRODUCER_PHOTOS,
    MAX_PRODUCT_PHOTOS,
    PointOfSale,
    PointOfSaleKind,
    Producer,
    Product,
    ProductStatus,
)
from producers.selectors import territory_communes

PHONE_RE = re.compile(r"^(?:\+33|0033|0)([1-9])(\d{8})$")
MIN_PRICE = Decimal("0.01")
PRICE_ERROR = _("Le prix doit être compris entre 0,01 € et 10 000 €.")


# --- Fields and widgets ---------------------------------------------------------------------

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


CODE_IN_LABEL = re.compile(r"\(([0-9][0-9AB][0-9]{3})\)\s*$")


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
        code = match.group(1) if match else (text if re.fullmatch(r"\d[\dAB]\d{3}", text) else None)
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
        value = super().clean(value)
        try:
            return str(siret_number.validate(value))
        except StdnumError:
            compact = siret_number.compact(value)
            if not compact.isdigit() or len(compact) != 14:
                raise ValidationError(_("Un numéro SIRET compte exactement 14 chiffres."),
                                      code="invalid") from None
            raise ValidationError(_("Ce numéro SIRET n'est pas valide : vérifiez les chiffres "
                                    "(la clé de contrôle ne correspond pas)."),
                                  code="invalid") from None


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


# --- Accounts -------------------------------------------------------------------------------

class EmailAuthenticationForm(AuthenticationForm):
    """The login form, with the e-mail address as the user name."""

    username = forms.CharField(
        label=_("Adresse e-mail"), max_length=254,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autofocus": True,
                                      "inputmode": "email"}),
    )
    error_messages = {
        "invalid_login": _("Adresse e-mail ou mot de passe incorrect."),
        "inactive": _("Ce compte est désactivé."),
    }

    def clean_username(self) -> str:
        typed = self.cleaned_data["username"].strip()
        # Sign-up stores addresses in lower case; accept « Jeanne@Ferme.fr » too.
        users = get_user_model().objects
        if users.filter(username=typed).exists():
            return typed
        user = users.filter(username__iexact=typed).order_by("pk").first()
        return user.get_username() if user is not None else typed


class PasswordFieldsMixin(forms.Form):
    password1 = forms.CharField(
        label=_("Mot de passe"), strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Au moins 8 caractères, pas uniquement des chiffres."),
    )
    password2 = forms.CharField(
        label=_("Confirmation du mot de passe"), strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def _password_user(self) -> Any:
        return get_user_model()(username=self.cleaned_data.get("email", ""),
                                email=self.cleaned_data.get("email", ""))

    def clean_password2(self) -> str:
        one, two = self.cleaned_data.get("password1"), self.cleaned_data.get("password2")
        if one and two and one != two:
            raise ValidationError(_("Les deux mots de passe ne sont pas identiques."))
        return two or ""

    def _post_clean(self) -> None:
        super()._post_clean()  # type: ignore[misc]
        password = self.cleaned_data.get("password2")
        if password:
            try:
                password_validation.validate_password(password, self._password_user())
            except ValidationError as error:
                self.add_error("password1", error)


class SignUpForm(PasswordFieldsMixin, forms.Form):
    email = forms.EmailField(
        label=_("Adresse e-mail"), max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("Elle sert à vous connecter ; nous y envoyons un lien de confirmation."),
    )
    first_name = forms.CharField(label=_("Prénom"), max_length=150, required=False,
                                 widget=forms.TextInput(attrs={"autocomplete": "given-name"}))
    last_name = forms.CharField(label=_("Nom"), max_length=150, required=False,
                                widget=forms.TextInput(attrs={"autocomplete": "family-name"}))
    nom = forms.CharField(label=_("Nom de la ferme ou de l'entreprise"), max_length=150,
                          help_text=_("Le nom que verront les clients."))
    legal_name = forms.CharField(label=_("Raison sociale"), max_length=200,
                                 help_text=_("Par exemple : EARL de la Borie."),
                                 widget=forms.TextInput(attrs={"autocomplete": "organization"}))
    siret = SiretField()
    commune = CommuneField(label=_("Commune de la ferme"))
    phone = forms.CharField(label=_("Téléphone"), max_length=20,
                            widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}))

    field_order = ["email", "password1", "password2", "first_name", "last_name", "nom",
                   "legal_name", "siret", "commune", "phone"]

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if email_is_taken(email):
            raise ValidationError(_("Un compte existe déjà avec cette adresse e-mail : "
                                    "connectez-vous ou réinitialisez votre mot de passe."))
        return email

    def clean_siret(self) -> str:
        siret = self.cleaned_data["siret"]
        if Producer.objects.filter(siret=siret).exists():
            raise ValidationError(_("Ce numéro SIRET est déjà inscrit sur le site. Si c'est "
                                    "votre entreprise, demandez une invitation à la personne "
                                    "qui l'a inscrite."))
        return siret

    def clean_phone(self) -> str:
        phone = clean_phone(self.cleaned_data["phone"])
        if not phone:
            raise ValidationError(_("Indiquez un numéro de téléphone."))
        return phone


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Adresse e-mail de la personne à inviter"), max_length=254,
                             widget=forms.EmailInput(attrs={"autocomplete": "off"}))


class InvitationSignUpForm(PasswordFieldsMixin, forms.Form):
    first_name = forms.CharField(label=_("Prénom"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Nom"), max_length=150, required=False)

    def __init__(self, *args: Any, email: str, **kwargs: Any) -> None:
        self.email = email
        super().__init__(*args, **kwargs)

    def _password_user(self) -> Any:
        return get_user_model()(username=self.email, email=self.email)


# --- Profile --------------------------------------------------------------------------------

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
                  "social_links", "opening_hours", "offers_pickup", "labels"]
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


# --- Points of sale -------------------------------------------------------------------------

class PointOfSaleForm(forms.ModelForm):
    commune = CommuneField(label=_("Commune"))

    class Meta:
        model = PointOfSale
        fields = ["kind", "nom", "commune", "address", "weekday", "opens", "closes",
                  "offers_pickup"]
        widgets = {
            "kind": forms.RadioSelect,
            "opens": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "closes": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }
        labels = {"nom": _("Nom du lieu"), "offers_pickup": _("On peut y retirer les commandes")}
        help_texts = {
            "nom": _("Par exemple : Marché de Cahors, place Chapou."),
            "weekday": _("Pour un marché : le jour où vous y êtes."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        kind = self.fields["kind"]
        assert isinstance(kind, forms.ChoiceField)
        kind.choices = PointOfSaleKind.choices
        self.fields["weekday"].required = False

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == PointOfSaleKind.MARKET and not data.get("weekday"):
            self.add_error("weekday", _("Indiquez le jour du marché."))
        if data.get("kind") != PointOfSaleKind.MARKET:
            data["weekday"] = None
        opens, closes = data.get("opens"), data.get("closes")
        if opens and closes and closes <= opens:
            self.add_error("closes", _("L'heure de fermeture doit suivre l'heure d'ouverture."))
        return data

    def _post_clean(self) -> None:
        pass  # the service validates the model


# --- Catalogue ------------------------------------------------------------------------------

class CategoryChoiceField(forms.ModelChoiceField):
    """Categories grouped by family (<optgroup>), families in their curated order."""

    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.parent.nom} › {obj.nom}" if obj.parent_id else str(obj.nom)

    def _get_choices(self) -> Any:
        categories = list(self.queryset.order_by("position", "nom"))  # type: ignore[union-attr]
        children: dict[int, list[Category]] = {}
        for category in categories:
            if category.parent_id:
                children.setdefault(category.parent_id, []).append(category)
        choices: list[Any] = [("", self.empty_label)] if self.empty_label is not None else []
        for root in (c for c in categories if not c.parent_id):
            options = [(str(c.pk), c.nom) for c in children.get(root.pk, [])]
            options.append((str(root.pk), _("%(famille)s : autre") % {"famille": root.nom}))
            choices.append((root.nom, options))
        return choices

    choices = property(_get_choices, forms.ChoiceField.choices.fset)  # type: ignore[assignment,attr-defined,union-attr]


def _category_queryset() -> Any:
    return Category.objects.select_related("parent").order_by(
        "parent__position", "parent__nom", "position", "nom")


class ProductForm(forms.ModelForm):
    category = CategoryChoiceField(label=_("Catégorie"), queryset=_category_queryset(),
                                   empty_label=_("— Choisissez —"))
    price = price_field()
    stock = stock_field()
    season_months = forms.TypedMultipleChoiceField(
        label=_("Saison"), coerce=int, required=False, choices=list(MONTHS.items()),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Les mois où le produit est disponible. Aucun coché : toute l'année."),
    )
    labels = forms.ModelMultipleChoiceField(
        label=_("Labels"), queryset=Label.objects.order_by("nom"), required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    status = forms.ChoiceField(
        label=_("Visibilité"), widget=forms.RadioSelect,
        choices=[(ProductStatus.PUBLISHED, _("Publié (visible dès que votre fiche est "
                                             "validée)")),
                 (ProductStatus.DRAFT, _("Brouillon (visible par vous seul)"))],
        initial=ProductStatus.PUBLISHED,
    )
    photos = PhotosField(label=_("Photos"), max_count=MAX_PRODUCT_PHOTOS,
                         help_text=_("Jusqu'à 5 photos : JPEG, PNG ou WebP, 10 Mo au plus "
                                     "chacune."))

    class Meta:
        model = Product
        fields = ["nom", "category", "description", "price", "unit", "unit_size", "stock",
                  "is_available", "season_months", "labels", "status"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}
        labels = {"is_available": _("Disponible à la vente"), "unit": _("Prix pour")}

    def __init__(self, *args: Any, photo_room: int = MAX_PRODUCT_PHOTOS, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        photos = self.fields["photos"]
        assert isinstance(photos, PhotosField)
        photos.max_count = photo_room
        if photo_room == 0:
            del self.fields["photos"]
        if self.instance.pk and self.instance.status == ProductStatus.ARCHIVED:
            status = self.fields["status"]
            assert isinstance(status, forms.ChoiceField)
            status.choices = [*list(status.choices),  # type: ignore[arg-type]
                              (ProductStatus.ARCHIVED, _("Archivé"))]

    def product_data(self) -> dict[str, Any]:
        skip = {"labels", "photos"}
        return {k: v for k, v in self.cleaned_data.items() if k not in skip}

    def _post_clean(self) -> None:
        pass  # the service validates the model


class QuickEditForm(forms.Form):
    """The inline edit of a product line in the catalogue list."""

    price = price_field()
    stock = stock_field(help_text=_("Vide : à la demande."))
    is_available = forms.BooleanField(label=_("Disponible"), required=False)

    def __init__(self, *args: Any, product: Product, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", f"p{product.pk}")
        kwargs.setdefault("initial", {"price": product.price, "stock": product.stock,
                                      "is_available": product.is_available})
        super().__init__(*args, **kwargs)
        self.product = product
