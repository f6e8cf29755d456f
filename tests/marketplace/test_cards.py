"""The product card (built by a template tag) and the detail pages' query counts."""

import re
from decimal import Decimal

import factory
import pytest
from django.test import Client

from producers.models import Producer, Product
from tests.factories import (
    PointOfSaleFactory,
    ProducerFactory,
    ProductFactory,
    category,
    commune,
    label,
)

pytestmark = pytest.mark.django_db


def _cards(html: str) -> list[str]:
    return re.findall(r'<article class="card product-card">.*?</article>', html, re.S)


def test_a_card_shows_name_link_price_unit_producer_and_commune(lot_communes):
    producer = ProducerFactory(nom="Ferme <Les Noyers>", slug="ferme-les-noyers",
                               commune=commune("46102"))
    ProductFactory(producer=producer, nom="Huile de noix & co", slug="huile-de-noix",
                   price=Decimal("12.5"), unit="bouteille", unit_size="50 cl",
                   category=category("huiles"))

    [card] = _cards(Client().get("/produits/").content.decode())

    assert '<a href="/produits/ferme-les-noyers/huile-de-noix/">Huile de noix &amp; co</a>' in card
    price = '<p class="card-price">12,50\u00a0€ <span class="unit">la bouteille (50 cl)</span>'
    assert price in card
    assert "Ferme &lt;Les Noyers&gt; · Figeac</p>" in card
    assert 'aria-hidden="true"' in card and "#art-" in card  # no photo: the category's drawing
    assert "Épuisé" not in card and "distance" not in card


def test_a_card_shows_the_distance_and_a_sold_out_product(lot_communes):
    producer = ProducerFactory(commune=commune("46102"), latitude=44.6100, longitude=2.0350)
    ProductFactory(producer=producer, nom="Cabécou", stock=0)

    html = Client().get("/produits/", {"commune": "46102", "radius_km": "20"}).content.decode()

    [card] = _cards(html)
    assert re.search(r'<span class="distance">à \d+,\d km</span>', card)
    assert '<p class="badge badge-muted">Épuisé pour le moment</p>' in card


def test_a_card_in_english_is_translated(lot_communes):
    ProductFactory(stock=0, unit="kg")

    html = Client(headers={"accept-language": "en"}).get("/produits/").content.decode()

    [card] = _cards(html)
    assert '<p class="badge badge-muted">Sold out for now</p>' in card
    assert '<span class="unit">per kg</span>' in card


@pytest.mark.parametrize("page", ["product", "producer"])
def test_detail_pages_run_a_bounded_number_of_queries(client, lot_communes, page, settings,
                                                      django_assert_max_num_queries):
    settings.PAGE_CACHE_SECONDS = 0
    producer: Producer = ProducerFactory.create(commune=commune("46102"))
    producer.labels.add(label("aop"))
    PointOfSaleFactory.create(producer=producer)
    products: list[Product] = [
        ProductFactory.create(producer=producer, nom=f"Confiture {n}",
                              category=category("confitures")) for n in range(30)]
    url = (products[0] if page == "product" else producer).get_absolute_url()
    client.get(url)

    with django_assert_max_num_queries(8):
        response = client.get(url)

    assert response.status_code == 200
    if page == "producer":
        assert len(_cards(response.content.decode())) == 30


def test_a_list_card_shows_the_first_photo_thumbnail_or_the_photo_itself(lot_communes):
    from tests.producers.factories import ProductPhotoFactory

    first = ProductFactory(nom="Cabécou", slug="cabecou")
    ProductPhotoFactory(product=first, position=2, image__filename="second.jpg")
    shown = ProductPhotoFactory.create(
        product=first, position=1, image__filename="first.jpg",
        thumbnail__filename="first-small.jpg",
        thumbnail=factory.django.ImageField(width=32, height=24))
    without_thumbnail = ProductPhotoFactory.create(
        product=ProductFactory(nom="Miel", slug="miel"), image__filename="miel.jpg")

    html = Client().get("/produits/", {"sort": "name"}).content.decode()

    cabecou, miel = _cards(html)
    assert cabecou.count("<img") == 1
    assert f'<img class="card-img" src="{shown.thumbnail.url}" alt=""' in cabecou
    assert f'<img class="card-img" src="{without_thumbnail.image.url}" alt=""' in miel
    assert "#art-" not in cabecou + miel


def test_a_producer_card_shows_its_photo_link_commune_and_description(lot_communes):
    from tests.producers.factories import ProducerPhotoFactory

    producer = ProducerFactory(nom="Ferme <Les Noyers>", slug="ferme-les-noyers",
                               commune=commune("46102"),
                               description="Des noix & " + "et " * 30 + "fin")
    photo = ProducerPhotoFactory.create(producer=producer, image__filename="ferme.jpg")

    html = Client().get("/producteurs/").content.decode()

    [card] = re.findall(r'<article class="card producer-card">.*?</article>', html, re.S)
    assert f'<img class="card-img" src="{photo.image.url}" alt=""' in card
    assert '<a href="/producteurs/ferme-les-noyers/">Ferme &lt;Les Noyers&gt;</a>' in card
    assert '<p class="card-meta">Figeac</p>' in card
    # 24 words, then an ellipsis.
    assert '<p class="card-text">Des noix &amp; ' + " ".join(["et"] * 21) + " …</p>" in card
