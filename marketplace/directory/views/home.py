from typing import Any

from django.core.cache import cache
from django.db.models import prefetch_related_objects
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language

from marketplace.common.cache import version
from marketplace.directory import maps, page_cache, selectors
from producers.indexing import CATALOGUE
from producers.models import Producer

HOME_TTL = 600  # seconds; any catalogue write drops it sooner (a new catalogue version)


def _home_data() -> dict[str, Any]:
    """The home page's lists, read once per catalogue version: at 40,000 products the category
    counts and the featured products cost hundreds of milliseconds."""
    # The day is in the key: a featuring that starts or ends today shows at once.
    key = f"home:{get_language()}:{version(CATALOGUE)}:{timezone.localdate():%Y%m%d}"
    data = cache.get(key)
    if data is None:
        producers = list(selectors.home_producers(limit=12))
        products = list(selectors.home_products())
        campaigns = selectors.running_campaigns()
        # One photo query for every card of the page, campaigns included.
        prefetch_related_objects(
            [*products, *(p for c in campaigns for p in c["products"])], "photos")
        prefetch_related_objects(
            [*producers, *(p for c in campaigns for p in c["producers"])], "photos")
        data = {
            "producers": producers,
            "products": products,
            "campaigns": campaigns,
            "categories": list(selectors.root_categories_with_counts()),
            "producer_count": Producer.objects.public().count(),
            "map_points": maps.public_producer_points(),
        }
        cache.set(key, data, HOME_TTL)
    return data


@page_cache.anonymous_page_cache()
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "marketplace/home.html", _home_data())
