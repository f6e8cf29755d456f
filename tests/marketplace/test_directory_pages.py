"""The directory's pages: filters, distance, errors, htmx, query counts."""

import re
from datetime import time

import pytest

from producers.models import OpeningHours, PointOfSale, Producer
from tests.factories import (
    PointOfSaleFactory,
    ProducerFactory,
    ProductFactory,
    category,
    commune,
    label,
)

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return re.findall(r'class="card-title"><a href="[^"]+">([^<]+)</a>', response.content.decode())


def test_product_search_near_figeac_within_20_km(client, catalogue):
    response = client.get("/produits/", {"q": "chevre", "commune": "46102", "radius_km": "20"})

    html = response.content.decode()
    assert response.status_code == 200
    # Figeac's own producer first (distance order is the default with a commune… but relevance
    # wins with q: both are cheese; the Rocamadour one, 36 km away, is out of the area).
    assert set(titles(response)) == {"Fromage de chèvre frais", "Bûche cendrée"}
    assert "2 produits" in html
    assert re.search(r'class="distance">à 5,\d km<', html)  # Capdenac's centre


def test_distance_sort_orders_by_distance(client, catalogue):
    response = client.get("/produits/", {"commune": "Figeac", "radius_km": "20",
                                         "sort": "distance", "category": "fromages-de-chevre"})

    assert titles(response) == ["Fromage de chèvre frais", "Bûche cendrée"]


def test_a_commune_alone_keeps_its_own_producers(client, catalogue):
    response = client.get("/producteurs/", {"commune": "46102"})

    assert titles(response) == ["La Chèvrerie de Figeac"]


def test_the_commune_field_accepts_the_autocompletion_label_and_a_postal_code(client, catalogue):
    by_label = client.get("/producteurs/", {"commune": "Figeac (46102)"})
    by_insee_first = client.get("/producteurs/", {"commune": "46100", "radius_km": "5"})

    assert titles(by_label) == ["La Chèvrerie de Figeac"]
    # 46100 is Faycelles' INSEE code (and Figeac's postal code): the INSEE code wins.
    assert "Faycelles" not in titles(by_insee_first)


def test_unknown_commune_category_or_label_give_an_empty_list(client, catalogue):
    assert len(titles(client.get("/produits/"))) == 8  # the catalogue's public products
    for params in ({"commune": "99999"}, {"category": "nope"}, {"label": "nope"}):
        response = client.get("/produits/", params)
        assert response.status_code == 200
        assert titles(response) == []
        assert "Aucun résultat" in response.content.decode()


def test_malformed_numbers_show_a_form_error_not_a_500(client, catalogue):
    response = client.get("/produits/", {"radius_km": "dix", "max_price": "cher", "page": "x",
                                         "commune": "46102"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Saisissez un nombre." in html
    assert "« x » n&#x27;est pas un nombre entier positif" in html
    assert 'role="alert"' in html


def test_category_includes_sub_categories(client, catalogue):
    response = client.get("/categories/fromages-et-produits-laitiers/")

    assert set(titles(response)) == {"Fromage de chèvre frais", "Bûche cendrée", "Rocamadour AOP"}


def test_filters_combine(client, catalogue):
    catalogue.products["vin"].labels.add(label("aoc"))
    response = client.get("/produits/", {"label": "aoc", "pickup": "true"})
    no_pickup = client.get("/produits/", {"label": "aoc"})
    cheap = client.get("/produits/", {"max_price": "2", "category": "fromages-de-chevre"})
    by_producer = client.get("/produits/", {"producer": "truffiere-lalbenque", "sort": "name"})
    epci = client.get("/producteurs/", {"epci": "200067361", "sort": "name"})  # Grand-Figeac

    assert titles(response) == []
    assert titles(no_pickup) == ["Vin de Cahors AOC 2022"]
    assert titles(cheap) == ["Rocamadour AOP"]
    assert titles(by_producer) == ["Safran du Quercy", "Truffes noires"]
    assert titles(epci) == ["Ferme du Célé", "La Chèvrerie de Figeac"]


def test_point_of_sale_in_the_area_means_at_a_market_there(client, catalogue):
    at_figeac_market = client.get("/producteurs/", {"point_of_sale": "market",
                                                    "commune": "46102"})
    on_tuesday = client.get("/producteurs/", {"point_of_sale": "market", "weekday": "2"})

    assert titles(at_figeac_market) == ["Domaine du Causse"]
    assert titles(on_tuesday) == ["Truffière de Lalbenque"]


def test_the_weekday_filter_matches_any_day_of_a_market(client, catalogue):
    # The Cahors winemaker's Figeac market gets a second day, Wednesday mornings.
    market = PointOfSale.objects.get(producer=catalogue.producers["cahors"])
    OpeningHours.objects.create(point_of_sale=market, weekday=3, opens=time(8), closes=time(12))

    def listed(day: str, path: str = "/producteurs/") -> list[str]:
        return titles(client.get(path, {"point_of_sale": "market", "weekday": day}))

    assert listed("3") == listed("6") == ["Domaine du Causse"]
    assert listed("5") == []
    assert listed("3", "/produits/") == ["Noix fraîches", "Vin de Cahors AOC 2022"]
    html = client.get("/producteurs/domaine-du-causse/").content.decode()
    assert "Marché de Figeac, <a href=\"/communes/46102/\">Figeac</a> — mercredi, 8 h – 12 h ; " \
           "samedi<" in html


def test_producer_search_and_sorting(client, catalogue):
    response = client.get("/producteurs/", {"q": "causse", "sort": "name"})

    assert titles(response) == ["Domaine du Causse", "Les Bergers du Causse"]


def test_htmx_requests_get_only_the_results(client, catalogue):
    response = client.get("/produits/", {"q": "chevre"}, headers={"HX-Request": "true"})

    html = response.content.decode()
    assert html.lstrip().startswith('<section id="results"')
    assert "<html" not in html
    assert "HX-Request" in response["Vary"]


def test_the_search_form_has_visible_labels(client, catalogue):
    html = client.get("/produits/").content.decode()

    assert '<label for="id_q">Rechercher</label>' in html
    assert '<label for="id_commune">Commune</label>' in html
    assert '<label for="id_radius_km">Rayon (km)</label>' in html
    assert 'hx-push-url="true"' in html


def test_pagination(client, lot_communes):
    producer = ProducerFactory()
    for n in range(30):
        ProductFactory(producer=producer, nom=f"Confiture {n:02d}", category=category("confitures"))

    first = client.get("/produits/", {"page_size": "25", "sort": "name"})
    second = client.get("/produits/", {"page_size": "25", "page": "2", "sort": "name"})

    assert len(titles(first)) == 25
    assert titles(second) == ["Confiture 25", "Confiture 26", "Confiture 27", "Confiture 28",
                              "Confiture 29"]
    assert "Page 2 sur 2" in second.content.decode()


@pytest.mark.parametrize("url", [
    "/produits/?page_size=100",
    "/produits/?q=confiture&page_size=100",
    "/produits/?q=confiture&commune=46102&radius_km=50&sort=distance&page_size=100",
    "/produits/?category=miel-et-confitures&label=aop&point_of_sale=farm&page_size=100",
    "/producteurs/?page_size=100",
    "/producteurs/?q=confiture&commune=46102&radius_km=50&page_size=100",
    "/communes/46102/?page_size=100",
    "/categories/miel-et-confitures/?page_size=100",
    "/",
])
def test_list_pages_run_a_bounded_number_of_queries(client, lot_communes, url, settings,
                                                    django_assert_max_num_queries):
    # The page's own queries, not a copy from the anonymous page cache (tested on its own).
    settings.PAGE_CACHE_SECONDS = 0
    for n in range(40):
        producer: Producer = ProducerFactory.create(commune=commune("46102"))
        producer.labels.add(label("aop"))
        PointOfSaleFactory.create(producer=producer)
        ProductFactory(producer=producer, nom=f"Confiture {n}", category=category("confitures"))

    # A running server holds the taxonomy and the index's words for a minute: counted warm.
    client.get(url)
    # 8 for the page, plus the search log's insert when words were searched (the home page:
    # plus the CCI's running campaigns).
    with django_assert_max_num_queries(9 if "q=" in url or url == "/" else 8):
        response = client.get(url)

    assert response.status_code == 200
    listed = (response.context["producer_count"] if url == "/"
              else len(response.context["results"]))
    assert listed == 40


def test_commune_page_lists_nearby_producers_with_distance(client, catalogue):
    response = client.get("/communes/46102/")

    html = response.content.decode()
    assert titles(response) == ["La Chèvrerie de Figeac", "Ferme du Célé"]
    assert "Producteurs à Figeac et alentour" in html


def test_commune_slug_redirects_to_the_insee_code(client, catalogue):
    response = client.get("/communes/figeac/")

    assert response.status_code == 301
    assert response["Location"] == "/communes/46102/"


def test_producer_page(client, catalogue):
    producer = catalogue.producers["cahors"]
    producer.labels.add(label("aoc"))

    response = client.get("/producteurs/domaine-du-causse/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "AOC (appellation d&#x27;origine contrôlée)" in html
    assert re.search(r"Marché de Figeac, <a [^>]+>Figeac</a> — samedi<", html)
    assert "Vin de Cahors AOC 2022" in html
    assert '"@type": "LocalBusiness"' in html
    assert ('<link rel="canonical" href="http://127.0.0.1:8000/producteurs/domaine-du-causse/">'
            in html)


def test_pending_producer_and_draft_product_pages_are_404(client, catalogue):
    assert client.get("/producteurs/chevres-en-attente/").status_code == 404
    assert client.get("/produits/chevrerie-figeac/brouillon/").status_code == 404


def test_product_page(client, catalogue):
    product = catalogue.products["truffes"]
    product.season_months = [12, 1, 2]
    product.save()

    html = client.get("/produits/truffiere-lalbenque/truffes-noires/").content.decode()

    assert "90,00\u00a0€" in html
    assert "janvier, février, décembre" in html
    assert "Disponible" in html
    assert '"priceCurrency": "EUR"' in html
    assert '"price": "90.00"' in html
    assert '"availability": "https://schema.org/InStock"' in html


def test_json_ld_cannot_be_broken_by_user_text(client, catalogue):
    product = catalogue.products["noix"]
    product.description = "</script><script>alert(1)</script>"
    product.save()

    html = client.get("/produits/domaine-du-causse/noix-fraiches/").content.decode()

    assert "</script><script>alert(1)" not in html
    assert "\\u003C/script\\u003E" in html


def test_commune_autocompletion_by_name_and_postal_code(client, lot_communes):
    by_name = client.get("/autocompletion/communes/", {"q": "fige"}).json()["results"]
    by_postal_code = client.get("/autocompletion/communes/", {"q": "46100"}).json()["results"]

    assert by_name[0]["label"] == "Figeac (46102)"
    assert {r["nom"] for r in by_postal_code} >= {"Figeac", "Capdenac", "Faycelles"}


def test_search_autocompletion_completes_prefixes(client, catalogue):
    assert client.get("/autocompletion/produits/", {"q": "roca"}).json() == {
        "results": ["Rocamadour AOP"]}


def test_distance_pages_cut_across_producers(client, lot_communes):
    # Figeac (0 km), Faycelles (~6 km), Capdenac (~5 km): nearest producer first, then names.
    for code, letter in (("46102", "A"), ("46100", "C"), ("46055", "B")):
        producer = ProducerFactory(commune=commune(code), latitude=None, longitude=None)
        for n in (3, 1, 2):
            ProductFactory(producer=producer, nom=f"{letter}{n}", category=category("miels"))

    pages = [titles(client.get("/produits/", {"commune": "46102", "radius_km": "20",
                                              "page_size": "4", "page": str(page)}))
             for page in (1, 2, 3)]

    assert pages == [["A1", "A2", "A3", "B1"], ["B2", "B3", "C1", "C2"], ["C3"]]
