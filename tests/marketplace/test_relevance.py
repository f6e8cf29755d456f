"""Relevance on the demo directory: the failures a resident saw, each pinned by a test (on
whichever database runs the suite). The benchmark (bench/relevance.py) measures the rest."""

import pytest

from marketplace.directory.results import Criteria, product_results
from producers.models import Product

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _demo(demo_data):
    """The demo directory, seeded once for the module."""


def ranked(text: str) -> list[tuple[str, str]]:
    """(name, category slug) of every product the page lists for this text, best first."""
    results = product_results(Criteria(q=text))
    return [(p.nom, p.category.slug) for p in results[0:results.count()]]


def in_category(slug: str) -> int:
    return Product.objects.published().filter(category__slug=slug).count()


def test_fromage_de_chevre_lists_the_goat_cheeses_first():
    found = ranked("fromage de chèvre")
    goat = in_category("fromages-de-chevre")

    assert goat > 8
    assert {slug for _, slug in found[:goat]} == {"fromages-de-chevre"}
    # The Rocamadour cheeses are among them, before any yogurt or milk.
    assert all(i < goat for i, (nom, _) in enumerate(found) if nom.startswith("Rocamadour"))
    assert any(nom.startswith("Rocamadour") for nom, _ in found)


def test_fromage_lists_every_cheese_before_the_wines_that_mention_one():
    found = ranked("fromage")
    cheeses = sum(in_category(s) for s in
                  ("fromages-de-chevre", "fromages-de-brebis", "fromages-de-vache"))
    wines = [i for i, (_, slug) in enumerate(found) if slug.startswith("vins-")]

    assert {slug for _, slug in found[:cheeses]} <= {
        "fromages-de-chevre", "fromages-de-brebis", "fromages-de-vache"}
    assert wines and min(wines) >= cheeses  # the Cahors wines whose description says fromage


def test_chevre_puts_the_goat_cheeses_before_the_goat_sausage():
    found = ranked("chevre")

    assert found[0][1] == "fromages-de-chevre"
    sausage = [i for i, (nom, _) in enumerate(found) if nom == "Saucisson de chèvre"]
    assert sausage and min(sausage) >= in_category("fromages-de-chevre")


def test_roca_completes_to_rocamadour_in_the_search_itself():
    found = ranked("roca")
    named = [i for i, (nom, _) in enumerate(found) if "Rocamadour" in nom]

    # Every cheese named Rocamadour first (then products made in the commune of Rocamadour).
    assert named == list(range(Product.objects.published().filter(
        nom__contains="Rocamadour").count()))
    assert named


def test_chev_completes_to_chevre():
    found = ranked("chev")

    assert found[0][1] == "fromages-de-chevre"
    assert "Saucisson de chèvre" in {nom for nom, _ in found}


def test_the_api_ranks_like_the_page(client):
    response = client.get("/api/v1/products/", {"q": "chevre", "page_size": 5})

    assert [p["nom"] for p in response.json()["results"]] == [nom for nom, _ in
                                                              ranked("chevre")[:5]]
