"""/marches/: each market with its day, hours, commune and producers; filters by day and by
commune and radius; bad input is a form error, never a 500."""

import re

import pytest

from producers.models import PointOfSaleKind
from tests.factories import PointOfSaleFactory, ProducerFactory, commune

pytestmark = pytest.mark.django_db


def market_names(response) -> list[str]:
    return re.findall(r'<h3 class="card-title">([^<]+)</h3>', response.content.decode())


def test_markets_list_day_hours_commune_and_producers(client, catalogue):
    response = client.get("/marches/")

    html = response.content.decode()
    assert response.status_code == 200
    assert market_names(response) == ["Marché aux truffes", "Marché de Figeac"]  # by day
    assert "Le samedi, à Figeac" in html
    assert 'href="/producteurs/domaine-du-causse/"' in html


def test_the_producers_of_one_market_are_listed_once_under_it(client, catalogue):
    other = ProducerFactory(nom="Rucher du Célé", slug="rucher-du-cele")
    PointOfSaleFactory(producer=other, kind=PointOfSaleKind.MARKET, nom="Marché de Figeac",
                       commune=commune("46102"), weekday=6)

    html = client.get("/marches/", {"weekday": "6"}).content.decode()

    assert html.count('<h3 class="card-title">Marché de Figeac</h3>') == 1
    assert "Rucher du Célé" in html and "Domaine du Causse" in html


def test_filter_by_day(client, catalogue):
    assert market_names(client.get("/marches/", {"weekday": "2"})) == ["Marché aux truffes"]
    assert market_names(client.get("/marches/", {"weekday": "1"})) == []


def test_filter_by_commune_and_radius_nearest_first(client, catalogue):
    near = client.get("/marches/", {"commune": "46102", "radius_km": "20"})
    wide = client.get("/marches/", {"commune": "Figeac (46102)", "radius_km": "200"})

    assert market_names(near) == ["Marché de Figeac"]
    assert market_names(wide) == ["Marché de Figeac", "Marché aux truffes"]
    assert re.search(r'class="distance">à \d+(,\d)? km<', wide.content.decode())


@pytest.mark.parametrize("query", [{"weekday": "9"}, {"radius_km": "abc"},
                                   {"commune": "zzzz"}])
def test_bad_filters_say_so(client, catalogue, query):
    response = client.get("/marches/", query)

    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()


def test_a_product_page_says_where_and_when_to_buy_it(client, catalogue):
    product = catalogue.products["vin"]  # its winemaker sells at Figeac's Saturday market

    html = client.get(product.get_absolute_url()).content.decode()

    assert "Où et quand l'acheter" in html
    assert re.search(r"Marché de Figeac, <a href=\"/communes/46102/\">Figeac</a> — le samedi",
                     html)


def test_the_directory_filtered_by_market_names_the_market_day_and_distance(client, catalogue):
    response = client.get("/producteurs/", {"point_of_sale": "market", "commune": "46102",
                                            "radius_km": "5"})

    html = response.content.decode()
    card = html[html.index("Domaine du Causse"):]
    assert re.search(r'class="card-meta">Marché de Figeac, le samedi.*?'
                     r'class="distance">à 0,0 km<', card, re.S)
    # The map shows the market, not the farm in Cahors.
    points = response.context["map_points"]
    assert [p["commune"] for p in points] == ["Figeac"]
