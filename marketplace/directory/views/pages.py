"""Detail pages: producers, products, communes and categories."""

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from marketplace.directory import maps, page_cache, seo
from marketplace.directory.filters import ProducerFilterSet, ProductFilterSet
from marketplace.directory.views.lists import listing
from marketplace.reference.models import Category, Commune, is_insee_code
from producers.models import PointOfSale, Producer, Product

NEARBY_RADIUS_KM = "15"


@page_cache.anonymous_page_cache()
def producer_detail(request: HttpRequest, slug: str) -> HttpResponse:
    producer = get_object_or_404(
        Producer.objects.public().select_related("commune__epci").prefetch_related(
            "labels", "photos",
            Prefetch("points_of_sale",
                     PointOfSale.objects.select_related("commune").prefetch_related("hours")),
        ),
        slug=slug,
    )
    products = list(producer.products.published().select_related("category")
                    .prefetch_related("photos").order_by("category__position", "nom"))
    for product in products:  # the cards show the producer: no query per card
        product.producer = producer
    return render(request, "marketplace/producer_detail.html", {
        "producer": producer,
        "products": products,
        "json_ld": seo.producer_json_ld(producer, request),
        "map_points": maps.producer_page_points(producer),
    })


def _product_changed(request: HttpRequest, producer_slug: str, slug: str) -> str | None:
    """The product's last change: its stock moves with every order without touching the
    catalogue's lists, but its page shows the quantity left."""
    changed = (Product.objects.filter(producer__slug=producer_slug, slug=slug)
               .values_list("updated_at", flat=True).first())
    return None if changed is None else changed.isoformat()


@page_cache.anonymous_page_cache(_product_changed)
def product_detail(request: HttpRequest, producer_slug: str, slug: str) -> HttpResponse:
    product = get_object_or_404(
        Product.objects.published().select_related("producer__commune", "category__parent")
        .prefetch_related("photos", "labels", "producer__points_of_sale__commune",
                          "producer__points_of_sale__hours"),
        producer__slug=producer_slug,
        slug=slug,
    )
    return render(request, "marketplace/product_detail.html", {
        "product": product,
        "season": seo.season_names(product.season_months),
        "json_ld": seo.product_json_ld(product, request),
    })


@page_cache.anonymous_page_cache()
def commune_detail(request: HttpRequest, code_insee: str) -> HttpResponse:
    if not is_insee_code(code_insee):
        # The slug form (/communes/cahors/) redirects to the INSEE code.
        commune = (Commune.objects.in_territory().filter(slug=code_insee)
                   .order_by("-population").first())
        if commune is None:
            commune = get_object_or_404(Commune, slug=code_insee)
        return redirect(commune, permanent=True)
    commune = get_object_or_404(Commune.objects.select_related("epci"), code_insee=code_insee)
    return listing(
        request, ProducerFilterSet, template="marketplace/commune_detail.html",
        results_template="marketplace/_producer_results.html",
        preset={"commune": commune.code_insee}, defaults={"radius_km": NEARBY_RADIUS_KM},
        commune=commune, extra={"commune": commune},
    )


@page_cache.anonymous_page_cache()
def category_detail(request: HttpRequest, slug: str) -> HttpResponse:
    category = get_object_or_404(Category.objects.select_related("parent"), slug=slug)
    return listing(
        request, ProductFilterSet, template="marketplace/category_detail.html",
        results_template="marketplace/_product_results.html",
        preset={"category": category.slug},
        extra={"category": category, "children": category.children.all()},
    )
