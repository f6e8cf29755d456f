"""The site's identity and pictures: drawings for every family, pictures for products and farms
without a photo, the gallery, the demo's photos, the name in the admin."""

import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from PIL import Image

from marketplace.demo.data.images import FARM, demo_photo
from marketplace.reference.illustrations import ANYTHING, art_for_category
from marketplace.reference.taxonomy import CATEGORIES
from producers.models import Producer, ProducerPhoto
from tests.factories import ProducerFactory, ProductFactory, category

STATIC = Path(settings.BASE_DIR) / "static"


def sprite_symbols() -> set[str]:
    return set(re.findall(r'<symbol id="art-([a-z-]+)"', (STATIC / "img/illustrations.svg")
                          .read_text()))


def test_every_family_of_the_taxonomy_a_farm_and_the_fallback_have_a_drawing():
    families = {slug for slug, _, _, _ in CATEGORIES}

    assert families | {"ferme", ANYTHING} <= sprite_symbols()


def test_a_kind_of_product_shows_its_family_and_an_unknown_one_the_basket():
    assert art_for_category("fromages-de-chevre") == "fromages-et-produits-laitiers"
    assert art_for_category("oeufs") == "oeufs"
    assert art_for_category("categorie-ajoutee-plus-tard") == ANYTHING
    assert art_for_category(None) == ANYTHING


def test_the_typeface_is_served_from_the_site_itself():
    css = (STATIC / "css/site.css").read_text()

    urls = re.findall(r'url\("\.\./(fonts/[^"]+)"\)', css)
    assert urls == ["fonts/fraunces-latin-700-normal.woff2"]
    assert (STATIC / urls[0]).stat().st_size < 20_000
    assert "font-display: swap" in css


@pytest.mark.django_db
def test_products_and_farms_without_a_photo_show_a_drawing(client, lot_communes):
    producer = ProducerFactory(slug="ferme-sans-photo")
    ProductFactory(producer=producer, nom="Truffes noires", slug="truffes",
                   category=category("truffes"))

    listing = client.get("/produits/?q=truffes").content.decode()
    farms = client.get("/producteurs/").content.decode()
    page = client.get("/produits/ferme-sans-photo/truffes/").content.decode()

    assert re.search(r'<svg class="card-img illustration"[^>]*aria-hidden="true"', listing)
    assert "illustrations.svg#art-epicerie" in listing
    assert "illustrations.svg#art-ferme" in farms
    assert "illustrations.svg#art-epicerie" in page


@pytest.mark.django_db
def test_the_gallery_offers_thumbnails_and_loads_all_but_the_first_photo_when_near(
        client, lot_communes, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    producer: Producer = ProducerFactory.create(slug="ferme-en-photos")
    for position in range(3):
        ProducerPhoto.objects.create(
            producer=producer, position=position, alt=f"Photo {position}",
            image=demo_photo(f"photo {position}"),
            thumbnail=demo_photo(f"photo {position}", size=(320, 240)))

    html = client.get("/producteurs/ferme-en-photos/").content.decode()

    gallery = html[html.index('class="gallery"'):]
    gallery = gallery[:gallery.index("</ul>")]
    images = re.findall(r"<img [^>]+>", gallery)
    assert [re.search(r'alt="([^"]*)"', img)[1] for img in images] == [  # type: ignore[index]
        "Photo 0", "Photo 1", "Photo 2"]
    assert all(re.search(r'srcset="\S+-320\.jpg 320w, \S+-640\.jpg 640w"', img) for img in images)
    assert ['loading="lazy"' in img for img in images] == [False, True, True]


@pytest.mark.django_db
def test_the_header_menu_is_a_details_element_that_needs_no_javascript(client, lot_communes):
    html = client.get("/").content.decode()

    menu = html[html.index('<details class="site-menu">'):html.index("</details>")]
    assert "<summary>Menu</summary>" in menu
    assert 'href="/producteurs/"' in menu and 'href="/produits/"' in menu


@pytest.mark.django_db
def test_the_admin_carries_the_site_name(client):
    html = client.get("/admin/login/").content.decode()

    assert "« Oh my Lot ! » achat local" in html


def test_demo_photos_are_jpegs_of_the_asked_size_and_the_same_title_gives_the_same_picture():
    big = demo_photo("Rocamadour AOP", kind="fromages-de-chevre")
    small = demo_photo("Rocamadour AOP", kind="fromages-de-chevre", size=(320, 240))

    assert Image.open(io.BytesIO(big.read())).size == (640, 480)
    assert Image.open(io.BytesIO(small.read())).format == "JPEG"
    assert big.name != small.name
    big.seek(0)
    assert demo_photo("Rocamadour AOP", kind="fromages-de-chevre").read() == big.read()


def test_demo_photos_differ_by_kind_and_a_farm_is_a_landscape():
    cheese = demo_photo("Le même nom", kind="fromages-de-chevre", size=(320, 240)).read()
    wine = demo_photo("Le même nom", kind="vins-rouges", size=(320, 240)).read()
    farm = Image.open(io.BytesIO(demo_photo("Le même nom", kind=FARM, size=(320, 240)).read()))

    assert cheese != wine
    red, green, blue = farm.convert("RGB").getpixel((160, 5))  # type: ignore[misc]
    assert blue > red  # a sky at the top
