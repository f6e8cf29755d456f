"""A resident orders from two producers in one checkout, on a phone, with the keyboard alone
(no click anywhere), picks a market-stall slot for one of them, then changes a quantity; the
producer marks the order ready, then collected."""

from __future__ import annotations

import json
import re
import urllib.request

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.functional.conftest import PHONE, OpenPage
from tests.functional.live_site import LiveSite

pytestmark = [pytest.mark.functional, pytest.mark.timeout(240)]

DEMO_FARM = "chevrerie-du-causse"
DEMO_PRODUCT = f"/produits/{DEMO_FARM}/plateau-de-6-rocamadour/"


def tab_to(page: Page, target: Locator, *, limit: int = 120) -> None:
    """Press Tab until the target has the focus (the way a keyboard user gets there)."""
    handle = target.element_handle()
    assert handle is not None
    for _ in range(limit):
        if page.evaluate("el => document.activeElement === el", handle):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {target}")


def press_enter_on(page: Page, target: Locator) -> None:
    tab_to(page, target)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def type_into(page: Page, target: Locator, text: str) -> None:
    tab_to(page, target)
    page.keyboard.press("Control+A")
    page.keyboard.type(text)


def other_farm_product(site: LiveSite) -> tuple[str, str]:
    """(producer page, product name) of another farm taking orders, read from the open API."""
    with urllib.request.urlopen(f"{site.url}/api/v1/producers/?pickup=true&page_size=100",  # noqa: S310
                                timeout=10) as response:
        producers = [p for p in json.load(response)["results"] if p["slug"] != DEMO_FARM]
    for producer in producers:
        with urllib.request.urlopen(  # noqa: S310 - the loopback test server
                f"{site.url}/api/v1/products/?producer={producer['slug']}&page_size=100",
                timeout=10) as response:
            products = [p for p in json.load(response)["results"] if p["available"]]
        if products:
            return f"/producteurs/{producer['slug']}/", products[0]["nom"]
    raise AssertionError("no other farm takes orders in the demo data")


def choose_market_slot(page: Page, select: Locator) -> str:
    """Arrow down the slot list until a market stall's slot is selected; its label."""
    tab_to(page, select)
    for _ in range(200):
        page.keyboard.press("ArrowDown")
        group = select.evaluate("s => s.selectedOptions[0].parentElement.label || ''")
        if group.startswith("Marché"):
            return str(select.evaluate("s => s.selectedOptions[0].textContent"))
    raise AssertionError("no market slot offered")


def places_left(label: str) -> int:
    match = re.search(r"\((\d+) places?\)", label)
    assert match, label
    return int(match.group(1))


def test_two_producers_one_checkout_on_a_phone_with_the_keyboard(open_page: OpenPage,
                                                                  live_site: LiveSite):
    page, external = open_page(PHONE)
    other_page, other_product = other_farm_product(live_site)

    page.goto(DEMO_PRODUCT)
    type_into(page, page.get_by_label("Quantité"), "2")
    press_enter_on(page, page.get_by_role("button", name="Ajouter au panier"))
    expect(page).to_have_url(re.compile("/panier/$"))
    page.goto(other_page)
    press_enter_on(page, page.get_by_role("button", name=f"Ajouter au panier : {other_product}"))
    expect(page.locator(".messages")).to_contain_text("est dans votre panier")
    press_enter_on(page, page.get_by_role("link", name=re.compile(r"^Panier \(3 articles\)")))
    press_enter_on(page, page.get_by_role("button", name="Passer commande"))
    expect(page).to_have_url(re.compile("/commande/$"))

    selects = page.locator("main select[name^=slot_]")
    assert selects.count() == 2
    demo_select = page.locator("section", has_text="Chèvrerie du Causse").locator("select")
    other_select = selects.and_(page.locator(
        f"select:not([name='{demo_select.get_attribute('name')}'])"))
    market_label = choose_market_slot(page, demo_select)
    tab_to(page, other_select)
    page.keyboard.press("ArrowDown")
    type_into(page, page.get_by_label("Nom et prénom"), "Léa Roux")
    type_into(page, page.get_by_label("Adresse e-mail"), "lea.roux@example.test")
    type_into(page, page.get_by_label("Téléphone"), "06 11 22 33 44")
    press_enter_on(page, page.get_by_role("button", name="Confirmer la commande"))

    expect(page.locator(".messages")).to_contain_text("Merci ! Votre commande")
    cards = page.locator("main section.order-card")
    expect(cards).to_have_count(2)
    demo_card = cards.filter(has_text="Chèvrerie du Causse")
    expect(demo_card).to_contain_text("Marché de")
    expect(demo_card).to_contain_text("Confirmée")
    order_id = int((demo_card.get_attribute("aria-labelledby") or "").split("-")[-1])
    tracking = page.url

    # Both producers were told (the e-mail tasks ran; each is recorded once).
    reference = page.locator("h1").inner_text().split()[-1]
    sent = live_site.shell(
        "from orders.models import OrderEmail\n"
        f"print(sorted(OrderEmail.objects.filter(order__checkout__reference='{reference}')"
        ".values_list('kind', flat=True)))")
    assert sent.strip().splitlines()[-1] == str(sorted(["producer_new"] * 2
                                                       + ["buyer_confirmed"] * 2))

    # The market slot has one place less for the next buyer.
    page.goto(DEMO_PRODUCT)
    press_enter_on(page, page.get_by_role("button", name="Ajouter au panier"))
    page.goto("/commande/")
    option = page.locator("main select option", has_text=market_label.split(" (")[0]).first
    assert places_left(option.inner_text()) == places_left(market_label) - 1

    # The buyer changes a quantity from the order's link.
    page.goto(tracking)
    press_enter_on(page, page.get_by_role("link", name="Modifier les quantités — Chèvrerie "
                                                       "du Causse"))
    type_into(page, page.locator("main input[type=number]").first, "3")
    press_enter_on(page, page.get_by_role("button", name="Enregistrer les quantités"))
    expect(page.locator(".messages")).to_contain_text("Votre commande est modifiée")
    expect(page.locator(f"#commande-{order_id} ~ * td, section[aria-labelledby="
                        f"'commande-{order_id}'] td").nth(1)).to_have_text("3")

    # The producer marks it ready, then collected.
    farm, _ = open_page(PHONE, logged_in=True)
    farm.goto(f"/espace-producteur/ferme/{DEMO_FARM}/commandes/{order_id}/")
    press_enter_on(farm, farm.get_by_role("button", name="Marquer prête"))
    expect(farm.locator("main h1")).to_contain_text("Prête à retirer")
    press_enter_on(farm, farm.get_by_role("button", name="Marquer retirée"))
    expect(farm.locator("main h1")).to_contain_text("Retirée")
    page.goto(tracking)
    expect(page.locator(f"section[aria-labelledby='commande-{order_id}']")).to_contain_text(
        "Réglée au retrait")
    assert external == []


def test_the_checkout_works_without_javascript(open_page: OpenPage):
    page, _ = open_page(PHONE, javascript=False)

    page.goto(DEMO_PRODUCT)
    page.get_by_role("button", name="Ajouter au panier").click()
    page.get_by_role("button", name="Passer commande").click()
    select = page.locator("main select[name^=slot_]").first
    select.select_option(index=1)
    page.get_by_label("Nom et prénom").fill("Sans Script")
    page.get_by_label("Adresse e-mail").fill("sans.script@example.test")
    page.get_by_label("Téléphone").fill("05 65 00 00 00")
    page.get_by_role("button", name="Confirmer la commande").click()

    expect(page.locator(".messages")).to_contain_text("Merci ! Votre commande")
