"""API tokens: `POST auth/token/` gives a producer's token for its e-mail and password,
`DELETE auth/token/` revokes it. Tokens expire (API_TOKEN_TTL), are revoked when the password
changes or is reset, and are not issued to CCI staff (who work in the staff area)."""

from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import exceptions, serializers, status
from rest_framework.authtoken.models import Token
from rest_framework.authtoken.serializers import AuthTokenSerializer
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle

from marketplace.common.responses import locked_out
from producers.api.authentication import expired

TOKEN_RESPONSE = inline_serializer("TokenResponse", {
    "token": serializers.CharField(),
    "expires": serializers.DateTimeField(),
})
CREDENTIALS_ERROR = inline_serializer(
    "TokenError",
    {
        "username": serializers.ListField(child=serializers.CharField(), required=False),
        "password": serializers.ListField(child=serializers.CharField(), required=False),
        "non_field_errors": serializers.ListField(child=serializers.CharField(), required=False),
    },
)
DETAIL = inline_serializer("Detail", {"detail": serializers.CharField()})


class TokenView(ObtainAuthToken):
    # DRF's token view turns throttling off; this one checks a password, so it is throttled.
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "token"

    def get_permissions(self) -> Any:
        return [IsAuthenticated()] if self.request.method == "DELETE" else []

    @extend_schema(
        request=AuthTokenSerializer,
        responses={
            200: TOKEN_RESPONSE,
            400: OpenApiResponse(CREDENTIALS_ERROR,
                                 description="Identifiants absents ou incorrects, ou compte "
                                             "de l'équipe CCI."),
            429: OpenApiResponse(DETAIL, description="Trop de tentatives."),
        },
        summary="Obtenir un jeton d'accès (valable 30 jours)",
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Any:
        serializer = self.get_serializer(data=request.data)
        valid = serializer.is_valid()
        # django-axes marks the request it was handed (DRF's wrapper, not Django's), so its
        # middleware cannot see a locked-out token request: answer it here.
        if getattr(request, "axes_locked_out", False):
            return locked_out(request._request)
        if not valid:
            raise exceptions.ValidationError(serializer.errors)
        user = serializer.validated_data["user"]
        if user.is_staff:
            raise exceptions.ValidationError({"non_field_errors": [_(
                "Les comptes de l'équipe CCI n'ont pas de jeton : ils travaillent dans "
                "l'espace de curation.")]})
        token, _created = Token.objects.get_or_create(user=user)
        if expired(token):
            token.delete()
            token = Token.objects.create(user=user)
        return Response({"token": token.key,
                         "expires": token.created + settings.API_TOKEN_TTL})

    @extend_schema(
        request=None,
        responses={204: OpenApiResponse(description="Jeton révoqué."),
                   401: OpenApiResponse(DETAIL, description="Jeton absent ou non valide.")},
        summary="Révoquer mon jeton",
    )
    def delete(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        Token.objects.filter(user_id=int(request.user.pk or 0)).delete()
        return Response(status=status.HTTP_204_NO_CONTENT)
