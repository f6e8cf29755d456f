from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import viewsets

from marketplace.reference.api.filters import CommuneFilter
from marketplace.reference.api.serializers import CategorySerializer, CommuneSerializer
from marketplace.reference.models import INSEE_CODE, Category, Commune

ERRORS = {
    400: OpenApiResponse(OpenApiTypes.OBJECT, description="Paramètre mal formé."),
    404: OpenApiResponse(OpenApiTypes.OBJECT, description="Inconnu, ou page hors limites."),
}


@extend_schema_view(
    list=extend_schema(responses={200: CommuneSerializer(many=True), **ERRORS}),
    retrieve=extend_schema(responses={200: CommuneSerializer, 404: ERRORS[404]}),
)
class CommuneViewSet(viewsets.ReadOnlyModelViewSet):
    """Communes, keyed by INSEE code. Filters: `departement`, `epci`, `q` (name or postal code)."""

    queryset = Commune.objects.select_related("epci").order_by("nom", "code_insee")
    serializer_class = CommuneSerializer
    filterset_class = CommuneFilter
    lookup_field = "code_insee"
    lookup_value_regex = INSEE_CODE


@extend_schema_view(
    list=extend_schema(responses={200: CategorySerializer(many=True), **ERRORS}),
    retrieve=extend_schema(responses={200: CategorySerializer, 404: ERRORS[404]}),
)
class CategoryViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Category.objects.select_related("parent").order_by(
        "parent__position", "position", "nom"
    )
    serializer_class = CategorySerializer
    lookup_field = "slug"
