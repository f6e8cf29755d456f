"""On a phone, choosing a commune shows results on the first screen: the heading that counts
them and the first result sit within the 844 px of a 390 px wide phone; the extra filters stay
folded (a summary names the active ones), and the desktop keeps its layout."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.functional.conftest import DESKTOP, PHONE, OpenPage

pytestmark = [pytest.mark.functional, pytest.mark.timeout(120)]

BOX_JS = """selector => { const box = document.querySelector(selector).getBoundingClientRect();
    return {top: box.top + window.scrollY, bottom: box.bottom + window.scrollY}; }"""
FIRST_RESULT = "#results .card-title a"


@pytest.mark.parametrize("path", ["/produits/?commune=46042&radius_km=20",
                                  "/producteurs/?commune=46042&radius_km=20"])
@pytest.mark.parametrize("javascript", [True, False])
def test_after_choosing_a_commune_the_results_start_on_the_first_phone_screen(
        open_page: OpenPage, path: str, javascript: bool):
    page, _ = open_page(PHONE, javascript=javascript)
    page.goto(path)

    heading = page.evaluate(BOX_JS, "#results-title")
    first = page.evaluate(BOX_JS, FIRST_RESULT)

    assert heading["bottom"] <= PHONE["height"], f"results heading at {heading}"
    assert first["top"] < PHONE["height"], f"first result starts at {first}"
    expect(page.locator("#filters details.filters-more")).not_to_have_attribute("open", "")
    expect(page.locator("#id_category")).to_be_hidden()


def test_an_active_extra_filter_is_named_in_the_folded_summary(open_page: OpenPage):
    page, _ = open_page(PHONE)
    page.goto("/produits/?commune=46042&radius_km=20&category=fromages-et-produits-laitiers"
              "&pickup=true")

    summary = page.locator("#filters details.filters-more summary")
    expect(summary).to_contain_text("2")
    heading = page.evaluate(BOX_JS, "#results-title")
    assert heading["bottom"] <= PHONE["height"], f"results heading at {heading}"
    summary.click()
    expect(page.locator("#id_category")).to_be_visible()
    expect(page.locator("#id_category")).to_have_value("fromages-et-produits-laitiers")


def test_an_extra_filter_in_error_is_shown_open(open_page: OpenPage):
    page, _ = open_page(PHONE)
    page.goto("/produits/?commune=46042&max_price=cher")

    expect(page.locator("#id_max_price")).to_be_visible()


def test_on_a_desktop_the_results_also_start_on_the_first_screen(open_page: OpenPage):
    page, _ = open_page(DESKTOP)
    page.goto("/produits/?commune=46042&radius_km=20")

    heading = page.evaluate(BOX_JS, "#results-title")
    assert heading["bottom"] <= DESKTOP["height"], f"results heading at {heading}"
