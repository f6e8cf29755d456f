"""Detail pages for producers, products, communes and categories."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from marketplace.models import Category, Commune
from producers.models import Producer, Product


def producer_detail(request: HttpRequest, slug: str) -> HttpResponse:
    producer = get_object_or_404(
        Producer.objects.public().select_related("commune").prefetch_related(
            "labels", "photos", "points_of_sale__commune"
        ),
        slug=slug,
    )
    products = producer.products.published().select_related("category").prefetch_related("photos")
    return render(request, "marketplace/producer_detail.html",
                  {"producer": producer, "products": products})


def product_detail(request: HttpRequest, producer_slug: str, slug: str) -> HttpResponse:
    product = get_object_or_404(
        Product.objects.published().select_related("producer__commune", "category__parent")
        .prefetch_related("photos", "labels"),
        producer__slug=producer_slug,
        slug=slug,
    )
    return render(request, "marketplace/product_detail.html", {"product": product})


def commune_detail(request: HttpRequest, code_insee: str) -> HttpResponse:
    if not (len(code_insee) == 5 and code_insee[:2].isalnum() and code_insee[2:].isdigit()):
        # The slug form (/communes/cahors/) redirects to the INSEE code.
        commune = (Commune.objects.in_territory().filter(slug=code_insee)
                   .order_by("-population").first())
        if commune is None:
            commune = get_object_or_404(Commune, slug=code_insee)
        return redirect(commune, permanent=True)
    commune = get_object_or_404(Commune.objects.select_related("epci", "departement"),
                                code_insee=code_insee)
    producers = Producer.objects.public().filter(commune=commune).select_related("commune")
    return render(request, "marketplace/commune_detail.html",
                  {"commune": commune, "producers": producers})


def category_detail(request: HttpRequest, slug: str) -> HttpResponse:
    category = get_object_or_404(Category.objects.select_related("parent"), slug=slug)
    products = (
        Product.objects.published()
        .filter(category_id__in=category.self_and_descendant_ids())
        .select_related("producer__commune", "category")
        .prefetch_related("photos")[:48]
    )
    return render(request, "marketplace/category_detail.html",
                  {"category": category, "children": category.children.all(),
                   "products": products})
