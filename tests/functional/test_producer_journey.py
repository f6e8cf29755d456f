"""A producer signs up and adds a product, on a phone, in a real browser."""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import expect
from stdnum import luhn

from tests.functional.conftest import PHONE, OpenPage
from tests.functional.live_site import LiveSite

# A hung browser must not stall CI; the first test also starts the live site (about 20 s).
pytestmark = [pytest.mark.functional, pytest.mark.timeout(120)]


def fresh_siret(seed: int) -> str:
    """A SIRET that passes the checks: a Luhn-valid SIREN, then a Luhn-valid whole."""
    siren = f"{seed % 10**8:08d}"
    siren += luhn.calc_check_digit(siren)
    siret = f"{siren}0001"
    return siret + luhn.calc_check_digit(siret)


def test_a_producer_signs_up_then_adds_a_product_on_a_phone(open_page: OpenPage,
                                                            live_site: LiveSite):
    stamp = time.time_ns() // 1000
    address = f"ferme-{stamp}@example.test"
    page, external = open_page(PHONE)
    page.goto("/espace-producteur/inscription/")

    page.get_by_label("Adresse e-mail").fill(address)
    page.locator("input[name=password1]").fill("Causse-et-noyers-2026")
    page.locator("input[name=password2]").fill("Causse-et-noyers-2026")
    page.get_by_label("Nom de la ferme ou de l'entreprise").fill(f"Ferme des Essais {stamp}")
    page.get_by_label("Raison sociale").fill(f"EARL des Essais {stamp}")
    page.locator("input[name=siret]").fill(fresh_siret(stamp))
    page.locator("input[name=commune]").fill("Figeac (46102)")
    page.locator("input[name=phone]").fill("05 65 34 00 00")
    page.get_by_role("button", name="Créer mon compte").click()
    expect(page.get_by_role("heading", name="Vérifiez votre boîte e-mail")).to_be_visible()

    link = re.search(r"http\S+/verification/\S+/", live_site.mails_to(address)[-1])
    assert link is not None
    page.goto(link.group(0))
    expect(page.get_by_text("Bienvenue !")).to_be_visible()
    assert "/espace-producteur/ferme/" in page.url
    farm = page.url.split("/espace-producteur/ferme/")[1].split("/")[0]

    page.get_by_role("link", name="Ajouter un produit").first.click()
    page.locator("main input[name=nom]").fill("Cabécou frais")
    category = page.locator("select[name=category] option", has_text="Fromages de chèvre")
    page.locator("select[name=category]").select_option(category.first.get_attribute("value"))
    page.locator("input[name=price]").fill("2,80")
    page.locator("select[name=unit]").select_option(index=1)
    page.get_by_role("button", name="Enregistrer", exact=True).click()

    page.goto(f"/espace-producteur/ferme/{farm}/produits/")
    expect(page.locator("main")).to_contain_text("Cabécou frais")
    assert external == []
