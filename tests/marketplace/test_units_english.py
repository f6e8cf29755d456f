"""Product units are words of the page: « le kilo » in French, "per kg" in English. The API and
the open data keep the unit's code."""

import pytest
from django.utils import translation

from producers.units import unit_word
from tests.factories import ProducerFactory, ProductFactory
from tests.orders.ordering import ordered

pytestmark = pytest.mark.django_db

UNITS = {"kg": ("le kilo", "per kg"), "douzaine": ("la douzaine", "per dozen"),
         "bouteille": ("la bouteille", "per bottle"), "piece": ("la pièce", "each")}


@pytest.fixture(autouse=True)
def _back_to_french():
    """The locale middleware leaves the last request's language active in this thread."""
    yield
    translation.activate("fr")


@pytest.fixture
def products(lot_communes):
    farm = ProducerFactory.create(slug="la-borie")
    return {unit: ProductFactory.create(producer=farm, unit=unit, slug=f"produit-{unit}",
                                        nom=f"Produit {unit}") for unit in UNITS}


@pytest.mark.parametrize("unit", sorted(UNITS))
def test_the_product_page_names_its_unit_in_the_visitors_language(client, products, unit):
    french, english = UNITS[unit]
    url = products[unit].get_absolute_url()

    in_french = client.get(url).content.decode()
    client.cookies["langue"] = "en"
    in_english = client.get(url).content.decode()

    assert f'<span class="unit">{french}' in in_french
    assert f'<span class="unit">{english}' in in_english
    assert f'<span class="unit">{french}' not in in_english


def test_the_cards_of_the_list_use_english_units_too(client, products):
    client.cookies["langue"] = "en"
    page = client.get("/produits/?producer=la-borie").content.decode()

    assert all(f'<span class="unit">{english}' in page for _, english in UNITS.values())
    assert "le kilo" not in page


def test_the_api_keeps_the_unit_code_in_any_language(client, products):
    answer = client.get("/api/v1/products/?producer=la-borie", HTTP_ACCEPT_LANGUAGE="en")

    assert sorted(p["unit"] for p in answer.json()["results"]) == sorted(UNITS)


def test_an_order_keeps_the_unit_in_french_and_shows_it_in_the_readers_language(
        client, lot_communes):
    product = ProductFactory.create(producer=ProducerFactory.create(slug="la-borie"),
                                    unit="kg", stock=None)
    with translation.override("en"):  # a tourist orders with the site in English
        order = ordered(product)
    line = order.lines.get()
    tracking = order.checkout.get_absolute_url()

    in_french = client.get(tracking).content.decode()
    client.cookies["langue"] = "en"
    in_english = client.get(tracking).content.decode()

    assert line.unit == "le kilo"  # the producer's lists and exports read French
    assert '<span class="unit">le kilo</span>' in in_french
    assert '<span class="unit">per kg</span>' in in_english


def test_a_word_that_is_no_unit_is_shown_as_it_was_kept():
    assert unit_word("la caisse de 6") == "la caisse de 6"
