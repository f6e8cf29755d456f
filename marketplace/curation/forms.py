"""Forms of the staff area: they parse and show; the services validate and write."""

from typing import Any
from urllib.parse import urlsplit

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from marketplace.reference.models import Label
from producers.forms.fields import CommuneField, price_field
from producers.models import Campaign, Producer, Product

REASON = forms.CharField(label=_("Motif (communiqué au producteur)"), required=False,
                         max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


class DecisionForm(forms.Form):
    """Approve, reject, suspend or reinstate; the machine says which moves exist."""

    move = forms.ChoiceField(label=_("Décision"), widget=forms.RadioSelect)
    reason = REASON

    def __init__(self, *args: Any, moves: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["move"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = moves


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Motif (communiqué au producteur)"), max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 3}))


class ClaimDecisionForm(forms.Form):
    move = forms.ChoiceField(label=_("Décision"), widget=forms.RadioSelect, choices=[
        ("accept", _("Accepter : la fiche passe au compte du demandeur")),
        ("refuse", _("Refuser (motif communiqué au demandeur)")),
    ])
    reason = REASON


class ProducerCorrectionForm(forms.ModelForm):
    commune = CommuneField(label=_("Commune"))
    labels = forms.ModelMultipleChoiceField(
        label=_("Labels et signes de qualité"), queryset=Label.objects.order_by("nom"),
        required=False, widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = Producer
        fields = ["nom", "legal_name", "description", "commune", "address", "postal_code",
                  "phone", "email", "website", "opening_hours", "labels"]
        widgets = {"description": forms.Textarea(attrs={"rows": 5}),
                   "opening_hours": forms.Textarea(attrs={"rows": 2})}

    def data_for_service(self) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if k != "labels"}

    def _post_clean(self) -> None:
        pass  # the service validates the model


class ProductCorrectionForm(forms.ModelForm):
    price = price_field()  # « 2,50 » as producers type it
    labels = forms.ModelMultipleChoiceField(
        label=_("Labels"), queryset=Label.objects.order_by("nom"), required=False,
        widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = Product
        fields = ["nom", "category", "description", "price", "unit", "unit_size", "labels"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def data_for_service(self) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if k != "labels"}

    def _post_clean(self) -> None:
        pass


def _subject(value: str) -> Producer | Product:
    """A producer's or product's public address (or a producer's slug) → the record."""
    path = urlsplit(value.strip()).path.strip("/")
    parts = [p for p in path.split("/") if p]
    if len(parts) == 3 and parts[0] == "produits":
        product = Product.objects.select_related("producer").filter(
            producer__slug=parts[1], slug=parts[2]).first()
        if product is not None:
            return product
    elif parts and (len(parts) == 1 or (len(parts) == 2 and parts[0] == "producteurs")):
        producer = Producer.objects.filter(slug=parts[-1]).first()
        if producer is not None:
            return producer
    raise ValidationError(_("Aucun producteur ni produit à cette adresse : collez l'adresse "
                            "de sa page publique (/producteurs/… ou /produits/…/…)."))


class FeaturingForm(forms.Form):
    subject = forms.CharField(
        label=_("Producteur ou produit"), max_length=300,
        help_text=_("L'adresse de sa page publique, par exemple /produits/la-ferme/le-produit/ "
                    "ou /producteurs/la-ferme/."))
    campaign = forms.ModelChoiceField(
        label=_("Où"), queryset=Campaign.objects.order_by("-starts_on"), required=False,
        empty_label=_("Page d'accueil"))
    position = forms.IntegerField(label=_("Ordre"), min_value=1, max_value=999, initial=1,
                                  help_text=_("1 : en premier."))
    starts_on = forms.DateField(label=_("Début"), widget=forms.DateInput(attrs={"type": "date"}))
    ends_on = forms.DateField(label=_("Fin"), required=False,
                              widget=forms.DateInput(attrs={"type": "date"}),
                              help_text=_("Vide : sans fin."))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["starts_on"].initial = timezone.localdate()

    def clean_subject(self) -> Producer | Product:
        return _subject(self.cleaned_data["subject"])

    def data_for_service(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        subject = data.pop("subject")
        is_product = isinstance(subject, Product)
        data["product"] = subject if is_product else None
        data["producer"] = None if is_product else subject
        return data


class CampaignForm(forms.ModelForm):
    class Meta:
        model = Campaign
        fields = ["title", "slug", "description", "starts_on", "ends_on"]
        widgets = {"starts_on": forms.DateInput(attrs={"type": "date"}),
                   "ends_on": forms.DateInput(attrs={"type": "date"}),
                   "description": forms.Textarea(attrs={"rows": 3})}

    def _post_clean(self) -> None:
        pass


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Fichier du catalogue (CSV, XLSX ou ODS)"),
                           help_text=_("Une ligne par produit, les colonnes de "
                                       "import_catalogue. Rien n'est importé avant votre "
                                       "confirmation."))
