import django_filters

from marketplace.reference.models import Commune


class CommuneFilter(django_filters.FilterSet):
    departement = django_filters.CharFilter(field_name="departement_id")
    epci = django_filters.CharFilter(field_name="epci_id")
    q = django_filters.CharFilter(method="filter_q", label="Nom, début du nom ou code postal")

    class Meta:
        model = Commune
        fields = ["departement", "epci", "q"]

    def filter_q(self, queryset, name, value):  # type: ignore[no-untyped-def]
        return queryset.matching(value)
