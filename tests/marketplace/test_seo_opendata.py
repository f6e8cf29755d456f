import csv
import io

import pytest

from producers import services

pytestmark = pytest.mark.django_db


def test_robots_txt_points_to_the_sitemap(client):
    body = client.get("/robots.txt").content.decode()

    assert "Disallow: /espace-producteur/" in body
    assert "Sitemap: http://127.0.0.1:8000/sitemap.xml" in body


def test_sitemap_lists_every_public_page(client, catalogue):
    index = client.get("/sitemap.xml").content.decode()
    products = client.get("/sitemap-produits.xml").content.decode()
    producers = client.get("/sitemap-producteurs.xml").content.decode()
    communes = client.get("/sitemap-communes.xml").content.decode()

    assert "sitemap-produits.xml" in index
    assert "/produits/truffiere-lalbenque/truffes-noires/" in products
    assert "/brouillon/" not in products
    assert "/producteurs/chevrerie-figeac/" in producers
    assert "chevres-en-attente" not in producers
    assert "/communes/46102/" in communes


def test_open_data_csv_is_keyed_by_insee_code(client, catalogue):
    response = client.get("/opendata/producteurs.csv")

    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    figeac = next(r for r in rows if r["slug"] == "chevrerie-figeac")
    assert response["Content-Type"].startswith("text/csv")
    assert "licence-ouverte" in response["Link"]
    assert len(rows) == 5
    assert figeac["code_insee"] == "46102"
    assert figeac["categories"] == "fromages-de-chevre|volailles"
    assert figeac["retrait"] == "oui"


def test_open_data_csv_cannot_run_a_formula(client, catalogue):
    services.producer_update(producer=catalogue.producers["cahors"],
                             data={"nom": '=HYPERLINK("http://x.test","Prix")'})

    rows = list(csv.DictReader(io.StringIO(client.get("/opendata/producteurs.csv")
                                           .content.decode())))

    names = {r["slug"]: r["nom"] for r in rows}
    assert names["domaine-du-causse"] == '\'=HYPERLINK("http://x.test","Prix")'
    assert names["chevrerie-figeac"] == "La Chèvrerie de Figeac"


def test_open_data_geojson(client, catalogue):
    body = client.get("/opendata/producteurs.geojson").json()

    feature = next(f for f in body["features"] if f["id"] == "chevrerie-figeac")
    assert body["type"] == "FeatureCollection"
    assert body["licence"].startswith("Licence Ouverte")
    assert feature["geometry"] == {"type": "Point", "coordinates": [2.035, 44.61]}
    assert feature["properties"]["code_insee"] == "46102"


def test_list_pages_have_canonical_and_open_graph(client, catalogue):
    html = client.get("/produits/").content.decode()

    assert '<link rel="canonical" href="http://127.0.0.1:8000/produits/">' in html
    assert '<meta property="og:title"' in html


def test_sitemap_addresses_use_the_canonical_site_url(client, catalogue):
    products = client.get("/sitemap-produits.xml").content.decode()

    expected = "http://127.0.0.1:8000/produits/truffiere-lalbenque/truffes-noires/"
    assert f"<loc>{expected}</loc>" in products


def test_open_data_products_csv_lists_published_products(client, catalogue,
                                                         django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        response = client.get("/opendata/produits.csv")

    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    truffes = next(r for r in rows if r["slug"] == "truffes-noires")
    assert response["Content-Type"].startswith("text/csv")
    assert "licence-ouverte" in response["Link"]
    assert {r["nom"] for r in rows} >= {"Truffes noires", "Rocamadour AOP"}
    assert "Chèvre brouillon" not in {r["nom"] for r in rows}  # a draft
    assert "Chèvre caché" not in {r["nom"] for r in rows}  # its producer is pending
    assert (truffes["code_insee"], truffes["prix_ttc"], truffes["categorie"]) == (
        "46148", "90.00", "truffes")
    assert truffes["url"].endswith("/produits/truffiere-lalbenque/truffes-noires/")
