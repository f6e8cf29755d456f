from typing import Any

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from marketplace import selectors
from producers.models import Producer

HOME_TTL = 120  # seconds: featured items and counts may lag two minutes behind the catalogue


def _home_data() -> dict[str, Any]:
    """The home page's lists, read once every two minutes: at 40,000 products the category
    counts and the featured products cost hundreds of milliseconds."""
    key = f"home:{get_language()}"
    data = cache.get(key)
    if data is None:
        data = {
            "producers": list(selectors.home_producers(limit=12)),
            "products": list(selectors.home_products()),
            "categories": list(selectors.root_categories_with_counts()),
            "producer_count": Producer.objects.public().count(),
            "map_points": selectors.map_points(),
        }
        cache.set(key, data, HOME_TTL)
    return data


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "marketplace/home.html", _home_data())
