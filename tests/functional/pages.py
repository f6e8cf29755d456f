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
FARM = f"/espace-producteur/ferme/{PRODUCER}"
PENDING = "les-jardins-darcambal"  # the demo's farm waiting for review
SUSPENDED = "les-foies-gras-de-la-tour"


# The page's main form: the first POST form in <main> with a field to fill (not a lone button).
MAIN_FORM = ("main form[method=post]:has(input:not([type=hidden]):not([type=submit]), select, "
             "textarea)")


def _submit_form_unchanged(page: Page) -> None:
    """Submit the page's main form as it is, empty or invalid, to show its validation errors."""
    form = page.locator(MAIN_FORM).first
    form.evaluate("f => { f.noValidate = true; }")
    form.locator("[type=submit]").first.click()
    page.wait_for_load_state()


def _clear_and_submit(field_name: str) -> Callable[[Page], None]:
    """Empty a required field of the main form, then submit it."""

    def prepare(page: Page) -> None:
        page.locator(f"{MAIN_FORM} [name={field_name}]").first.fill("")
        _submit_form_unchanged(page)

    return prepare


def _fill_cart(page: Page) -> None:
    """Put the demo product in the cart with its page's form (no JavaScript needed)."""
    page.goto(f"/produits/{PRODUCT}/")
    page.get_by_role("button", name="Ajouter au panier").first.click()
    page.wait_for_load_state()


def _then(*steps: Callable[[Page], None]) -> Callable[[Page], None]:
    def prepare(page: Page) -> None:
        for step in steps:
            step(page)

    return prepare


def _go(path: str) -> Callable[[Page], None]:
    def prepare(page: Page) -> None:
        page.goto(path)

    return prepare


def _bad_cart_quantity(page: Page) -> None:
    page.locator("main input[type=number]").first.fill("-1")
    page.get_by_role("button", name="Mettre à jour les quantités").click()
    page.wait_for_load_state()


def _bad_order_quantity(page: Page) -> None:
    page.locator("main input[type=number]").first.fill("500")
    _submit_form_unchanged(page)


def _cancel_without_reason(page: Page) -> None:
    page.get_by_role("button", name="Annuler la commande").click()
    page.wait_for_load_state()


def _as_staff(path: str) -> Callable[[Page], None]:
    """Log in as the demo CCI staff account, then open the page."""

    def prepare(page: Page) -> None:
        page.goto("/compte/connexion/")
        form = page.locator("main form[method=post]").first
        form.locator("input[name=username]").fill("cci@ohmylot.test")
        form.locator("input[name=password]").fill("cci-lot-2026")
        form.locator("[type=submit]").first.click()
        page.wait_for_load_state()
        page.goto(path)

    return prepare


# What shows that a state really is what it claims (checked before axe runs).
STATE_MARKERS = {
    "form-error": ".form-errors, .field-error, .errorlist, [aria-invalid=true]",
    "no-result": ".no-results",
}


def _choose_and_submit(field_name: str, value: str) -> Callable[[Page], None]:
    """Pick a radio choice of the main form (and nothing else), then submit it."""

    def prepare(page: Page) -> None:
        page.locator(f"{MAIN_FORM} input[name={field_name}][value={value}]").first.check()
        _submit_form_unchanged(page)

    return prepare


@dataclass(frozen=True)
class PageCase:
    path: str
    state: str = "default"
    login: bool | str = False  # True: the demo producer; "staff": the demo CCI staff member
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
        PageCase("/produits/?commune=46100&radius_km=10", "postal-code"),
        PageCase("/produits/?q=fromage&commune=St-Cirq-Lapopie", "unknown-commune"),
    ],
    "marketplace:product": [PageCase(f"/produits/{PRODUCT}/")],
    "marketplace:producer_contact": [
        PageCase(f"/producteurs/{PRODUCER}/contact/"),
        PageCase(f"/producteurs/{PRODUCER}/contact/", "form-error",
                 prepare=_submit_form_unchanged),
    ],
    "marketplace:contact": [
        PageCase("/contact/"),
        PageCase("/contact/", "form-error", prepare=_submit_form_unchanged),
    ],
    "marketplace:legal_notices": [PageCase("/mentions-legales/")],
    "marketplace:privacy": [PageCase("/confidentialite/")],
    "marketplace:about": [PageCase("/a-propos/")],
    "marketplace:open_data": [PageCase("/donnees-ouvertes/")],
    "marketplace:commune": [PageCase(f"/communes/{FIGEAC}/", "figeac"),
                            PageCase("/communes/46240/", "rocamadour")],
    "marketplace:market_list": [
        PageCase("/marches/"),
        PageCase(f"/marches/?commune={FIGEAC}&radius_km=30&weekday=6", "figeac-saturday"),
        PageCase("/marches/?commune=46100", "postal-code"),
        PageCase("/marches/?commune=zzzz", "unknown-commune"),
        PageCase("/marches/?weekday=9&radius_km=abc", "form-error"),
    ],
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
    "producers:signup_sent": [PageCase("/espace-producteur/inscription/envoyee/")],
    "producers:verify_email": [
        PageCase("/espace-producteur/verification/lien-invalide/", "bad-link", status=400),
    ],
    "producers:invitation_accept": [
        PageCase("/espace-producteur/invitation/lien-invalide/", "bad-link", status=400),
    ],
    "producers:password_reset": [
        PageCase("/espace-producteur/mot-de-passe/oubli/"),
        PageCase("/espace-producteur/mot-de-passe/oubli/", "form-error",
                 prepare=_submit_form_unchanged),
    ],
    "producers:password_reset_done": [PageCase("/espace-producteur/mot-de-passe/oubli/envoye/")],
    "producers:password_reset_confirm": [
        PageCase("/espace-producteur/mot-de-passe/nouveau/MQ/lien-invalide/", "bad-link"),
    ],
    "producers:password_reset_complete": [
        PageCase("/espace-producteur/mot-de-passe/nouveau/termine/"),
    ],
    # The producer dashboard, logged in as the demo producer.
    "producers:password_change": [
        PageCase("/espace-producteur/mot-de-passe/changer/", login=True),
        PageCase("/espace-producteur/mot-de-passe/changer/", "form-error", login=True,
                 prepare=_submit_form_unchanged),
    ],
    "producers:dashboard": [PageCase("/espace-producteur/", login=True)],
    "producers:home": [PageCase(f"{FARM}/", login=True)],
    "producers:profile": [
        PageCase(f"{FARM}/profil/", login=True),
        PageCase(f"{FARM}/profil/", "form-error", login=True, prepare=_clear_and_submit("nom")),
    ],
    "producers:photos": [PageCase(f"{FARM}/photos/", login=True)],
    "producers:points_of_sale": [PageCase(f"{FARM}/points-de-vente/", login=True)],
    "producers:point_of_sale_create": [
        PageCase(f"{FARM}/points-de-vente/ajouter/", login=True),
        PageCase(f"{FARM}/points-de-vente/ajouter/", "form-error", login=True,
                 prepare=_submit_form_unchanged),
    ],
    "producers:point_of_sale_update": [
        PageCase(f"{FARM}/points-de-vente/{{point_of_sale_id}}/", login=True),
    ],
    "producers:point_of_sale_delete": [
        PageCase(f"{FARM}/points-de-vente/{{point_of_sale_id}}/supprimer/", login=True),
    ],
    "producers:team": [PageCase(f"{FARM}/equipe/", login=True)],
    "producers:products": [PageCase(f"{FARM}/produits/", login=True)],
    "producers:product_create": [
        PageCase(f"{FARM}/produits/ajouter/", login=True),
        PageCase(f"{FARM}/produits/ajouter/", "form-error", login=True,
                 prepare=_submit_form_unchanged),
    ],
    "producers:product_update": [PageCase(f"{FARM}/produits/{{own_product_id}}/", login=True)],
    "producers:product_delete": [
        PageCase(f"{FARM}/produits/{{own_product_id}}/supprimer/", login=True),
    ],
    # Cart and checkout: empty, filled through the product page's form, and refused.
    "orders:cart": [
        PageCase("/panier/", "no-result"),
        PageCase("/panier/", "filled", prepare=_fill_cart),
        PageCase("/panier/", "form-error", prepare=_then(_fill_cart, _bad_cart_quantity)),
    ],
    "orders:checkout": [
        PageCase("/commande/", "no-result"),
        PageCase("/commande/", "filled", prepare=_then(_fill_cart, _go("/commande/"))),
        PageCase("/commande/", "form-error",
                 prepare=_then(_fill_cart, _go("/commande/"), _submit_form_unchanged)),
    ],
    "orders:tracking": [PageCase("/commande/suivi/{checkout_token}/")],
    "orders:order_change": [
        PageCase("/commande/suivi/{checkout_token}/{order_id}/modifier/"),
        PageCase("/commande/suivi/{checkout_token}/{order_id}/modifier/", "form-error",
                 prepare=_bad_order_quantity),
    ],
    "orders:order_cancel": [PageCase("/commande/suivi/{checkout_token}/{order_id}/annuler/")],
    "orders:login": [
        PageCase("/compte/connexion/"),
        PageCase("/compte/connexion/", "form-error", prepare=_submit_form_unchanged),
    ],
    "orders:signup": [
        PageCase("/compte/inscription/"),
        PageCase("/compte/inscription/", "form-error", prepare=_submit_form_unchanged),
    ],
    "orders:signup_sent": [PageCase("/compte/inscription/envoyee/")],
    "orders:my_orders": [PageCase("/compte/commandes/", "no-result", login=True)],
    "orders:my_data": [
        PageCase("/compte/donnees/", login=True),
        PageCase("/compte/donnees/", "form-error", login=True, prepare=_submit_form_unchanged),
    ],
    "orders:checkout_forget": [PageCase("/commande/suivi/{checkout_token}/effacer/")],
    # The producer's orders and pickup settings (the demo has one order at the demo farm).
    "orders:orders": [
        PageCase(f"{FARM}/commandes/", login=True),
        PageCase(f"{FARM}/commandes/?jour=2020-01-01", "no-result", login=True),
        PageCase(f"{FARM}/commandes/?jour=demain", "form-error", login=True, status=400),
    ],
    "orders:order_detail": [
        PageCase(f"{FARM}/commandes/{{order_id}}/", login=True),
        PageCase(f"{FARM}/commandes/{{order_id}}/", "form-error", login=True,
                 prepare=_cancel_without_reason),
    ],
    "orders:packing_list": [
        PageCase(f"{FARM}/commandes/preparation/?jour={{order_day}}", login=True),
        PageCase(f"{FARM}/commandes/preparation/?jour=2020-01-01", "no-result", login=True),
    ],
    "orders:pickup": [
        PageCase(f"{FARM}/retrait/", login=True),
        PageCase(f"{FARM}/retrait/", "form-error", login=True,
                 prepare=_clear_and_submit("horizon_days")),
    ],
    "orders:window_create": [
        PageCase(f"{FARM}/retrait/plages/ajouter/", login=True),
        PageCase(f"{FARM}/retrait/plages/ajouter/", "form-error", login=True,
                 prepare=_submit_form_unchanged),
    ],
    "orders:window_update": [PageCase(f"{FARM}/retrait/plages/{{window_id}}/", login=True)],
    # Online payment: the demo runs without Stripe (the page says so); the connected states
    # and the checkout's payment choice are checked by the payment journey.
    "orders:payment_account": [PageCase(f"{FARM}/paiement/", "unavailable", login=True)],
    "orders:payment_incidents": [
        PageCase("/curation/incidents-paiement/", "no-result",
                 prepare=_as_staff("/curation/incidents-paiement/")),
    ],
    "producers:confirm_listing": [
        PageCase("/espace-producteur/confirmation/{confirm_token}/"),
        PageCase("/espace-producteur/confirmation/lien-invalide/", "bad-link", status=400),
    ],
    # The CCI's staff area, logged in as the demo staff member (« Équipe CCI »).
    "curation:dashboard": [PageCase("/curation/", login="staff")],
    "curation:queue": [PageCase("/curation/file/", login="staff")],
    "curation:producers": [
        PageCase("/curation/producteurs/", login="staff"),
        PageCase("/curation/producteurs/?q=zzzyxw", "no-result", login="staff"),
    ],
    "curation:producer": [
        PageCase(f"/curation/producteurs/{PENDING}/", login="staff"),
        PageCase(f"/curation/producteurs/{PENDING}/", "form-error", login="staff",
                 prepare=_choose_and_submit("move", "reject")),
        PageCase(f"/curation/producteurs/{SUSPENDED}/", "suspended", login="staff"),
    ],
    "curation:producer_preview": [PageCase(f"/curation/producteurs/{PENDING}/apercu/",
                                           login="staff")],
    "curation:producer_edit": [
        PageCase(f"/curation/producteurs/{PENDING}/corriger/", login="staff"),
        PageCase(f"/curation/producteurs/{PENDING}/corriger/", "form-error", login="staff",
                 prepare=_clear_and_submit("nom")),
    ],
    "curation:producer_history": [PageCase(f"/curation/producteurs/{PRODUCER}/historique/",
                                           login="staff")],
    "curation:product_edit": [
        PageCase("/curation/produits/{own_product_id}/corriger/", login="staff"),
        PageCase("/curation/produits/{own_product_id}/corriger/", "form-error", login="staff",
                 prepare=_clear_and_submit("nom")),
    ],
    "curation:product_hide": [
        PageCase("/curation/produits/{own_product_id}/masquer/", login="staff"),
        PageCase("/curation/produits/{own_product_id}/masquer/", "form-error", login="staff",
                 prepare=_submit_form_unchanged),
    ],
    "curation:product_history": [PageCase("/curation/produits/{own_product_id}/historique/",
                                          login="staff")],
    "curation:journal": [PageCase("/curation/journal/", login="staff")],
    "curation:claims": [PageCase("/curation/reprises/", login="staff")],
    "curation:claim": [
        PageCase("/curation/reprises/{claim_id}/", login="staff"),
        PageCase("/curation/reprises/{claim_id}/", "form-error", login="staff",
                 prepare=_choose_and_submit("move", "refuse")),
    ],
    "curation:featurings": [
        PageCase("/curation/mises-en-avant/", login="staff"),
        PageCase("/curation/mises-en-avant/", "form-error", login="staff",
                 prepare=_clear_and_submit("subject")),
    ],
    "curation:featuring_edit": [PageCase("/curation/mises-en-avant/{featuring_id}/",
                                         login="staff")],
    "curation:campaign_create": [
        PageCase("/curation/campagnes/ajouter/", login="staff"),
        PageCase("/curation/campagnes/ajouter/", "form-error", login="staff",
                 prepare=_submit_form_unchanged),
    ],
    "curation:campaign_edit": [PageCase("/curation/campagnes/{campaign_id}/", login="staff")],
    "curation:imports": [
        PageCase("/curation/import/", login="staff"),
        PageCase("/curation/import/", "form-error", login="staff",
                 prepare=_submit_form_unchanged),
    ],
    "curation:import_detail": [
        PageCase("/curation/import/{import_invalid_id}/", "refused-rows", login="staff"),
        PageCase("/curation/import/{import_checked_id}/", "checked", login="staff"),
    ],
    "curation:stale": [PageCase("/curation/fraicheur/", "no-result", login="staff")],
    # The live site runs tasks at once (no queue): the page says so.
    "curation:failed_tasks": [PageCase("/curation/taches-en-echec/", "no-result",
                                       login="staff")],
    "curation:reference": [PageCase("/curation/referentiel/", login="staff")],
    "curation:exports": [PageCase("/curation/exports/", login="staff")],
}

# Named URL patterns that serve no HTML page of their own (beyond the excluded prefixes).
NOT_PAGES: dict[str, str] = {
    "marketplace:autocomplete_communes": "JSON for the commune field's suggestions",
    "marketplace:autocomplete_products": "JSON for the search box's suggestions",
    "producers:logout": "POST only: logs out and redirects",
    "producers:resend_verification": "POST only: sends an e-mail and redirects",
    "producers:photo_update": "POST only (caption form on the photos page)",
    "producers:photo_delete": "POST only (button on the photos page)",
    "producers:photo_move_first": "POST only (button on the photos page)",
    "producers:member_remove": "POST only (button on the team page)",
    "producers:invitation_cancel": "POST only (button on the team page)",
    "producers:product_quick_update": "POST only: htmx row update on the products page",
    "producers:product_toggle_available": "POST only: htmx toggle on the products page",
    "producers:product_duplicate": "POST only: redirects to the copy's form",
    "producers:product_restore": "POST only: undoes a deletion, redirects",
    "producers:product_photo_delete": "POST only (button on the product form)",
    "producers:product_photo_move_first": "POST only (button on the product form)",
    "orders:cart_add": "POST only: the add-to-cart form of product and producer pages",
    "orders:order_calendar": "the pickup as an .ics calendar file",
    "orders:logout": "POST only: logs the resident out and redirects",
    "orders:orders_csv": "CSV export of the producer's orders",
    "orders:order_move": "POST only: a move button of the orders list, redirects",
    "orders:window_delete": "POST only (button on the pickup settings page)",
    "orders:closure_add": "POST only: the closure form of the pickup settings page (its "
                          "errors show on that page)",
    "orders:closure_delete": "POST only (button on the pickup settings page)",
    "orders:holiday_add": "POST only: the holiday form of the pickup settings page",
    "orders:holiday_delete": "POST only (button on the pickup settings page)",
    "orders:pay": "POST only: sends the buyer to Stripe's payment page",
    "orders:payment_return": "redirects: Stripe's onboarding comes back here",
    "orders:payment_refresh": "redirects: a new Stripe onboarding link",
    "orders:stripe_webhook": "Stripe's signed events (JSON)",
    "orders:my_data_export": "JSON download of the account's data",
    "orders:checkout_data_export": "JSON download of a checkout's data",
    "producers:confirm": "POST only (button on the farm's home page)",
    "curation:producer_decide": "POST only; its errors re-render the producer page "
                                "(checked as curation:producer form-error)",
    "curation:producer_invite": "POST only (button on the producer page)",
    "curation:product_unhide": "POST only (button on the producer page)",
    "curation:featuring_delete": "POST only (button on the featuring page)",
    "curation:import_confirm": "POST only (button on the import page)",
    "curation:stale_hide": "POST only (button on the stale listings page)",
    "curation:export_directory": "CSV download",
    "curation:export_statistics": "CSV download",
}

# Whole areas out of scope: Django's admin, the API and its docs, language switching, machine
# endpoints.
EXCLUDED_PREFIXES = ("admin/", "api/", "i18n/", "healthz", "readyz", "sitemap", "robots",
                     "opendata/", "media/", "static/", "__")
EXCLUDED_NAMESPACES = ("admin",)
