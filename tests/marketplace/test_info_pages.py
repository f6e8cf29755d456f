"""The footer's pages: every page links them; their facts come from settings (the publisher,
the host, how long order details are kept); they are in French and in English."""

from html import unescape

import pytest
from django.utils import translation

pytestmark = pytest.mark.django_db

FOOTER = {"/a-propos/": "À propos", "/contact/": "Contact",
          "/mentions-legales/": "Mentions légales", "/confidentialite/": "Confidentialité",
          "/donnees-ouvertes/": "Données ouvertes"}


@pytest.fixture(autouse=True)
def _back_to_french():
    """The locale middleware leaves the last request's language active in this thread."""
    yield
    translation.activate("fr")


def test_every_page_links_the_footer_pages(client, lot_communes):
    for path in ["/", "/produits/", *FOOTER]:
        page = unescape(client.get(path).content.decode())
        footer = page[page.index('<footer class="site-footer">'):]
        assert all(f'<a href="{href}">{text}</a>' in footer for href, text in FOOTER.items()), path


def test_the_legal_notices_name_the_publisher_and_host_from_settings(client, settings):
    settings.PUBLISHER_NAME = "CCI du Lot"
    settings.PUBLISHER_ADDRESS = "1 rue de la Préfecture, 46000 Cahors"
    settings.PUBLISHER_SIRET = "18460001700010"
    settings.PUBLISHER_DIRECTOR = "Marie Dupont"
    settings.HOST_NAME = "Hébergeur Exemple SAS"
    settings.HOST_ADDRESS = "2 rue des Serveurs, 75000 Paris"

    page = unescape(client.get("/mentions-legales/").content.decode())

    for fact in ["CCI du Lot", "1 rue de la Préfecture, 46000 Cahors", "18460001700010",
                 "Marie Dupont", "Hébergeur Exemple SAS, 2 rue des Serveurs, 75000 Paris"]:
        assert fact in page


def test_the_privacy_page_says_how_long_order_details_are_kept_and_where_to_erase_them(
        client, settings):
    settings.ORDER_PERSONAL_DATA_DAYS = 180

    page = unescape(client.get("/confidentialite/").content.decode())

    assert "Ils sont effacés 180 jours après le dernier retrait" in page
    assert 'href="/compte/donnees/"' in page
    assert 'href="/contact/"' in page


def test_the_open_data_page_lists_the_files_and_the_licence(client):
    page = client.get("/donnees-ouvertes/").content.decode()

    for path in ["/opendata/producteurs.csv", "/opendata/producteurs.geojson",
                 "/opendata/produits.csv"]:
        assert f'href="{path}"' in page
    assert "Licence Ouverte" in page and 'rel="license"' in page


def test_the_about_page_names_who_runs_the_site_and_the_site_name(client, settings):
    settings.SITE_NAME = "Achetez Lot"
    settings.PUBLISHER_NAME = "CCI du Lot"

    page = unescape(client.get("/a-propos/").content.decode())

    assert "Achetez Lot réunit les producteurs du Lot" in page
    assert "animé par la CCI du Lot" in page


@pytest.mark.parametrize(("path", "english"), [
    ("/mentions-legales/", "Legal notices"), ("/confidentialite/", "What the site keeps"),
    ("/a-propos/", "Who is it for?"), ("/donnees-ouvertes/", "The files"),
    ("/contact/", "Contact the team"),
])
def test_the_pages_are_in_english_too(client, lot_communes, path, english):
    client.cookies["langue"] = "en"

    page = unescape(client.get(path).content.decode())

    assert english in page


def test_the_sitemap_lists_the_information_pages_but_not_the_forms(client):
    index = client.get("/sitemap.xml").content.decode()
    pages = client.get("/sitemap-informations.xml").content.decode()

    assert "sitemap-informations.xml" in index
    for path in ["/a-propos/", "/mentions-legales/", "/confidentialite/", "/donnees-ouvertes/"]:
        assert f"http://127.0.0.1:8000{path}</loc>" in pages
    assert "/contact/" not in pages
