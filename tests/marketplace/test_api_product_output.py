"""The API's product representation, read directly rather than field by field (for speed),
gives what its declared fields (the OpenAPI schema's) give, on the demo catalogue."""

import json

import pytest
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from marketplace.common.urls import absolute_url
from marketplace.directory.api.views import ProductApiFilterSet, ProductSerializer
from producers.models import Product

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_data")]


def _page_rows() -> list[Product]:
    """The demo's published products as the API list reads them, some with a distance."""
    products = list(ProductApiFilterSet.fetch(Product.objects.published().order_by("pk")))
    for n, product in enumerate(products):
        product.distance_km = round(n * 0.7, 1) if n % 3 else None  # type: ignore[attr-defined]
    return products


def test_each_product_is_what_the_declared_fields_give(django_assert_num_queries):
    products = _page_rows()
    request = Request(APIRequestFactory().get("/api/v1/products/"))
    serializer = ProductSerializer(context={"request": request})

    with django_assert_num_queries(0):  # every field read is in the page's rows
        fast = [serializer.to_representation(p) for p in products]
    declared = [serializers.ModelSerializer.to_representation(serializer, p) for p in products]

    assert len(products) > 20
    # As JSON, keys in order: the bytes a client receives.
    assert [json.dumps(p) for p in fast] == [json.dumps(p) for p in declared]


def test_the_product_url_is_its_page():
    products = _page_rows()
    serializer = ProductSerializer(context={"request": None})

    assert [serializer.get_url(p) for p in products] == [
        absolute_url(p.get_absolute_url()) for p in products]
