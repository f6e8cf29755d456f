"""The one place mapping each named page of the site to concrete example URLs to check.

Every named URL pattern that serves an HTML page must appear in `PAGES` (or, if it serves no
HTML page, in `NOT_PAGES` with the reason): `test_page_coverage.py` fails otherwise, so a new
page cannot ship without its accessibility and reflow checks. Each entry lists one or more
states of the page (filters applied, no result, a form error…); `{name}` placeholders are filled
in from the live site's facts (ids read back from the seeded database).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from playwright.sync_api import Page

PRODUCER = "chevrerie-du-causse"  # the demo producer account's farm
PRODUCT = "chevrerie-du-causse/plateau-de-6-rocamadour"
FIGEAC = "46102"


def _submit_form_unchanged(page: Page) -> None:
    """Submit the page's main form as it is, empty or invalid, to show its validation errors."""
    form = page.locator("main form[method=post]").first
    form.evaluate("f => { f.noValidate = true; }")
    form.locator("[type=submit]").first.click()
    page.wait_for_load_state()


@dataclass(frozen=True)
class PageCase:
    path: str
    state: str = "default"
    login: bool = False
    prepare: Callable[[Page], None] | None = None
    status: int = 200


# URL name → the states to check. Add the new page here in the same commit as the page.
PAGES: dict[str, list[PageCase]] = {
    "marketplace:home": [PageCase("/")],
    "marketplace:producer_list": [
        PageCase("/producteurs/"),
        PageCase(f"/producteurs/?commune={FIGEAC}&radius_km=30&category=fromages-et-produits-laitiers"
                 "&point_of_sale=market", "filters"),
        PageCase("/producteurs/?q=zzzyxw&commune=46042&radius_km=5", "no-result"),
        PageCase("/producteurs/?radius_km=abc&commune=46102", "form-error"),
    ],
    "marketplace:producer": [PageCase(f"/producteurs/{PRODUCER}/")],
    "marketplace:product_list": [
        PageCase("/produits/"),
        PageCase(f"/produits/?q=chevre&commune={FIGEAC}&radius_km=20", "results"),
        PageCase("/produits/?q=zzzyxwvut", "no-result"),
        PageCase("/produits/?max_price=cher&radius_km=dix&commune=46102", "form-error"),
    ],
    "marketplace:product": [PageCase(f"/produits/{PRODUCT}/")],
    "marketplace:commune": [PageCase(f"/communes/{FIGEAC}/"), PageCase("/communes/46240/")],
    "marketplace:category": [
        PageCase("/categories/fromages-et-produits-laitiers/"),
        PageCase("/categories/fromages-de-chevre/", "sub-category"),
    ],
    "producers:login": [
        PageCase("/espace-producteur/connexion/"),
        PageCase("/espace-producteur/connexion/", "form-error", prepare=_submit_form_unchanged),
    ],
    "producers:signup": [
        PageCase("/espace-producteur/inscription/"),
        PageCase("/espace-producteur/inscription/", "form-error",
                 prepare=_submit_form_unchanged),
    ],
}

# Named URL patterns that serve no HTML page of their own (beyond the excluded prefixes).
NOT_PAGES: dict[str, str] = {
    "producers:logout": "POST only: logs out and redirects",
}

# Whole areas out of scope: Django's admin, the API and its docs, language switching, machine
# endpoints.
EXCLUDED_PREFIXES = ("admin/", "api/", "i18n/", "healthz", "sitemap", "robots", "opendata/",
                     "media/", "static/", "__")
EXCLUDED_NAMESPACES = ("admin",)
