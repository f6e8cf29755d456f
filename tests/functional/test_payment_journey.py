"""Paying online, in a real browser, against a local fake Stripe: the producer connects its
account, then a resident pays that producer's order online and another's on pickup in one
checkout; the order is confirmed by the signed event the fake sends, and the producer's share
is transferred to its account."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.functional.conftest import CHROMIUM, DEMO_PRODUCER, PHONE, login_as
from tests.functional.live_site import LiveSite, start_site
from tests.functional.stripe_server import FakeStripeServer
from tests.functional.test_accessibility import axe_violations
from tests.functional.test_order_journey import DEMO_FARM, DEMO_PRODUCT, other_farm_product

pytestmark = [pytest.mark.functional, pytest.mark.timeout(300)]
SECRET = "whsec_journey"


@pytest.fixture(scope="module")
def stripe_site(tmp_path_factory: pytest.TempPathFactory,
                demo_template: Path) -> Iterator[tuple[LiveSite, FakeStripeServer]]:
    if not os.path.exists(CHROMIUM):
        pytest.skip("Debian's Chromium is missing: apt-get install -y chromium")
    fake = FakeStripeServer(webhook_secret=SECRET)
    keys = {"STRIPE_SECRET_KEY": "sk_test_journey", "STRIPE_WEBHOOK_SECRET": SECRET,
            "STRIPE_API_BASE": fake.url,
            # Links sent to Stripe are made on the request's own host (the site's free port).
            "SITE_URL": ""}
    saved = {k: os.environ.get(k) for k in keys}
    os.environ.update(keys)
    try:
        site = start_site(tmp_path_factory.mktemp("stripe-site"), "stripe",
                          template=demo_template)
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    fake.webhook_url = f"{site.url}/stripe/webhook/"
    yield site, fake
    site.stop()
    fake.stop()


def context(browser: Browser, site: LiveSite, fake: FakeStripeServer) -> BrowserContext:
    """A phone; requests to any host but the site and the fake Stripe are refused."""
    ctx = browser.new_context(base_url=site.url, viewport=PHONE,  # type: ignore[arg-type]
                              locale="fr-FR")
    ctx.set_default_timeout(15_000)
    ctx.route(lambda url: not url.startswith((site.url, fake.url, "data:")),
              lambda route: route.abort())
    return ctx


def no_violations(page: Page) -> None:
    violations = axe_violations(page)
    assert violations == [], f"{page.url}:\n" + "\n".join(violations)


def test_a_resident_pays_one_producer_online_and_another_on_pickup(browser: Browser,
                                                                   stripe_site):
    site, fake = stripe_site
    farm_ctx = context(browser, site, fake)
    farm = farm_ctx.new_page()
    farm.goto("/espace-producteur/connexion/")
    login_as(farm, *DEMO_PRODUCER)
    farm.goto(f"/espace-producteur/ferme/{DEMO_FARM}/paiement/")
    expect(farm.locator("main")).to_contain_text("Non connecté")
    no_violations(farm)
    farm.get_by_role("button", name="Connecter mon compte Stripe").click()
    expect(farm).to_have_url(re.compile(rf"^{fake.url}/onboarding/acct_1Demo"))
    farm.get_by_role("link", name="Terminer l'inscription").click()
    expect(farm.locator("main")).to_contain_text("Actif")
    expect(farm.locator(".messages")).to_contain_text("Votre compte Stripe est actif")
    no_violations(farm)

    buyer_ctx = context(browser, site, fake)
    page = buyer_ctx.new_page()
    other_page, other_product = other_farm_product(site)
    page.goto(DEMO_PRODUCT)
    page.get_by_role("button", name="Ajouter au panier").click()
    page.goto(other_page)
    page.get_by_role("button", name=f"Ajouter au panier : {other_product}").click()
    page.goto("/commande/")
    demo = page.locator("section", has_text="Chèvrerie du Causse")
    other = page.locator("section.cart-producer").filter(has_not_text="Chèvrerie du Causse")
    expect(demo.get_by_label("Payer en ligne maintenant")).to_be_visible()
    expect(other).to_contain_text("À payer au retrait")
    no_violations(page)
    demo.get_by_label("Payer en ligne maintenant").check()
    demo.locator("select").select_option(index=1)
    other.locator("select").select_option(index=1)
    page.get_by_label("Nom et prénom").fill("Léa Roux")
    page.get_by_label("Adresse e-mail").fill("lea.roux@example.test")
    page.get_by_label("Téléphone").fill("06 11 22 33 44")
    page.get_by_role("button", name="Confirmer la commande").click()

    expect(page).to_have_url(re.compile(rf"^{fake.url}/pay/cs_test_"))
    page.get_by_role("button", name="Payer").click()

    expect(page).to_have_url(re.compile(r"/commande/suivi/.+\?paiement=ok$"))
    cards = page.locator("main section.order-card")
    paid = cards.filter(has_text="Chèvrerie du Causse")
    expect(paid).to_contain_text("Confirmée")
    expect(paid).to_contain_text("Payée en ligne")
    expect(cards.filter(has_not_text="Chèvrerie du Causse")).to_contain_text(
        "À régler au retrait")
    assert [e["outcome"] for e in fake.events] == ["paid"]
    transfer = fake.fake.calls("POST", "/v1/transfers")[0]
    assert transfer.params["destination"] == "acct_1Demo"
    session = fake.fake.calls("POST", "/v1/checkout/sessions")[0].params
    assert transfer.params["amount"] == fake.sessions[next(iter(fake.sessions))]["amount"]
    assert transfer.params["transfer_group"] == session["metadata[checkout]"]
    farm_ctx.close()
    buyer_ctx.close()
