"""The extra filters stay folded under « Plus de filtres », whose summary names those in use,
so that on a phone the results start on the first screen (tests/functional/
test_phone_first_screen.py measures it in a browser); a filter in error is shown unfolded."""

from html import unescape

import pytest

pytestmark = pytest.mark.django_db


def details(client, path: str) -> str:
    page = unescape(client.get(path).content.decode())
    start = page.index('<details class="filters-more"')
    return page[start:page.index("</summary>", start)]


def test_a_commune_and_a_radius_leave_the_extra_filters_folded(client, catalogue):
    folded = details(client, "/produits/?commune=46042&radius_km=20&q=fromage")

    assert "open" not in folded.split(">")[0]
    assert "actif" not in folded


def test_the_summary_names_the_extra_filters_in_use(client, catalogue):
    folded = details(client, "/produits/?commune=46042&category=fromages-de-chevre"
                             "&pickup=true")

    assert "open" not in folded.split(">")[0]
    assert "(2 actifs : catégorie, retrait)" in folded


def test_a_category_page_does_not_count_its_own_category(client, catalogue):
    folded = details(client, "/categories/fromages-de-chevre/?label=aop")

    assert "(1 actif : labels)" in folded


def test_an_extra_filter_in_error_is_unfolded(client, catalogue):
    folded = details(client, "/produits/?max_price=cher")

    assert folded.startswith('<details class="filters-more" open>')
