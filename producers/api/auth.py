"""`POST auth/token/`: a DRF token for a producer's username (e-mail) and password."""

from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.authtoken.serializers import AuthTokenSerializer
from rest_framework.authtoken.views import ObtainAuthToken

TOKEN_RESPONSE = inline_serializer("TokenResponse", {"token": serializers.CharField()})
CREDENTIALS_ERROR = inline_serializer(
    "TokenError",
    {
        "username": serializers.ListField(child=serializers.CharField(), required=False),
        "password": serializers.ListField(child=serializers.CharField(), required=False),
        "non_field_errors": serializers.ListField(child=serializers.CharField(), required=False),
    },
)


class TokenView(ObtainAuthToken):
    @extend_schema(
        request=AuthTokenSerializer,
        responses={
            200: TOKEN_RESPONSE,
            400: OpenApiResponse(CREDENTIALS_ERROR,
                                 description="Identifiants absents ou incorrects."),
        },
        summary="Obtenir un jeton d'accès",
    )
    def post(self, request, *args, **kwargs):  # type: ignore[no-untyped-def]
        return super().post(request, *args, **kwargs)
