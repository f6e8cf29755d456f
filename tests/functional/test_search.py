"""Searching the directory as people do: the journey, keyboard only, without JavaScript."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.conf import settings
from django.urls import NoReverseMatch, reverse
from playwright.sync_api import Page, expect

from tests.functional.conftest import DESKTOP, PHONE, OpenPage

# A hung browser must not stall CI; the first test also starts the live site (about 20 s).
pytestmark = [pytest.mark.functional, pytest.mark.timeout(120)]

PRODUCT_URL = re.compile(r"/produits/[\w-]+/[\w-]+/$")

# Is the element that has the focus visibly marked (outline or box shadow), and what is it?
FOCUS_JS = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return {visible: false, id: '', tag: 'body', href: '',
                                             html: 'nothing focused'};
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow && style.boxShadow !== 'none';
    return {visible: outline || !!shadow, id: el.id, tag: el.tagName.toLowerCase(),
            href: el.getAttribute('href') || '', html: el.outerHTML.slice(0, 160)};
}"""


def require(name: str) -> str:
    try:
        return reverse(name)
    except NoReverseMatch:
        pytest.skip(f"{name} is not built yet")


def focused(page: Page) -> dict[str, str | bool]:
    return page.evaluate(FOCUS_JS)  # type: ignore[no-any-return]


def tab_to(page: Page, element_id: str, limit: int = 40) -> list[str]:
    """Press Tab until `element_id` has the focus; returns the elements whose focus was not
    visible on the way."""
    invisible = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        now = focused(page)
        if not now["visible"]:
            invisible.append(str(now["html"]))
        if now["id"] == element_id:
            return invisible
    raise AssertionError(f"#{element_id} never got the focus after {limit} Tab presses")


def results(page: Page) -> tuple[str, list[str]]:
    title = page.locator("#results-title").inner_text()
    links = page.locator("#results .card-title a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))")
    return " ".join(title.split()), links


def submit_filters(page: Page, expected_in_title: str, fields: tuple[str, ...] = ()) -> None:
    """Submit the filters and wait until the results answer them: the heading may already hold
    the expected words before the swap (« produits »), so the address must carry every field."""
    page.locator("#filters .field-submit button[type=submit]").click()
    page.wait_for_url(lambda url: all(f"{name}=" in url for name in fields))
    expect(page.locator("#results-title")).to_contain_text(expected_in_title)
    page.wait_for_load_state("networkidle")


def test_search_chevre_near_figeac_within_20_km_then_open_a_product(open_page: OpenPage):
    require("marketplace:product_list")
    page, external = open_page(PHONE)
    page.goto("/")
    page.locator("input[name=q]").first.fill("chevre")
    page.locator("input[name=q]").first.press("Enter")
    page.wait_for_url("**/produits/?*")

    page.locator("#id_commune").fill("Figeac")
    page.locator("#id_radius_km").fill("20")
    submit_filters(page, "20 km", ("commune", "radius_km"))

    title, links = results(page)
    assert "chevre" in title
    assert links, f"no product for « chevre » within 20 km of Figeac: {title}"
    assert "commune=Figeac" in page.url and "radius_km=20" in page.url  # shareable URL
    distances = [float(d.replace(",", ".")) for d in
                 re.findall(r"à ([\d,.]+) km", page.locator("#results").inner_text())]
    assert distances and max(distances) <= 20
    page.locator("#results .card-title a").first.click()
    expect(page).to_have_url(PRODUCT_URL)
    expect(page.locator("h1")).to_be_visible()
    # Map tiles come from the configured tile server (bench/lighthouse.md reports them); nothing
    # else may leave the site.
    tiles = urlsplit(settings.MAP_TILE_URL).hostname
    assert [url for url in external if urlsplit(url).hostname != tiles] == []


def test_keyboard_only_search_commune_radius_then_open_a_product(open_page: OpenPage):
    require("marketplace:product_list")
    page, _ = open_page(DESKTOP)
    page.goto("/produits/")

    invisible = tab_to(page, "id_q")
    page.keyboard.type("chevre")
    invisible += tab_to(page, "id_commune", limit=3)
    page.keyboard.type("Figeac")
    invisible += tab_to(page, "id_radius_km", limit=3)
    page.keyboard.type("20")
    page.keyboard.press("Enter")
    expect(page.locator("#results-title")).to_contain_text("20 km")
    page.wait_for_load_state("networkidle")

    landed = focused(page)
    assert landed["id"] == "results-title", f"after the update the focus is on {landed['html']}"
    assert landed["visible"], "the focus on the results heading is not visible"
    page.keyboard.press("Tab")
    first = focused(page)
    assert PRODUCT_URL.search(str(first["href"])), f"Tab went to {first['html']}"
    assert first["visible"], f"the focus on {first['html']} is not visible"
    page.keyboard.press("Enter")
    expect(page).to_have_url(PRODUCT_URL)
    assert invisible == [], f"focus not visible on: {invisible}"


@pytest.mark.parametrize("path", ["/", "/produits/?q=noix", "/producteurs/",
                                  "/produits/chevrerie-du-causse/plateau-de-6-rocamadour/"])
def test_focus_is_visible_on_every_tab_stop(open_page: OpenPage, path: str):
    page, _ = open_page(DESKTOP)
    response = page.goto(path)
    if response is None or response.status == 404:
        pytest.skip(f"{path} is not built yet")
    count = page.evaluate("""() => document.querySelectorAll(
        'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex="0"]'
    ).length""")

    invisible = []
    for _ in range(min(count, 60)):
        page.keyboard.press("Tab")
        now = focused(page)
        if now["tag"] != "body" and not now["visible"]:
            invisible.append(str(now["html"]))

    assert invisible == [], f"focus not visible on {path}: {invisible}"


def _fill(page: Page, scenario: dict[str, str]) -> None:
    for name, value in scenario.items():
        field = page.locator(f"#filters [name={name}]")
        if name in {"category", "sort", "epci", "weekday"}:
            if not field.is_visible():
                page.locator("#filters summary").click()
            field.select_option(value)
        elif field.first.get_attribute("type") == "checkbox":
            if not field.first.is_visible():
                page.locator("#filters summary").click()
            page.locator(f"#filters [name={name}][value={value}]").check()
        else:
            field.fill(value)


def _query(url: str) -> list[tuple[str, str]]:
    """The URL's query without empty fields, in a stable order (the shareable part)."""
    return sorted((k, v) for k, v in parse_qsl(urlsplit(url).query) if v)


SCENARIOS = [
    pytest.param("/produits/", {"q": "chevre", "commune": "Figeac", "radius_km": "20"},
                 "chevre", 1, id="products-text-commune-radius"),
    pytest.param("/produits/", {"category": "fromages-et-produits-laitiers", "sort": "price"},
                 "produits", 2, id="products-category-sorted-paginated"),
    pytest.param("/produits/", {"q": "vin cahors"}, "vin cahors", 1, id="products-two-words"),
    pytest.param("/producteurs/", {"commune": "46042", "radius_km": "30",
                                   "point_of_sale": "market"}, "30 km", 1,
                 id="producers-commune-radius-market"),
]


@pytest.mark.parametrize(("path", "scenario", "expected", "pages_needed"), SCENARIOS)
def test_without_javascript_search_filters_and_pagination_give_the_same_results(
        open_page: OpenPage, path: str, scenario: dict[str, str], expected: str,
        pages_needed: int):
    seen = {}
    for javascript in (True, False):
        page, _ = open_page(PHONE, javascript=javascript)
        response = page.goto(path)
        if response is None or response.status == 404:
            pytest.skip(f"{path} is not built yet")
        _fill(page, scenario)
        submit_filters(page, expected, tuple(scenario))
        pages = [(_query(page.url), *results(page))]
        next_link = page.locator("#results a[rel=next]")
        if next_link.count():
            next_link.click()
            expect(page.locator(".pagination [aria-current=page]")).to_contain_text("2")
            pages.append((_query(page.url), *results(page)))
        seen[javascript] = pages

    with_js, without_js = seen[True], seen[False]
    assert without_js == with_js
    assert with_js[0][2], f"the scenario finds nothing: {with_js[0][1]}"
    assert len(with_js) >= pages_needed, "expected a second page of results"


def test_the_map_loads_leaflet_only_when_a_visitor_opens_it(open_page: OpenPage):
    page, _ = open_page(DESKTOP)
    scripts: list[str] = []
    page.on("request", lambda request: scripts.append(request.url))
    page.goto("/producteurs/")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("typeof L") == "undefined"
    assert not [url for url in scripts if "/leaflet/" in url]
    expect(page.locator(".map")).to_be_hidden()

    toggle = page.get_by_role("button", name="Afficher la carte")
    toggle.click()

    expect(page.locator(".map")).to_be_visible()
    expect(page.locator(".leaflet-marker-icon").first).to_be_visible()
    assert page.locator(".leaflet-marker-icon").count() > 1
    assert [url for url in scripts if url.split("?")[0].endswith((".js", ".css"))
            and "/leaflet/" in url]
    expect(page.get_by_role("button", name="Masquer la carte")).to_have_attribute(
        "aria-expanded", "true")
