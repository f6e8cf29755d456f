"""The directory's filters (the public contract's names), validated by django-filter for the
pages and the API alike; the filtering itself is `marketplace.directory`'s."""

from typing import Any

import django_filters
from django import forms
from django.core.validators import ProhibitNullCharactersValidator
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from marketplace.directory import results as directory
from marketplace.reference.models import Commune
from producers.models import PointOfSaleKind, Producer, Product

SORT_CHOICES = [
    ("relevance", _("Pertinence")),
    ("distance", _("Distance")),
    ("name", _("Nom")),
    ("price", _("Prix")),
    ("newest", _("Nouveautés")),
]
MAX_RADIUS_KM = 200
# A repeatable filter takes at most this many distinct values (there are fewer labels than
# that); repeats are dropped, so `label=aop` sent 1,000 times costs what one costs.
MAX_VALUES = 10


def distinct(values: Any) -> list[Any]:
    return list(dict.fromkeys(values))


class MultipleValueField(forms.Field):
    """A repeatable free-text parameter (`label=aop&label=igp`): unknown values are not errors,
    they simply match nothing."""

    widget = forms.MultipleHiddenInput
    default_validators = [ProhibitNullCharactersValidator()]

    def validate(self, value: Any) -> None:
        super().validate(value)
        if len(value) > MAX_VALUES:
            raise forms.ValidationError(
                _("%(max)d valeurs différentes au plus.") % {"max": MAX_VALUES}, code="too_many")
        for item in value:
            self.run_validators(item)

    def run_validators(self, value: Any) -> None:
        if isinstance(value, str):
            super().run_validators(value)

    def to_python(self, value: Any) -> list[str]:
        if not value:
            return []
        values = value if isinstance(value, list | tuple) else [value]
        return distinct(str(v).strip()[:80] for v in values if str(v).strip())


@extend_schema_field(OpenApiTypes.STR)  # documented as a repeatable parameter by the API views
class MultipleValueFilter(django_filters.Filter):
    field_class = MultipleValueField


class DistinctMultipleChoiceField(django_filters.fields.MultipleChoiceField):
    """Choices given several times count once (validated once)."""

    def to_python(self, value: Any) -> list[str]:
        return distinct(super().to_python(value))


class DistinctMultipleChoiceFilter(django_filters.MultipleChoiceFilter):
    field_class = DistinctMultipleChoiceField


@extend_schema_field(OpenApiTypes.INT)
class IntegerFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


class SharedFields(dict[str, forms.Field]):
    """A filter form's fields, shared by its instances: Django deep-copies a form's fields for
    each instance (another millisecond) so that one may change them, and a filter form is
    only validated (the pages write their form by hand, from the query)."""

    def __deepcopy__(self, memo: dict[int, Any]) -> dict[str, forms.Field]:
        return dict(self)


class FilterForm(forms.Form):
    def _clean_fields(self) -> None:
        # Django's loop, without a bound field built per field (one is built for an error only).
        for name, field in self.fields.items():
            value = field.widget.value_from_datadict(self.data, self.files,
                                                     self.add_prefix(name))
            try:
                self.cleaned_data[name] = field.clean(value)
            except forms.ValidationError as error:
                self.add_error(name, error)


class DirectoryFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Rechercher"), max_length=200,
        help_text=_("Texte libre : accents, pluriels et petites fautes sont pardonnés."))
    commune = django_filters.CharFilter(
        label=_("Commune"), max_length=120,
        help_text=_("Code INSEE de la commune (46102 pour Figeac)."))
    radius_km = django_filters.NumberFilter(
        label=_("Rayon (km)"), min_value=0, max_value=MAX_RADIUS_KM, max_digits=5,
        decimal_places=1,
        help_text=_("Avec « commune » : distance maximale depuis son centre, en kilomètres."))
    epci = django_filters.CharFilter(
        label=_("Intercommunalité"), max_length=9,
        help_text=_("SIREN de l'intercommunalité."))
    category = django_filters.CharFilter(
        label=_("Catégorie"), max_length=80,
        help_text=_("Slug de la catégorie (ses sous-catégories comprises)."))
    label = MultipleValueFilter(
        label=_("Labels"), help_text=_("Slug d'un label ; répétable (tous sont exigés)."))
    pickup = django_filters.BooleanFilter(
        label=_("Retrait des commandes (click & collect)"),
        help_text=_("true : producteurs proposant le retrait des commandes."))
    online_payment = django_filters.BooleanFilter(
        label=_("Paiement en ligne"),
        help_text=_("true : producteurs acceptant le paiement en ligne."))
    point_of_sale = DistinctMultipleChoiceFilter(
        label=_("Où acheter"), choices=PointOfSaleKind.choices,
        help_text=_("farm, market, shop, pickup_point ; répétable. Avec « commune », le point "
                    "de vente lui-même doit être dans la zone."))
    weekday = IntegerFilter(
        label=_("Jour"), min_value=1, max_value=7,
        help_text=_("1 = lundi … 7 = dimanche : points de vente (marchés) ouverts ce jour-là."))
    sort = django_filters.ChoiceFilter(
        label=_("Trier par"), choices=SORT_CHOICES, empty_label=None,
        help_text=_("relevance (par défaut avec q), distance, name, price, newest."))

    # The criteria's commune when the caller has already read it (the commune page).
    resolved_commune: Commune | None = None
    # How the page's rows are read (their relations); None: the pages' default.
    fetch: Any = None

    # The form class, built once per filter set class: django-filter builds a new one (a field
    # per filter) on every request, though it depends only on the declared filters.
    _form_classes: dict[type, type[forms.Form]] = {}

    def __init__(self, data: Any = None, queryset: Any = None, *, request: Any = None,
                 prefix: str | None = None) -> None:
        # django-filter's own __init__, without its deep copy of every declared filter (a
        # millisecond a request): the filtering reads the criteria (`filter_queryset` below),
        # never a filter, so nothing here is bound to one request.
        self.is_bound = data is not None
        self.data = data or QueryDict()
        self.queryset = (self._meta.model._default_manager.all() if queryset is None
                         else queryset)
        self.request = request
        self.form_prefix = prefix
        self.filters = self.base_filters

    def get_form_class(self) -> type[forms.Form]:
        form_class = DirectoryFilterSet._form_classes.get(type(self))
        if form_class is None:
            fields = {name: filter_.field for name, filter_ in self.base_filters.items()}
            form_class = type(f"{type(self).__name__}Form", (FilterForm,), fields)
            form_class.base_fields = SharedFields(form_class.base_fields)  # type: ignore[attr-defined]
            DirectoryFilterSet._form_classes[type(self)] = form_class
        return form_class

    def criteria(self) -> directory.Criteria:
        """The valid filters (an invalid one is left out; pages show its error)."""
        return directory.Criteria.from_cleaned(getattr(self.form, "cleaned_data", {}))


class ProducerFilterSet(DirectoryFilterSet):
    class Meta:
        model = Producer
        fields: list[str] = []

    def filter_queryset(self, queryset: Any) -> Any:
        return directory.producer_results(self.criteria(), commune=self.resolved_commune,
                                          fetch=self.fetch)


class ProductFilterSet(DirectoryFilterSet):
    producer = django_filters.CharFilter(
        label=_("Producteur"), max_length=120, help_text=_("Slug du producteur."))
    max_price = django_filters.NumberFilter(
        label=_("Prix maximum (€)"), min_value=0, max_digits=8, decimal_places=2,
        help_text=_("Prix TTC maximum, en euros."))

    class Meta:
        model = Product
        fields: list[str] = []

    def filter_queryset(self, queryset: Any) -> Any:
        return directory.product_results(self.criteria(), commune=self.resolved_commune,
                                         fetch=self.fetch)

