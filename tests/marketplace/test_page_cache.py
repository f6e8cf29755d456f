"""Public pages cached for anonymous visitors, on the local-memory cache and on Redis: a
catalogue change is visible at once; a signed-in person, a cart or a form never gets another
visitor's page."""

import re

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from marketplace.directory.models import SearchLog
from producers import services
from producers.models import Product
from producers.services import stock
from tests.conftest import redis_test_url
from tests.factories import MembershipFactory, ProductFactory

pytestmark = pytest.mark.django_db
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(params=["locmem", "redis"])
def cache_backend(request, settings, worker_id, tmp_path):
    """Each test runs on both backends (Redis: one database per test worker, emptied)."""
    if request.param == "locmem":
        # Pages in this process's memory, versions in files (as without REDIS_URL): files of
        # this test's own, since the other test worker's writes would bump a shared version.
        settings.CACHES = {**django_settings.CACHES, "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "page-cache-tests"}, "versions": {
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


def _page(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_second_visitor_gets_the_page_without_a_query(cache_backend, product):
    _page(Client(), "/produits/")

    with CaptureQueriesContext(connection) as queries:
        html = _page(Client(), "/produits/")

    assert "Tomme des Causses" in html
    assert len(queries) == 0


def test_a_renamed_product_shows_at_once_on_every_page(cache_backend, product,
                                                       django_capture_on_commit_callbacks):
    pages = ["/produits/", product.get_absolute_url(), product.producer.get_absolute_url(), "/"]
    for url in pages:
        assert "Tomme des Causses" in _page(Client(), url)

    with django_capture_on_commit_callbacks(execute=True):
        services.product_update(product=product, data={"nom": "Tomme fermière"})

    for url in pages:
        html = _page(Client(), url)
        assert "Tomme fermière" in html and "Tomme des Causses" not in html, url


def test_a_suspended_producer_disappears_at_once(cache_backend, product,
                                                 django_capture_on_commit_callbacks):
    producer = product.producer
    assert producer.nom in _page(Client(), "/producteurs/")
    assert "Tomme des Causses" in _page(Client(), "/produits/?q=tomme")
    _page(Client(), producer.get_absolute_url())

    with django_capture_on_commit_callbacks(execute=True):
        services.producer_suspend(producer=producer, reason="Contrôle en cours.")

    assert producer.nom not in _page(Client(), "/producteurs/")
    assert "Tomme des Causses" not in _page(Client(), "/produits/?q=tomme")
    assert Client().get(producer.get_absolute_url()).status_code == 404
    assert Client().get(product.get_absolute_url()).status_code == 404


def test_stock_taken_by_an_order_shows_on_the_product_page(cache_backend, product):
    assert "3 en stock" in _page(Client(), product.get_absolute_url())

    stock.stock_take({product.pk: 1})

    assert "2 en stock" in _page(Client(), product.get_absolute_url())


def test_a_product_that_runs_out_shows_so_in_the_lists(cache_backend, product):
    assert "Épuisé" not in _page(Client(), "/produits/")

    stock.stock_take({product.pk: 3})

    assert "Épuisé pour le moment" in _page(Client(), "/produits/")
    assert "Épuisé pour le moment" in _page(Client(), product.get_absolute_url())


def test_a_product_marked_sold_out_in_one_tap_shows_at_once(cache_backend, product):
    assert "4,50" in _page(Client(), "/produits/")

    services.product_quick_update(product=product, price="5.20", is_available=False)

    html = _page(Client(), "/produits/")
    assert "5,20" in html and "Épuisé pour le moment" in html


def test_a_signed_in_person_is_never_served_nor_leaves_a_cached_page(cache_backend, product):
    member = MembershipFactory.create(producer=product.producer).user
    signed_in = Client()
    signed_in.force_login(member)
    _page(Client(), "/produits/")  # kept for visitors

    with CaptureQueriesContext(connection) as queries:
        _page(signed_in, "/produits/")
    assert len(queries) > 0  # rendered for them

    cache.clear()
    _page(signed_in, "/produits/")
    with CaptureQueriesContext(connection) as queries:
        _page(Client(), "/produits/")
    assert len(queries) > 0  # what was rendered for them was not kept


def test_a_cart_is_never_shown_to_another_visitor(cache_backend, product):
    buyer = Client()
    _page(buyer, product.get_absolute_url())
    buyer.post("/panier/ajouter/", {"product": product.pk, "quantity": 2})

    assert "est dans votre panier" in _page(buyer, product.get_absolute_url())  # their message
    assert "cart-count" in _page(buyer, product.get_absolute_url())
    assert "cart-count" not in _page(Client(), product.get_absolute_url())
    assert "cart-count" in _page(buyer, "/produits/")
    assert "cart-count" not in _page(Client(), "/produits/")


def test_each_visitor_gets_a_form_token_of_their_own(cache_backend, product):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    token_first = TOKEN.search(_page(first, product.get_absolute_url())).group(1)  # type: ignore[union-attr]

    html = _page(second, product.get_absolute_url())  # from the cache
    token_second = TOKEN.search(html).group(1)  # type: ignore[union-attr]

    assert token_second != token_first
    assert "\x00" not in html
    response = second.post("/panier/ajouter/", {"product": product.pk, "quantity": 1,
                                                "csrfmiddlewaretoken": token_second})
    assert response.status_code == 302  # accepted: the token matches this visitor's cookie
    refused = Client(enforce_csrf_checks=True).post(
        "/panier/ajouter/", {"product": product.pk, "quantity": 1,
                             "csrfmiddlewaretoken": token_second})
    assert refused.status_code == 403


def test_a_search_served_from_the_cache_is_logged_all_the_same(cache_backend, product):
    _page(Client(), "/produits/?q=tomme")
    _page(Client(), "/produits/?q=tomme")

    assert list(SearchLog.objects.values_list("query", "results")) == [("tomme", 1)] * 2


def test_the_sitemap_follows_the_catalogue(cache_backend, product,
                                           django_capture_on_commit_callbacks):
    assert product.producer.slug in Client().get("/sitemap-producteurs.xml").content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        services.producer_suspend(producer=product.producer, reason="Contrôle en cours.")

    assert product.producer.slug not in Client().get("/sitemap-producteurs.xml").content.decode()


def test_a_change_made_by_another_process_shows_at_once(cache_backend, product, settings):
    """gunicorn's workers each keep pages in their own memory without Redis: the version they
    all read moves for all of them."""
    from django.core.cache import caches

    from marketplace.common.cache import ALIAS

    assert "Tomme des Causses" in _page(Client(), "/produits/")
    # Another worker renamed the product and bumped the version it shares with this one.
    Product.objects.filter(pk=product.pk).update(nom="Tomme fermière")
    caches[ALIAS].set("version:catalogue", "another-process", timeout=None)

    assert "Tomme fermière" in _page(Client(), "/produits/")
