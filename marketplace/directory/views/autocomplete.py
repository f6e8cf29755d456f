"""Small JSON endpoints behind the search form's autocompletion (the form works without)."""

from collections import Counter

from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from marketplace import search
from marketplace.reference.models import Commune
from producers.models import Product

LIMIT = 8


@require_GET
@cache_control(max_age=300, public=True)
def communes(request: HttpRequest) -> JsonResponse:
    """Communes of the territory by name (word prefix) or postal code: « Figeac (46102) »."""
    text = request.GET.get("q", "")[:60].strip()
    found = (Commune.objects.in_territory().matching(text)
             .values_list("code_insee", "nom", "codes_postaux")[:LIMIT]) if text else []
    return JsonResponse({"results": [
        {"code_insee": code, "nom": nom, "codes_postaux": postaux.split(),
         "label": f"{nom} ({code})"}
        for code, nom, postaux in found
    ]})


@require_GET
@cache_control(max_age=60, public=True)
def products(request: HttpRequest) -> JsonResponse:
    """Product names for the search box, the last word completed as a prefix (roca →
    Rocamadour), typos forgiven, through the same search module as the pages."""
    text = request.GET.get("q", "")[:100].strip()
    return JsonResponse({"results": product_names(text, limit=LIMIT) if len(text) >= 2 else []})


def product_names(text: str, *, limit: int) -> list[str]:
    """Names of the products whose name holds every word (the last one as a prefix): the
    most common names first, then the shortest."""
    ids = search.suggest_ids("product", text)
    counts = Counter(Product.objects.filter(pk__in=ids).values_list("nom", flat=True))
    return sorted(counts, key=lambda n: (-counts[n], len(n), n))[:limit]
