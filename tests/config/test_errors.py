"""Branded 404 and 500 pages in both languages; JSON under /api/ (routes listed at /api/v1/)."""

import pytest
from django.test import RequestFactory
from django.utils import translation

from config.errors import server_error

pytestmark = pytest.mark.django_db


def test_a_missing_page_is_branded_with_ways_onward(client):
    response = client.get("/pas-de-page-ici/")

    html = response.content.decode()
    assert response.status_code == 404
    assert "<h1>Page introuvable</h1>" in html
    assert 'href="/marches/"' in html and 'href="/produits/"' in html


def test_the_missing_page_speaks_english_to_english_visitors(client):
    client.cookies["langue"] = "en"

    response = client.get("/pas-de-page-ici/")

    assert response.status_code == 404
    assert "<h1>Page not found</h1>" in response.content.decode()


def test_a_server_error_page_needs_no_database_and_speaks_both_languages():
    request = RequestFactory().get("/produits/")
    with translation.override("en"):
        english = server_error(request).content.decode()
    with translation.override("fr"):
        french = server_error(request).content.decode()

    assert "Something went wrong" in english
    assert "Une erreur est survenue" in french


@pytest.mark.parametrize("path", ["/api/v1/products/999999/", "/api/v1/products/abc/",
                                  "/api/v1/producers/pas-de-ferme/", "/api/v1/nulle-part/"])
def test_an_unknown_id_in_the_api_answers_json(client, path):
    response = client.get(path)

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert "detail" in response.json()


def test_an_api_server_error_answers_json():
    response = server_error(RequestFactory().get("/api/v1/products/"))

    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"


def test_the_api_root_lists_its_routes(client):
    body = client.get("/api/v1/").json()

    assert body["routes"]["products"]["url"] == "http://testserver/api/v1/products/"
    assert set(body["routes"]) >= {"communes", "categories", "producers", "products"}
    assert body["schema"] == "http://testserver/api/schema/"
