"""GET /api/v1/: the API's routes, so that an integrator finds their way from the root."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response

# (name, path under /api/v1/, what it is): the contract's routes.
ROUTES = [
    ("communes", "communes/", "Communes (code INSEE, nom, codes postaux, EPCI, position)."),
    ("categories", "categories/", "Catégories de produits (slug, nom, parent)."),
    ("producers", "producers/", "Producteurs publiés, filtrables (q, commune, radius_km…)."),
    ("products", "products/", "Produits publiés, filtrables (q, commune, category, max_price…)."),
    ("auth_token", "auth/token/", "POST {username, password} → {token}."),
    ("my_producer", "me/producer/", "Sa ferme (propriétaire, avec jeton)."),
    ("my_products", "me/products/", "Ses produits (propriétaire, avec jeton)."),
    ("my_orders", "me/orders/", "Ses commandes (propriétaire, avec jeton)."),
]


@extend_schema(summary="Les routes de l'API", responses={200: OpenApiResponse(
    OpenApiTypes.OBJECT, description="Chaque route : son adresse et ce qu'elle donne.")})
@api_view(["GET"])
@permission_classes([AllowAny])
def api_root(request: Request) -> Response:
    def absolute(path: str) -> str:
        return request.build_absolute_uri(path)

    return Response({
        "routes": {name: {"url": absolute(f"/api/v1/{path}"), "description": description}
                   for name, path, description in ROUTES},
        "schema": absolute("/api/schema/"),
        "docs": absolute("/api/docs/"),
    })
