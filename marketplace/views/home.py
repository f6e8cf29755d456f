from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from marketplace import selectors
from producers.models import Producer


def home(request: HttpRequest) -> HttpResponse:
    producers = list(selectors.home_producers(limit=12))
    return render(
        request,
        "marketplace/home.html",
        {
            "producers": producers,
            "products": selectors.home_products(),
            "categories": selectors.root_categories_with_counts(),
            "producer_count": Producer.objects.public().count(),
            "map_points": selectors.map_points(),
        },
    )
