"""The product and producer pages keep their body for every visitor, shoppers with a cart
included (marketplace/directory/detail.py): each change of what the body shows is visible at
once, on the local-memory cache and on Redis, and each shopper keeps a cart and a form token of
their own."""

import re
from datetime import time

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from marketplace.directory import detail
from producers import services
from producers.models import Product
from producers.opening_hours import HoursRange
from producers.services import stock
from tests.conftest import redis_test_url
from tests.factories import ProductFactory, commune
from tests.producers.factories import image_bytes

pytestmark = pytest.mark.django_db
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(params=["locmem", "redis"])
def cache_backend(request, settings, worker_id, tmp_path):
    """Each test runs on both backends (Redis: one database per test worker, emptied)."""
    if request.param == "locmem":
        settings.CACHES = {**django_settings.CACHES, "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "detail-page-tests"}, "versions": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "versions")}}
    else:
        url = redis_test_url(worker_id)
        if url is None:
            pytest.skip("no Redis server on 127.0.0.1:6379")
        redis = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
        settings.CACHES = {"default": redis, "versions": redis}
    cache.clear()
    yield request.param
    cache.clear()


@pytest.fixture
def product(lot_communes):
    return ProductFactory.create(nom="Tomme des Causses", stock=3)


@pytest.fixture
def shopper(product):
    """A visitor with a cart: a session, so the anonymous page cache never serves them."""
    client = Client()
    response = client.post("/panier/ajouter/", {"product": product.pk, "quantity": 1})
    assert response.status_code == 302
    assert django_settings.SESSION_COOKIE_NAME in client.cookies
    return client


def _page(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _pages(product: Product) -> list[str]:
    return [product.get_absolute_url(), product.producer.get_absolute_url()]


def test_a_shopper_gets_the_page_body_kept_and_their_own_cart(cache_backend, product, shopper):
    _page(shopper, "/produits/")  # the message « … est dans votre panier » is shown once
    for url in _pages(product):
        first = _page(shopper, url)

        with CaptureQueriesContext(connection) as queries:
            again = _page(shopper, url)

        assert TOKEN.sub("", again) == TOKEN.sub("", first)  # tokens are masked anew
        assert "Tomme des Causses" in again and "cart-count" in again
        assert "cart-count" not in _page(Client(), url)
        # The body's rows (photos, points of sale) were not read again.
        assert not any("photo" in q["sql"] or "pointofsale" in q["sql"]
                       for q in queries.captured_queries), url
        assert len(queries) <= 8


def test_stock_taken_by_an_order_shows_at_once(cache_backend, product, shopper):
    assert "3 en stock" in _page(shopper, product.get_absolute_url())
    assert 'max="3"' in _page(shopper, product.producer.get_absolute_url())

    stock.stock_take({product.pk: 1})  # an order leaves units: the catalogue is not bumped

    assert "2 en stock" in _page(shopper, product.get_absolute_url())
    assert 'max="2"' in _page(shopper, product.producer.get_absolute_url())


def test_a_new_price_shows_at_once(cache_backend, product, shopper):
    for url in _pages(product):
        assert "4,50" in _page(shopper, url)

    services.product_quick_update(product=product, price="5.20")

    for url in _pages(product):
        html = _page(shopper, url)
        assert "5,20" in html and "4,50" not in html, url


def test_an_unpublished_product_is_gone_at_once(cache_backend, product, shopper,
                                                django_capture_on_commit_callbacks):
    for url in _pages(product):
        _page(shopper, url)

    with django_capture_on_commit_callbacks(execute=True):
        services.product_unpublish(product=product)

    assert shopper.get(product.get_absolute_url()).status_code == 404
    assert "Tomme des Causses" not in _page(shopper, product.producer.get_absolute_url())


def test_a_removed_product_leaves_the_producer_page_at_once(cache_backend, product, shopper,
                                                            django_capture_on_commit_callbacks):
    other = ProductFactory.create(producer=product.producer, nom="Cabécou")
    url = product.producer.get_absolute_url()
    assert "Cabécou" in _page(shopper, url)

    with django_capture_on_commit_callbacks(execute=True):
        services.product_remove(product=other)

    assert "Cabécou" not in _page(shopper, url)


def test_a_new_photo_shows_at_once(cache_backend, product, shopper,
                                   django_capture_on_commit_callbacks):
    assert "product-photo" in _page(shopper, product.get_absolute_url())  # the drawing
    upload = SimpleUploadedFile("tomme.jpg", image_bytes(), content_type="image/jpeg")

    with django_capture_on_commit_callbacks(execute=True):
        photo = services.product_photo_add(product=product, upload=upload, alt="Une tomme")

    html = _page(shopper, product.get_absolute_url())
    assert photo.image.url in html and 'alt="Une tomme"' in html


def test_a_new_point_of_sale_and_its_hours_show_at_once(cache_backend, product, shopper,
                                                        django_capture_on_commit_callbacks):
    for url in _pages(product):
        assert "Marché de Figeac" not in _page(shopper, url)

    with django_capture_on_commit_callbacks(execute=True):
        point = services.point_of_sale_create(
            producer=product.producer,
            data={"kind": "market", "nom": "Marché de Figeac", "commune": commune("46102")},
            hours=[HoursRange(6, time(8), time(13))])
    for url in _pages(product):
        assert re.search(r"Marché de Figeac, <a [^>]+>Figeac</a> — samedi", _page(shopper, url))

    with django_capture_on_commit_callbacks(execute=True):
        services.point_of_sale_update(point=point, data={},
                                      hours=[HoursRange(3, time(8), time(13))])
    for url in _pages(product):
        html = _page(shopper, url)
        assert "— mercredi" in html and "samedi" not in html, url


def test_a_producer_edit_shows_at_once(cache_backend, product, shopper,
                                       django_capture_on_commit_callbacks):
    for url in _pages(product):
        assert "05 65 00 00 00" not in _page(shopper, url)

    with django_capture_on_commit_callbacks(execute=True):
        services.producer_update(producer=product.producer, data={"phone": "05 65 00 00 00"})

    for url in _pages(product):
        assert 'href="tel:0565000000"' in _page(shopper, url), url


def test_each_language_has_its_own_body(cache_backend, product, shopper):
    assert "Disponible" in _page(shopper, product.get_absolute_url())

    shopper.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en"
    html = _page(shopper, product.get_absolute_url())

    assert "Disponible" not in html and "Available" in html


def test_each_shopper_gets_a_form_token_of_their_own(cache_backend, product):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    tokens = []
    for client in (first, second):
        client.get(product.get_absolute_url())  # a CSRF cookie, then a cart and a session
        client.post("/panier/ajouter/", {"product": product.pk, "quantity": 1,
                                         "csrfmiddlewaretoken": client.cookies["csrftoken"].value})
        html = _page(client, product.get_absolute_url())
        assert "\x00" not in html
        tokens.append(TOKEN.findall(html)[-1])  # the form of « Ajouter au panier »

    assert tokens[0] != tokens[1]
    response = second.post("/panier/ajouter/", {"product": product.pk, "quantity": 1,
                                                "csrfmiddlewaretoken": tokens[1]})
    assert response.status_code == 302
    refused = first.post("/panier/ajouter/", {"product": product.pk, "quantity": 1,
                                              "csrfmiddlewaretoken": tokens[1]})
    assert refused.status_code == 403  # the other shopper's token: not this one's cookie


def test_a_deploy_with_other_templates_or_translations_renders_the_body_anew(settings, tmp_path):
    """Fragments outlive a deploy in Redis: what they were rendered with is part of their key."""
    translations = tmp_path / "django.mo"
    translations.write_bytes(b"before")
    settings.LOCALE_PATHS = [tmp_path]
    detail._release.cache_clear()
    before = detail._release()

    translations.write_bytes(b"after")
    detail._release.cache_clear()

    assert detail._release() != before
    detail._release.cache_clear()
