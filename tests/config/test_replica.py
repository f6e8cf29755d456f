"""With a read replica configured, a visitor's public reads go to it; writes, signed-in people
and reads inside a transaction stay on the primary. (The test run configures the replica as a
mirror of the primary: same data, another connection, so the alias used is what is measured.)"""

import pytest
from django.db import connections
from django.test.utils import CaptureQueriesContext

from tests.factories import MembershipFactory, ProductFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, databases=["default", "replica"])


def _queries(client, method: str, url: str, **kwargs):
    """The response, and the reads (SELECT) each database answered: writes, such as the search
    log's insert, always go to the primary."""
    with CaptureQueriesContext(connections["default"]) as primary, \
            CaptureQueriesContext(connections["replica"]) as replica:
        response = getattr(client, method)(url, **kwargs)
    return response, _reads(primary), _reads(replica)


def _reads(captured: CaptureQueriesContext) -> int:
    return sum(1 for q in captured.captured_queries
               if q["sql"].lstrip().upper().startswith(("SELECT", "WITH")))


def test_a_visitors_search_reads_from_the_replica(client, lot_communes):
    ProductFactory.create(nom="Rocamadour AOP")

    response, primary, replica = _queries(client, "get", "/produits/", data={"q": "rocamadour"})

    assert response.status_code == 200
    assert [p.nom for p in response.context["results"]] == ["Rocamadour AOP"]
    assert replica > 0 and primary == 0


def test_the_public_api_lists_read_from_the_replica(client, lot_communes):
    ProductFactory.create(nom="Rocamadour AOP")

    response, primary, replica = _queries(client, "get", "/api/v1/products/")

    assert response.json()["count"] == 1
    assert replica > 0 and primary == 0


def test_a_signed_in_producer_reads_its_own_writes_from_the_primary(client, lot_communes):
    product = ProductFactory.create(nom="Rocamadour AOP")
    user = UserFactory.create()
    MembershipFactory.create(producer=product.producer, user=user)
    client.force_login(user)

    response, primary, replica = _queries(client, "get", "/produits/")

    assert response.status_code == 200
    assert replica == 0 and primary > 0


def test_writes_and_private_pages_use_the_primary(client, lot_communes):
    response, primary, replica = _queries(client, "post", "/espace-producteur/connexion/",
                                          data={"username": "x@y.test", "password": "z"})

    assert response.status_code == 200
    assert replica == 0 and primary > 0


def test_readiness_checks_databases_cache_and_storage(client):
    response = client.get("/readyz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database:default": "ok",
                               "database:replica": "ok", "cache": "ok", "storage": "ok"}


def test_readiness_says_which_part_is_down(client, monkeypatch):
    from django.core.files.storage import default_storage

    def down(name):
        raise ConnectionError("the storage is unreachable")

    default_storage.exists("x")  # the lazy storage, built
    monkeypatch.setattr(default_storage._wrapped, "exists", down)  # type: ignore[attr-defined]

    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json()["storage"] == "unavailable"
    assert response.json()["database:default"] == "ok"
