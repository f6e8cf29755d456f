"""GET /api/v1/producers/ and /api/v1/products/: the contract's fields, the pages' filters."""

from datetime import time

import pytest

from producers.models import Producer
from tests.factories import (
    PointOfSaleFactory,
    ProducerFactory,
    ProductFactory,
    category,
    commune,
    label,
)

pytestmark = pytest.mark.django_db


def test_producer_list_fields(client, catalogue):
    catalogue.producers["cahors"].labels.add(label("aoc"))

    body = client.get("/api/v1/producers/", {"q": "domaine"}).json()

    assert body["count"] == 1
    assert body["results"][0] == {
        "slug": "domaine-du-causse",
        "nom": "Domaine du Causse",
        "description": "Une ferme du Lot.",
        "commune": {"code_insee": "46042", "nom": "Cahors"},
        "latitude": 44.44683,
        "longitude": 1.44062,
        "categories": ["noix", "vins-rouges"],
        "labels": ["aoc"],
        "pickup": False,
        "online_payment": False,
        "url": "http://127.0.0.1:8000/producteurs/domaine-du-causse/",
        "points_of_sale": [{"kind": "market", "nom": "Marché de Figeac",
                            "commune": {"code_insee": "46102", "nom": "Figeac"},
                            "weekday": 6, "opens": None, "closes": None,
                            "hours": [{"weekday": 6, "opens": None, "closes": None}]}],
        "distance_km": None,
    }


def test_only_public_producers_are_listed(client, catalogue):
    slugs = {p["slug"] for p in client.get("/api/v1/producers/").json()["results"]}

    assert "chevres-en-attente" not in slugs
    assert len(slugs) == 5
    assert client.get("/api/v1/producers/chevres-en-attente/").status_code == 404


def test_producer_detail(client, catalogue):
    body = client.get("/api/v1/producers/truffiere-lalbenque/").json()

    assert body["categories"] == ["safran", "truffes"]
    assert body["points_of_sale"][0]["weekday"] == 2


def test_a_point_of_sale_lists_all_its_days_and_gives_the_first_as_before(client, catalogue):
    producer = ProducerFactory(nom="Ferme des Arques", slug="ferme-des-arques",
                               commune=commune("46042"))
    PointOfSaleFactory(producer=producer, kind="market", nom="Marché de Cahors",
                       commune=commune("46042"),
                       hours=[(6, time(8), time(13)), (3, time(7, 30), time(12, 30))])
    PointOfSaleFactory(producer=producer, kind="farm", nom="À la ferme",
                       hours=[(2, time(17), time(19)), (5, time(17), time(19))])

    points = client.get("/api/v1/producers/ferme-des-arques/").json()["points_of_sale"]

    assert points == [
        {"kind": "farm", "nom": "À la ferme", "commune": {"code_insee": "46042", "nom": "Cahors"},
         "weekday": None, "opens": "17:00", "closes": "19:00",  # a day: markets only
         "hours": [{"weekday": 2, "opens": "17:00", "closes": "19:00"},
                   {"weekday": 5, "opens": "17:00", "closes": "19:00"}]},
        {"kind": "market", "nom": "Marché de Cahors",
         "commune": {"code_insee": "46042", "nom": "Cahors"},
         "weekday": 3, "opens": "07:30", "closes": "12:30",
         "hours": [{"weekday": 3, "opens": "07:30", "closes": "12:30"},
                   {"weekday": 6, "opens": "08:00", "closes": "13:00"}]},
    ]


@pytest.mark.parametrize(("day", "found"), [("3", True), ("6", True), ("4", False)])
def test_the_weekday_filter_matches_a_second_day(client, catalogue, day, found):
    producer = ProducerFactory(nom="Ferme des Arques", slug="ferme-des-arques")
    PointOfSaleFactory(producer=producer, kind="market", nom="Marché de Cahors",
                       commune=commune("46042"), hours=[6, 3])

    body = client.get("/api/v1/producers/", {"point_of_sale": "market", "weekday": day}).json()

    assert ("ferme-des-arques" in {p["slug"] for p in body["results"]}) is found


def test_product_list_with_distance(client, catalogue):
    body = client.get("/api/v1/products/", {"q": "chevre", "commune": "46102",
                                            "radius_km": "20", "sort": "distance"}).json()

    assert [(p["nom"], p["distance_km"]) for p in body["results"]] == [
        ("Fromage de chèvre frais", 0.0), ("Bûche cendrée", 5.4)]
    assert body["results"][0] == {
        "id": catalogue.products["chevre_figeac"].pk,
        "slug": "fromage-de-chevre-frais",
        "nom": "Fromage de chèvre frais",
        "description": "Un produit de la ferme.",
        "category": "fromages-de-chevre",
        "price": "3.50",
        "unit": "piece",
        "unit_size": "",
        "available": True,
        "producer": {"slug": "chevrerie-figeac", "nom": "La Chèvrerie de Figeac",
                     "commune": {"code_insee": "46102", "nom": "Figeac"}},
        "url": "http://127.0.0.1:8000/produits/chevrerie-figeac/fromage-de-chevre-frais/",
        "distance_km": 0.0,
    }


def test_product_detail_and_unpublished_404(client, catalogue):
    product = catalogue.products["safran"]

    assert client.get(f"/api/v1/products/{product.pk}/").json()["price"] == "15.00"
    assert client.get(f"/api/v1/products/{catalogue.products['draft'].pk}/").status_code == 404


def test_api_and_pages_rank_the_same_way(client, catalogue):
    api = [p["nom"] for p in client.get("/api/v1/products/", {"q": "fromage"}).json()["results"]]
    html = client.get("/produits/", {"q": "fromage"}).content.decode()

    positions = [html.index(f">{name}</a>") for name in api]
    assert api and positions == sorted(positions)


@pytest.mark.parametrize("params", [
    {"radius_km": "abc"}, {"max_price": "cher"}, {"weekday": "9"}, {"page": "x"},
    {"page_size": "0"}, {"sort": "cheapest"}, {"point_of_sale": "boat"},
])
def test_malformed_parameters_answer_400(client, catalogue, params):
    response = client.get("/api/v1/products/", params)

    assert response.status_code == 400
    assert list(response.json()) == list(params)


@pytest.mark.parametrize("params", [{"commune": "99999"}, {"category": "nope"},
                                    {"label": "nope"}])
def test_unknown_values_give_an_empty_list(client, catalogue, params):
    body = client.get("/api/v1/products/", params).json()

    assert body == {"count": 0, "next": None, "previous": None, "results": []}


def test_page_size_is_capped_at_100(client, lot_communes):
    producer = ProducerFactory()
    ProductFactory.create_batch(105, producer=producer, category=category("miels"))

    body = client.get("/api/v1/products/", {"page_size": "500"}).json()

    assert body["count"] == 105
    assert len(body["results"]) == 100


@pytest.mark.parametrize("url", [
    "/api/v1/producers/?page_size=100",
    "/api/v1/producers/?q=miel&commune=46102&radius_km=30&label=aop&page_size=100",
    "/api/v1/producers/?point_of_sale=market&weekday=3&page_size=100",
    "/api/v1/products/?page_size=100",
    "/api/v1/products/?q=miel&commune=46102&radius_km=30&sort=distance&page_size=100",
    "/api/v1/products/?category=miel-et-confitures&label=aop&max_price=50&page_size=100",
])
def test_api_lists_run_a_bounded_number_of_queries(client, lot_communes, url,
                                                   django_assert_max_num_queries):
    for n in range(30):
        producer: Producer = ProducerFactory.create(commune=commune("46102"))
        producer.labels.add(label("aop"))
        PointOfSaleFactory.create(producer=producer, kind="market", nom="Marché de Figeac",
                                  hours=[3 if n % 2 else 6])
        ProductFactory(producer=producer, nom=f"Miel {n}", category=category("miels"))
    # A running server holds the taxonomy and the index's words for a minute: counted warm.
    client.get(url)

    with django_assert_max_num_queries(8):
        response = client.get(url)

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == (15 if "weekday" in url else 30)
    assert len(body["results"]) == body["count"]


def test_schema_documents_the_directory(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()

    products = schema["paths"]["/api/v1/products/"]["get"]
    names = {p["name"] for p in products["parameters"]}
    assert names >= {"q", "commune", "radius_km", "epci", "category", "label", "pickup",
                     "online_payment", "point_of_sale", "weekday", "producer", "max_price",
                     "sort", "page", "page_size"}
    assert "400" in products["responses"]
    product = schema["components"]["schemas"]["Product"]
    assert product["properties"]["distance_km"]["nullable"] is True


def test_null_characters_and_huge_ids_are_client_errors(client, catalogue):
    assert client.get("/api/v1/products/", {"label": "a\x00b"}).status_code == 400
    assert client.get("/api/v1/products/", {"commune": "a\x00b"}).status_code == 400
    assert client.get("/api/v1/products/99999999999999999999999/").status_code == 404
