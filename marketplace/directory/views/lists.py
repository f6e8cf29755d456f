"""The directory's list pages: a plain GET form, results updated in place by htmx."""

from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from marketplace.common.numbers import positive_int
from marketplace.directory import filter_panel, maps, page_cache
from marketplace.directory.filters import (
    DirectoryFilterSet,
    ProducerFilterSet,
    ProductFilterSet,
)
from marketplace.directory.markets import attach_stalls
from marketplace.directory.places import Place, resolve_place
from marketplace.directory.search_log import search_logged
from marketplace.reference.models import Commune

PAGE_SIZE = 24
MAX_PAGE_SIZE = 100


def _positive(raw: str | None, name: str, errors: list[str]) -> int | None:
    if raw in (None, ""):
        return None
    value = positive_int(raw)
    if value is not None:
        return value
    errors.append(_("« %(value)s » n'est pas un nombre entier positif (%(name)s).")
                  % {"value": raw[:20], "name": name})
    return None


def listing(request: HttpRequest, filterset_class: type[DirectoryFilterSet], *,
            template: str, results_template: str, preset: dict[str, str] | None = None,
            defaults: dict[str, str] | None = None, commune: Commune | None = None,
            extra: dict[str, Any] | None = None) -> HttpResponse:
    """Validate the filters, page through the results, render the page or (htmx) the results."""
    data: QueryDict = request.GET.copy()
    for key, value in (preset or {}).items():
        data[key] = value
    for key, value in (defaults or {}).items():
        if not data.get(key):
            data[key] = value
    place = None
    typed = str(data.get("commune") or "").strip()
    if commune is None and typed:
        # The commune box as residents type it (a postal code, « st cere »), read once.
        place = resolve_place(typed)
        commune = place.commune
        if commune is not None:
            data["commune"] = place.label
    filterset = filterset_class(data)
    filterset.resolved_commune = commune
    filterset.is_valid()
    page_errors: list[str] = []
    page_number = _positive(request.GET.get("page"), "page", page_errors) or 1
    page_size = min(MAX_PAGE_SIZE,
                    _positive(request.GET.get("page_size"), "page_size", page_errors) or PAGE_SIZE)
    page = Paginator(filterset.qs, page_size).get_page(page_number)
    query = data.copy()
    query.pop("page", None)
    for key in preset or {}:
        query.pop(key, None)
    context = {
        "filterset": filterset,
        "form": filterset.form,
        "criteria": filterset.criteria(),
        "page": page,
        "results": page.object_list,
        "page_errors": page_errors,
        "querystring": query.urlencode(),
        "values": data,
        "field_errors": [(name, str(filterset.form.fields[name].label), error)
                         for name, errors in filterset.form.errors.items() for error in errors],
        "kind": "products" if filterset_class is ProductFilterSet else "producers",
        "map_points": _map_points(filterset_class, page.object_list, filterset.criteria(),
                                  commune),
        "filter_options": filter_panel.filter_options(
            data, departement=commune.departement_id if commune is not None else None,
            products=filterset_class is ProductFilterSet),
        "active_filters": _active_filters(filterset),
        "extra_filters": _extra_filters(filterset, preset or {}),
        "extra_errors": any(name in EXTRA_FILTERS for name in filterset.form.errors),
        "results_template": results_template,
        "place": place,
        "place_switches": _switches(query, place),
        **(extra or {}),
    }
    criteria = context["criteria"]
    if criteria.radius_km is not None:
        wider = min(200, max(int(criteria.radius_km) * 2, int(criteria.radius_km) + 10))
        widen = query.copy()
        widen["radius_km"] = str(wider)
        context.update(widen_radius=wider, widen_querystring=widen.urlencode())
    logged = _search_to_log(context) if not preset and page_number == 1 else None
    if logged:
        search_logged(**logged)
    htmx = getattr(request, "htmx", None)
    if htmx and not htmx.boosted:
        response = render(request, results_template, context)
    else:
        response = render(request, template, context)
    patch_vary_headers(response, ("HX-Request",))
    if logged:  # a page served from the cache is a search all the same
        setattr(response, page_cache.REPLAY, (search_logged, logged))
    return response


def _map_points(filterset_class: type[DirectoryFilterSet], rows: Any, criteria: Any,
                commune: Commune | None) -> list[maps.Point]:
    """The producers' pins; listed by `point_of_sale=market`, their market stalls instead."""
    if filterset_class is not ProducerFilterSet:
        return []
    producers = list(rows)
    if criteria.points_of_sale != ("market",):
        return maps.producer_points(producers)
    radius = float(criteria.radius_km) if criteria.radius_km is not None else None
    attach_stalls(producers, weekday=criteria.weekday, commune=commune, radius_km=radius)
    found = (maps.point(nom=f"{stall.nom} ({stall.hours_text}) : {p.nom}",
                        commune=stall.commune_nom, url=p.get_absolute_url(), lat=stall.lat,
                        lon=stall.lon)
             for p in producers for stall in p.stalls)
    return [point for point in found if point is not None]


def _switches(query: QueryDict, place: Place | None) -> list[tuple[Commune, str]]:
    """One link per other commune the box could have meant, the rest of the search kept."""
    if place is None:
        return []
    links = []
    for other in [*place.alternatives, *place.suggestions]:
        switched = query.copy()
        switched["commune"] = f"{other.nom} ({other.code_insee})"
        links.append((other, switched.urlencode()))
    return links


def _search_to_log(context: dict[str, Any]) -> dict[str, Any] | None:
    """The words of a search (not who searched), for the CCI's dashboard."""
    query = getattr(context["form"], "cleaned_data", {}).get("q")
    if not query:
        return None
    return {"kind": context["kind"], "query": query, "results": context["page"].paginator.count}


def _active_filters(filterset: DirectoryFilterSet) -> list[str]:
    """Names of the filters in use, to suggest removing one when nothing matches."""
    data = getattr(filterset.form, "cleaned_data", {})
    return [name for name in ("q", "commune", "radius_km", "epci", "category", "label", "pickup",
                              "online_payment", "point_of_sale", "weekday", "producer",
                              "max_price")
            if data.get(name) not in (None, "", [], False)]


# The filters folded under « Plus de filtres » (the search box, the commune and the radius stay
# in view), with the words the folded summary names them by when they are in use.
EXTRA_FILTERS = {
    "category": gettext_lazy("catégorie"), "epci": gettext_lazy("intercommunalité"),
    "max_price": gettext_lazy("prix maximum"), "weekday": gettext_lazy("jour de marché"),
    "sort": gettext_lazy("tri"), "point_of_sale": gettext_lazy("où acheter"),
    "pickup": gettext_lazy("retrait"), "online_payment": gettext_lazy("paiement en ligne"),
    "label": gettext_lazy("labels"),
}


def _extra_filters(filterset: DirectoryFilterSet, preset: dict[str, str]) -> list[str]:
    """The folded filters in use (not those the page itself sets, like a category page's
    category), named for the summary: on a phone they stay folded so that the results start
    on the first screen, and the summary says what is narrowing them."""
    data = getattr(filterset.form, "cleaned_data", {})
    return [str(label) for name, label in EXTRA_FILTERS.items()
            if name not in preset and data.get(name) not in (None, "", [], False)]


@page_cache.anonymous_page_cache()
def product_list(request: HttpRequest) -> HttpResponse:
    return listing(request, ProductFilterSet, template="marketplace/product_list.html",
                   results_template="marketplace/_product_results.html")


@page_cache.anonymous_page_cache()
def producer_list(request: HttpRequest) -> HttpResponse:
    return listing(request, ProducerFilterSet, template="marketplace/producer_list.html",
                   results_template="marketplace/_producer_results.html")
