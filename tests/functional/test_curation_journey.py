"""A CCI staff member approves a pending producer in a real browser; the farm's products are
then found by search."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

from tests.functional.conftest import DESKTOP, OpenPage
from tests.functional.live_site import LiveSite

pytestmark = [pytest.mark.functional, pytest.mark.timeout(120)]

PENDING_FARM = """
from marketplace.reference.models import Category, Commune
from producers.models import Producer, Product
from producers.indexing import index_producers
farm = Producer.objects.create(nom="Ferme des Topinambours {stamp}", slug="topinambours-{stamp}",
                               commune=Commune.objects.get(code_insee="46102"),
                               email="topinambours-{stamp}@example.test")
Product.objects.create(producer=farm, nom="Topinambours violets", slug="topinambours",
                       category=Category.objects.get(slug="legumes"), price="3.20", unit="kg")
index_producers([farm.pk])
"""


def test_staff_approve_a_pending_producer_who_then_appears_in_search(
        open_page: OpenPage, live_site: LiveSite):
    stamp = time.time_ns() // 1000
    live_site.shell(PENDING_FARM.replace("{stamp}", str(stamp)))
    name = f"Ferme des Topinambours {stamp}"
    visitor, _ = open_page(DESKTOP)
    visitor.goto("/produits/?q=topinambours")
    expect(visitor.locator("main")).not_to_contain_text(name)

    page, external = open_page(DESKTOP, logged_in="staff")
    page.goto("/curation/file/")
    page.get_by_role("link", name=name).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(name)
    page.get_by_label("Valider").check()
    page.get_by_role("button", name="Enregistrer la décision").click()

    expect(page.locator(".messages")).to_contain_text(f"« {name} » est validé")
    assert page.url.endswith("/curation/file/")
    expect(page.locator("main")).not_to_contain_text(name)
    visitor.goto("/produits/?q=topinambours")
    expect(visitor.locator("main")).to_contain_text("Topinambours violets")
    expect(visitor.locator("main")).to_contain_text(name)
    assert external == []
