"""Detail pages: producers, products, communes and categories."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from marketplace.directory import detail, page_cache
from marketplace.directory.filters import ProducerFilterSet, ProductFilterSet
from marketplace.directory.views.lists import listing
from marketplace.reference.models import Category, Commune, is_insee_code
from producers.models import Product

NEARBY_RADIUS_KM = "15"


@page_cache.anonymous_page_cache()
def producer_detail(request: HttpRequest, slug: str) -> HttpResponse:
    page = detail.producer_page(request, slug)
    if page is None:
        raise Http404
    return render(request, "marketplace/producer_detail.html", {"page": page})


def _product_changed(request: HttpRequest, producer_slug: str, slug: str) -> str | None:
    """The product's last change: its stock moves with every order without touching the
    catalogue's lists, but its page shows the quantity left."""
    changed = (Product.objects.filter(producer__slug=producer_slug, slug=slug)
               .values_list("updated_at", flat=True).first())
    return None if changed is None else changed.isoformat()


@page_cache.anonymous_page_cache(_product_changed)
def product_detail(request: HttpRequest, producer_slug: str, slug: str) -> HttpResponse:
    page = detail.product_page(request, producer_slug, slug)
    if page is None:
        raise Http404
    return render(request, "marketplace/product_detail.html", {"page": page})


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
