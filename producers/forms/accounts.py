"""Sign-up, login and invitation forms."""

from typing import Any

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from producers.forms.fields import CommuneField, SiretField, clean_phone


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
        # A known address is not an error here: see accounts.producer_sign_up.
        return str(self.cleaned_data["email"]).strip().lower()

    # A SIRET that a listing already holds is no error: a SIRET is public, so whoever signed
    # up first must not keep it; the sign-up becomes a claim the CCI decides
    # (producers.accounts.producer_sign_up).

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
