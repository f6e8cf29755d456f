"""The producer self-service API: me/producer/ and me/products/, token auth, owner-scoped."""

from decimal import Decimal

import pytest
from django.conf import settings
from django.urls import include, path
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema
from rest_framework.authtoken.models import Token

from producers.models import Producer, Product, ProductStatus
from tests.factories import MembershipFactory, ProducerFactory, ProductFactory, UserFactory
from tests.orders.ordering import ordered

ME = "/api/v1/me/producer/"
PRODUCTS = "/api/v1/me/products/"


def product_payload(**overrides):
    return {"nom": "Noix fraîches", "category": "noix", "price": "6.50", "unit": "kg",
            "stock": 25, "season_months": [9, 10], "labels": ["aop"], **overrides}


@pytest.fixture
def category_slug(db):
    from marketplace.reference.models import Category

    Category.objects.get(slug="noix")  # fails loudly if the shipped taxonomy changed
    return "noix"


@pytest.mark.django_db
class TestToken:
    def test_a_token_is_obtained_with_the_email_and_password(self, lot_communes, api_client):
        user = UserFactory.create(username="jeanne@borie.test")

        response = api_client.post("/api/v1/auth/token/", {
            "username": "jeanne@borie.test", "password": "motdepasse-solide-46"}, format="json")

        assert response.status_code == 200
        token = Token.objects.get(user=user)
        assert response.json()["token"] == token.key
        assert response.json()["expires"].startswith(
            (token.created + settings.API_TOKEN_TTL).date().isoformat())

    def test_wrong_credentials_get_a_400_in_french_and_no_token(self, lot_communes, api_client):
        UserFactory.create(username="jeanne@borie.test")

        response = api_client.post("/api/v1/auth/token/", {
            "username": "jeanne@borie.test", "password": "pas-le-bon"}, format="json",
            HTTP_ACCEPT_LANGUAGE="fr")

        assert response.status_code == 400
        assert "Impossible de se connecter" in str(response.json())
        assert not Token.objects.exists()

    def test_the_schema_documents_the_token_endpoint_answers(self, api_client):
        schema = api_client.get("/api/schema/?format=json").json()

        answers = schema["paths"]["/api/v1/auth/token/"]["post"]["responses"]
        assert set(answers) == {"200", "400", "401", "413", "414", "429"}


@pytest.fixture
def api_client():
    from rest_framework.test import APIClient

    return APIClient()


@pytest.mark.django_db
class TestMeProducer:
    def test_the_owner_reads_its_full_producer(self, owner):
        response = owner.api.get(ME)

        body = response.json()
        assert response.status_code == 200
        assert (body["slug"], body["nom"], body["status"], body["commune"]) == (
            "la-borie", "La Borie", "approved", {"code_insee": "46042", "nom": "Cahors"})
        assert body["url"] == f"{settings.SITE_URL}/producteurs/la-borie/"

    def test_anonymous_gets_a_401_in_french(self, anonymous):
        response = anonymous.api.get(ME)

        assert response.status_code == 401
        assert response.json() == {
            "detail": "Informations d'authentification non fournies."}

    def test_a_user_without_producer_gets_a_404_in_french(self, lot_communes):
        from tests.producers.conftest import _actor

        actor = _actor(UserFactory.create(), None)

        response = actor.api.get(ME)

        assert response.status_code == 404
        assert response.json() == {"detail": "Aucun producteur n'est rattaché à ce compte."}

    def test_patch_changes_only_the_given_fields(self, owner):
        response = owner.api.patch(ME, {"description": "Chèvres du causse.",
                                        "labels": ["aop", "agriculture-biologique"],
                                        "commune": "46128", "latitude": 44.78,
                                        "longitude": 1.72, "pickup": False}, format="json")

        assert response.status_code == 200, response.json()
        producer = Producer.objects.get(pk=owner.producer.pk)
        # `pickup` follows the pickup windows (orders): a PATCH does not set it.
        assert (producer.description, producer.commune_id, producer.offers_pickup) == (
            "Chèvres du causse.", "46128", True)
        assert sorted(response.json()["labels"]) == ["agriculture-biologique", "aop"]
        assert producer.nom == "La Borie"

    @pytest.mark.parametrize(("payload", "field", "message"), [
        ({"commune": "75056"}, "commune",
         "Commune inconnue dans le territoire : indiquez son code INSEE (ex. 46042)."),
        ({"labels": ["inexistant"]}, "labels", "Label inconnu : « inexistant »."),
        ({"latitude": 48.85, "longitude": 2.35}, "latitude",
         "Ce point est en dehors du territoire : placez l'épingle dans le département."),
        ({"nom": "x" * 151}, "nom", None),
        ({"phone": "12"}, "phone", None),
    ])
    def test_bad_input_gives_a_400_in_french_and_saves_nothing(self, owner, payload, field,
                                                               message):
        response = owner.api.patch(ME, payload, format="json")

        assert response.status_code == 400
        assert field in response.json()
        if message:
            assert response.json()[field] == [message]
        producer = Producer.objects.get(pk=owner.producer.pk)
        assert (producer.nom, producer.commune_id, producer.latitude) == ("La Borie", "46042",
                                                                          None)
        assert not producer.labels.exists()

    def test_status_and_siret_cannot_be_changed_by_the_producer(self, owner):
        Producer.objects.filter(pk=owner.producer.pk).update(status="pending")
        siret = owner.producer.siret

        owner.api.patch(ME, {"status": "approved", "siret": "40483304800022"}, format="json")

        producer = Producer.objects.get(pk=owner.producer.pk)
        assert (producer.status, producer.siret) == ("pending", siret)

    def test_another_producer_cannot_select_this_one(self, owner, other):
        read = other.api.get(ME, {"producer": "la-borie"})
        write = other.api.patch(f"{ME}?producer=la-borie", {"nom": "Pirate"}, format="json")

        assert read.status_code == write.status_code == 404
        assert Producer.objects.get(pk=owner.producer.pk).nom == "La Borie"

    def test_staff_change_any_producer(self, owner, staff):
        response = staff.api.patch(f"{ME}?producer=la-borie", {"nom": "Corrigé par la CCI"},
                                   format="json")

        assert response.status_code == 200
        assert Producer.objects.get(pk=owner.producer.pk).nom == "Corrigé par la CCI"

    def test_a_member_of_two_farms_picks_one(self, owner):
        second = ProducerFactory.create(nom="Second", slug="second")
        MembershipFactory.create(producer=second, user=owner.user)

        assert owner.api.get(ME, {"producer": "second"}).json()["slug"] == "second"
        assert owner.api.get(ME).json()["slug"] == "la-borie"


@pytest.mark.django_db
class TestMeProducts:
    def test_the_list_is_paginated_and_scoped(self, owner, other):
        ProductFactory.create(producer=owner.producer, nom="A", status=ProductStatus.DRAFT)
        ProductFactory.create(producer=owner.producer, nom="B")
        ProductFactory.create(producer=owner.producer, nom="C", status=ProductStatus.ARCHIVED)
        ProductFactory.create(producer=other.producer, nom="Chez le voisin")

        body = owner.api.get(PRODUCTS).json()
        archived = owner.api.get(PRODUCTS, {"archived": "true"}).json()

        assert set(body) == {"count", "next", "previous", "results"}
        assert [p["nom"] for p in body["results"]] == ["A", "B"]
        assert [p["nom"] for p in archived["results"]] == ["C"]

    def test_create(self, owner, category_slug):
        response = owner.api.post(PRODUCTS, product_payload(), format="json")

        assert response.status_code == 201, response.json()
        body = response.json()
        product = Product.objects.get()
        assert (body["id"], body["slug"], body["price"], body["category"], body["available"],
                body["labels"], body["season_months"]) == (
            product.pk, "noix-fraiches", "6.50", "noix", True, ["aop"], [9, 10])
        assert product.producer == owner.producer
        assert body["url"] == f"{settings.SITE_URL}/produits/la-borie/noix-fraiches/"

    @pytest.mark.parametrize(("overrides", "field", "message"), [
        ({"category": "licornes"}, "category",
         "Catégorie inconnue : « licornes ». Les catégories possibles sont listées par "
         "GET /api/v1/categories/."),
        ({"price": "-1"}, "price", "Le prix doit être compris entre 0,01 € et 10 000 €."),
        ({"price": "10000.01"}, "price", "Le prix doit être compris entre 0,01 € et 10 000 €."),
        ({"stock": -2}, "stock", "Le stock ne peut pas être négatif."),
        ({"nom": "x" * 151}, "nom", None),
        ({"description": "x" * 5001}, "description", None),
        ({"season_months": [0]}, "season_months", None),
        ({"unit": "tonneau"}, "unit", None),
        ({"labels": ["pas-un-label"]}, "labels", "Label inconnu : « pas-un-label »."),
    ])
    def test_bad_input_gives_a_400_in_french_and_creates_nothing(self, owner, overrides,
                                                                 field, message):
        response = owner.api.post(PRODUCTS, product_payload(**overrides), format="json")

        assert response.status_code == 400
        assert field in response.json()
        if message:
            assert response.json()[field] == [message]
        assert not Product.objects.exists()

    def test_a_missing_name_is_reported(self, owner):
        response = owner.api.post(PRODUCTS, {"category": "noix", "price": "3"},
                                  format="json")

        assert response.json() == {"nom": ["Ce champ est obligatoire."]}

    def test_patch_and_delete(self, owner):
        product = ProductFactory.create(producer=owner.producer, price=Decimal("4.50"))
        detail = f"{PRODUCTS}{product.pk}/"

        patched = owner.api.patch(detail, {"price": "5.00", "stock": None,
                                           "is_available": False}, format="json")
        assert patched.status_code == 200
        assert (patched.json()["price"], patched.json()["stock"],
                patched.json()["available"]) == ("5.00", None, False)

        deleted = owner.api.delete(detail)
        assert deleted.status_code == 204
        assert not Product.objects.exists()

    def test_delete_archives_a_product_in_an_order(self, owner):
        product = ProductFactory.create(producer=owner.producer)
        ordered(product)

        response = owner.api.delete(f"{PRODUCTS}{product.pk}/")

        assert response.status_code == 200
        assert response.json()["result"] == "archived"
        assert response.json()["product"]["status"] == "archived"
        assert Product.objects.get().status == ProductStatus.ARCHIVED


def _api_writes(product_pk: int):
    detail = f"{PRODUCTS}{product_pk}/"
    return [
        ("patch", ME + "?producer=la-borie", {"nom": "Changé"}),
        ("post", PRODUCTS + "?producer=la-borie", product_payload(nom="Changé")),
        ("patch", detail, {"nom": "Modifié", "price": "1.00"}),
        ("delete", detail, None),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(("actor_name", "expected"), [
    ("anonymous", [401, 401, 401, 401]),
    ("other", [404, 404, 404, 404]),
    ("owner", [200, 201, 200, 204]),
    ("staff", [200, 201, 200, 204]),
])
def test_every_api_write_endpoint_is_scoped(request, owner, other, actor_name, expected):
    actor = request.getfixturevalue(actor_name)
    product = ProductFactory.create(producer=owner.producer, nom="Tomme", price=Decimal("4.50"))

    statuses = []
    for method, target, payload in _api_writes(product.pk):
        response = getattr(actor.api, method)(target, payload, format="json")
        statuses.append(response.status_code)

    assert statuses == expected
    changed = expected[0] == 200
    assert Producer.objects.filter(slug="la-borie", nom="Changé").exists() is changed
    assert Product.objects.filter(nom="Changé").exists() is changed
    assert Product.objects.filter(pk=product.pk).exists() is not changed


@pytest.mark.django_db
def test_the_schema_documents_the_endpoints_without_warnings(capsys):
    # Only this app's routes: other apps' warnings are theirs to fix.
    generator = SchemaGenerator(patterns=[path("api/v1/", include("producers.api.urls"))])

    schema = generator.get_schema(request=None, public=True)

    validate_schema(schema)
    assert "Warning" not in capsys.readouterr().err
    assert set(schema["paths"]) == {"/api/v1/auth/token/", "/api/v1/me/producer/",
                                    "/api/v1/me/products/", "/api/v1/me/products/{id}/"}
    operations = {op["operationId"] for item in schema["paths"].values() for op in item.values()}
    assert operations >= {"me_producer_retrieve", "me_producer_partial_update",
                          "me_products_list", "me_products_create", "me_products_retrieve",
                          "me_products_partial_update", "me_products_destroy"}
    assert "CommuneRef" in schema["components"]["schemas"]
