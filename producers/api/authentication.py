"""The API's token authentication: DRF's tokens, with a lifetime (API_TOKEN_TTL).

Kept apart from the token views: DRF loads this class while its own views module is being
imported, so it may import nothing that imports those views."""

from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication
from rest_framework.authtoken.models import Token


def expired(token: Token) -> bool:
    return token.created < timezone.now() - settings.API_TOKEN_TTL


class ExpiringTokenAuthentication(TokenAuthentication):
    """DRF's token authentication, refusing (and forgetting) tokens past their lifetime."""

    def authenticate_credentials(self, key: str) -> tuple[Any, Token]:
        user, token = super().authenticate_credentials(key)
        if expired(token):
            token.delete()
            raise exceptions.AuthenticationFailed(
                _("Ce jeton a expiré : demandez-en un nouveau (POST /api/v1/auth/token/)."))
        return user, token
