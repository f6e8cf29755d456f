"""Actors of the producers tests: an owner, another producer's owner, staff and anonymous."""

from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from producers.models import MemberRole, Producer, VerifiedEmail
from tests.factories import MembershipFactory, ProducerFactory, UserFactory


@dataclass
class Actor:
    user: Any
    producer: Producer | None
    client: Client
    api: APIClient


def _actor(user: Any, producer: Producer | None) -> Actor:
    client = Client()
    client.force_login(user)
    api = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return Actor(user=user, producer=producer, client=client, api=api)


def _verified(user: Any) -> Any:
    """The address confirmed by its e-mailed link, as any producer's that used the site."""
    VerifiedEmail.objects.create(user=user, email=user.email, verified_at=timezone.now())
    return user


@pytest.fixture
def owner(lot_communes) -> Actor:
    producer = ProducerFactory.create(nom="La Borie", slug="la-borie")
    user = _verified(UserFactory.create(username="jeanne@borie.test"))
    MembershipFactory.create(producer=producer, user=user, role=MemberRole.OWNER)
    return _actor(user, producer)


@pytest.fixture
def other(lot_communes) -> Actor:
    producer = ProducerFactory.create(nom="Le Mas", slug="le-mas")
    user = _verified(UserFactory.create(username="paul@mas.test"))
    MembershipFactory.create(producer=producer, user=user, role=MemberRole.OWNER)
    return _actor(user, producer)


@pytest.fixture
def staff(lot_communes) -> Actor:
    return _actor(UserFactory(username="camille@cci.test", is_staff=True), None)


@pytest.fixture
def anonymous(db) -> Actor:
    return Actor(user=None, producer=None, client=Client(), api=APIClient())
