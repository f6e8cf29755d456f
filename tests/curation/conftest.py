"""Actors of the staff area's tests: a member of « Équipe CCI », staff without the group, a
producer, a visitor."""

from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import Client

from marketplace.curation.permissions import CCI_GROUP
from producers.models import MemberRole, ProducerStatus
from tests.factories import MembershipFactory, ProducerFactory, UserFactory


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Cached pages follow the catalogue's version, which moves on commit: the tests' rolled
    back transactions never commit, so each test starts with an empty cache."""
    cache.clear()
    yield
    cache.clear()


@dataclass
class Person:
    user: Any
    client: Client


def _person(user: Any) -> Person:
    client = Client()
    if user is not None:
        client.force_login(user)
    return Person(user=user, client=client)


@pytest.fixture
def cci(lot_communes) -> Person:
    user = UserFactory.create(username="camille@cci.test", first_name="Camille")
    user.groups.add(Group.objects.get(name=CCI_GROUP))
    return _person(user)


@pytest.fixture
def staff_without_group(lot_communes) -> Person:
    return _person(UserFactory.create(username="stagiaire@cci.test", is_staff=True))


@pytest.fixture
def farmer(lot_communes) -> Person:
    producer = ProducerFactory.create(nom="La Borie", slug="la-borie", email="")
    user = UserFactory.create(username="jeanne@borie.test")
    MembershipFactory.create(producer=producer, user=user, role=MemberRole.OWNER)
    person = _person(user)
    person.producer = producer  # type: ignore[attr-defined]
    return person


@pytest.fixture
def visitor(db) -> Person:
    return _person(None)


@pytest.fixture
def pending(lot_communes) -> Any:
    """A farm that signed up and waits for review, with its owner's account."""
    producer = ProducerFactory.create(nom="Le Jardin du Causse", slug="jardin-du-causse",
                                      status=ProducerStatus.PENDING,
                                      email="contact@jardin.test")
    user = UserFactory.create(username="lucie@jardin.test")
    MembershipFactory.create(producer=producer, user=user, role=MemberRole.OWNER)
    return producer
