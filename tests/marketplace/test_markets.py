"""/marches/: each market with its day, hours, commune and producers; filters by day and by
commune and radius; bad input is a form error, never a 500."""

import re
from datetime import time

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
    assert re.search(r'<p class="market-hours">Samedi</p>\s*<p>À Figeac', html)
    assert 'href="/producteurs/domaine-du-causse/"' in html


def test_the_producers_of_one_market_are_listed_once_under_it(client, catalogue):
    other = ProducerFactory(nom="Rucher du Célé", slug="rucher-du-cele")
    PointOfSaleFactory(producer=other, kind=PointOfSaleKind.MARKET, nom="Marché de Figeac",
                       commune=commune("46102"), hours=[6])

    html = client.get("/marches/", {"weekday": "6"}).content.decode()

    assert html.count('<h3 class="card-title">Marché de Figeac</h3>') == 1
    assert "Rucher du Célé" in html and "Domaine du Causse" in html


def test_a_market_held_on_two_days_shows_both_with_their_hours(client, catalogue):
    cahors = ProducerFactory(nom="Ferme des Arques", slug="ferme-des-arques")
    PointOfSaleFactory(producer=cahors, kind=PointOfSaleKind.MARKET,
                       nom="Marché de Cahors", commune=commune("46042"),
                       hours=[(6, time(7, 30), time(12, 30)), (3, time(7, 30), time(12, 30))])

    listed = client.get("/marches/")
    on_saturday = client.get("/marches/", {"weekday": "6"})

    assert market_names(listed) == ["Marché aux truffes", "Marché de Cahors",
                                    "Marché de Figeac"]  # by first day: Tue, Wed, Sat
    html = on_saturday.content.decode()
    assert market_names(on_saturday) == ["Marché de Cahors", "Marché de Figeac"]
    assert re.search(r'<p class="market-hours">Mercredi et samedi, 7 h 30 – 12 h 30</p>'
                     r'\s*<p>À Cahors', html)
    assert market_names(client.get("/marches/", {"weekday": "3"})) == ["Marché de Cahors"]


def test_a_producer_there_on_fewer_days_than_the_market_says_its_days(client, catalogue):
    PointOfSaleFactory(producer=ProducerFactory(nom="Rucher du Célé", slug="rucher-du-cele"),
                       kind=PointOfSaleKind.MARKET, nom="Marché de Figeac",
                       commune=commune("46102"), hours=[4, 6])

    html = client.get("/marches/").content.decode()
    card = html[html.index("<h3 class=\"card-title\">Marché de Figeac</h3>"):]

    assert '<p class="market-hours">Jeudi et samedi</p>' in card
    assert re.search(r'Domaine du Causse</a> \(samedi\)</li>', card)
    assert re.search(r'Rucher du Célé</a></li>', card)


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
    assert re.search(r"Marché de Figeac, <a href=\"/communes/46102/\">Figeac</a> — samedi<",
                     html)


def test_the_directory_filtered_by_market_names_the_market_day_and_distance(client, catalogue):
    response = client.get("/producteurs/", {"point_of_sale": "market", "commune": "46102",
                                            "radius_km": "5"})

    html = response.content.decode()
    card = html[html.index("Domaine du Causse"):]
    assert re.search(r'class="card-meta">Marché de Figeac — samedi.*?'
                     r'class="distance">à 0,0 km<', card, re.S)
    # The map shows the market, not the farm in Cahors.
    points = response.context["map_points"]
    assert [p["commune"] for p in points] == ["Figeac"]
