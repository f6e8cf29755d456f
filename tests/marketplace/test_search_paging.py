"""A search sorted by relevance is paged by the database (only a page's ids are read): its
pages, put end to end, are the whole list, its count is the number of matches, and the other
filters applied in the same query keep the order of the unfiltered list."""

from decimal import Decimal
from typing import Any

import pytest
from django.core.paginator import Paginator

from marketplace.directory.results import Criteria, product_results
from tests.factories import ProducerFactory, ProductFactory, category, commune

pytestmark = pytest.mark.django_db

PAGE = 7


@pytest.fixture
def cheeses(lot_communes):
    """More matches than a page, of every strength: the words in the name, in the category,
    in the description only, in the producer's name; many of them tied."""
    figeac = ProducerFactory(nom="Chèvrerie de Figeac", commune=commune("46102"),
                             latitude=44.6100, longitude=2.0350, offers_pickup=True)
    cahors = ProducerFactory(nom="Ferme du Causse", commune=commune("46042"),
                             offers_pickup=False)
    for i in range(30):
        ProductFactory(producer=figeac if i % 3 else cahors, nom=f"Fromage de chèvre n°{i}",
                       category=category("fromages-de-chevre"), price=Decimal(i + 1))
    for i in range(8):
        ProductFactory(producer=cahors if i % 2 else figeac, nom=f"Bûche cendrée {i}",
                       category=category("fromages-de-chevre"), price=Decimal(i + 2))
    for i in range(8):
        ProductFactory(producer=figeac if i % 2 else cahors, nom=f"Yaourt {i}",
                       category=category("yaourts-et-cremes"),
                       description="Au lait de chèvre, un fromage frais.", price=Decimal(4))
    for i in range(6):
        ProductFactory(producer=figeac, nom=f"Confiture {i}", category=category("noix"),
                       price=Decimal(3))


def names(criteria: Criteria) -> list[str]:
    results = product_results(criteria)
    return [p.nom for p in results[0:results.count()]]


def paged(criteria: Criteria) -> tuple[list[str], int]:
    results: Any = product_results(criteria)  # sliced and counted as Paginator asks
    paginator = Paginator(results, PAGE)
    return ([p.nom for n in paginator.page_range for p in paginator.page(n).object_list],
            paginator.count)


@pytest.mark.parametrize("text", ["fromage de chèvre", "chevre", "chèvrerie fromage", "fro"])
def test_the_pages_end_to_end_are_the_whole_list(cheeses, text):
    whole = names(Criteria(q=text))
    pages, count = paged(Criteria(q=text))

    assert count == len(whole) > 2 * PAGE
    assert pages == whole


@pytest.mark.parametrize("filters", [
    {"pickup": True},
    {"max_price": Decimal("10")},
    {"category": "fromages-de-chevre"},
    {"commune": "46102", "radius_km": Decimal("5")},
    {"pickup": True, "max_price": Decimal("20")},
])
def test_filters_keep_the_order_and_count_the_matches(cheeses, filters):
    text = "fromage de chèvre"
    every = names(Criteria(q=text))
    kept = set(names(Criteria(**filters)))  # the same filters, without the text
    pages, count = paged(Criteria(q=text, **filters))

    assert PAGE < count < len(every)
    assert pages == [nom for nom in every if nom in kept]
    assert count == len(pages)


def test_the_page_after_the_last_is_empty(cheeses):
    results = product_results(Criteria(q="chevre"))
    count = results.count()

    assert results[count:count + PAGE] == []
    assert [p.nom for p in results[count - 2:count + PAGE]] == names(Criteria(q="chevre"))[-2:]
