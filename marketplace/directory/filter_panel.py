"""The filter form's long lists (categories, intercommunalités, labels) as HTML, built once per
catalogue version and language, then marked selected for the request.

Rendered by the template, these lists cost more than the whole results grid (a loop, two
lookups and a comparison per option, on every list page). Here each list is one string: the
request only adds ` selected`/` checked` to the options it asks for."""

from typing import Any

from django.core.cache import cache
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst
from django.utils.translation import get_language

from marketplace.common.cache import version
from marketplace.directory import selectors
from marketplace.directory.filters import SORT_CHOICES
from producers.indexing import CATALOGUE
from producers.models import PointOfSaleKind, Weekday

MAX_EPCI_LENGTH = 9  # a SIREN; longer is a form error, not an option
# Above this many intercommunalités with producers, the form lists only the chosen commune's
# département's (the Lot has 9; a few départements, a few dozen; all of France, 1,250).
MAX_EPCI_OPTIONS = 150


def _category_options(categories: list[Any]) -> str:
    return "\n".join(
        format_html('<option value="{}">{}</option>', slug, nom)
        + format_html_join("", '<option value="{}">— {}</option>', children)
        for slug, nom, children in categories)


def _epci_options(epcis: list[tuple[str, str]]) -> str:
    return format_html_join("", '<option value="{}">{}</option>', epcis)


def _built() -> dict[str, Any]:
    key = f"directory-panel:{version(CATALOGUE)}:{get_language()}"
    built = cache.get(key)
    if built is None:
        choices = selectors.filter_choices()
        epcis = choices["epcis"]
        by_departement = choices["epcis_by_departement"]
        built = {
            "categories": _category_options(choices["categories"]),
            "labels": format_html_join(
                "\n", '<label class="check"><input type="checkbox" name="label" value="{}"> '
                "{}</label>", choices["labels"]),
            # A territory of a few départements lists them all; a larger one (all of France:
            # 1,250, a page of 120 KiB) lists those of the chosen commune's département.
            "whole": len(epcis) <= MAX_EPCI_OPTIONS,
            "epcis": _epci_options(epcis) if len(epcis) <= MAX_EPCI_OPTIONS else "",
            "by_departement": {} if len(epcis) <= MAX_EPCI_OPTIONS else {
                code: _epci_options(found) for code, found in by_departement.items()},
            "epci_codes": {siren for siren, _ in epcis},
            "departement_codes": {code: {siren for siren, _ in found}
                                  for code, found in by_departement.items()},
        }
        cache.set(key, built, selectors.CHOICES_TTL)
    return built


# The short lists (days, sorts, kinds of point of sale) are the code's, not the catalogue's:
# built once per language in the process.
_fixed: dict[str | None, dict[str, str]] = {}


def _fixed_lists() -> dict[str, str]:
    language = get_language()
    built = _fixed.get(language)
    if built is None:
        option = '<option value="{}">{}</option>'
        built = _fixed[language] = {
            "weekdays": format_html_join("", option, ((value, capfirst(name))
                                                      for value, name in Weekday.choices)),
            "product_sorts": format_html_join("", option, SORT_CHOICES),
            "producer_sorts": format_html_join(
                "", option, ((value, name) for value, name in SORT_CHOICES if value != "price")),
            # The template's loop wrote one label per line, indented as the fieldset.
            "points_of_sale": format_html_join(
                "", '\n          <label class="check"><input type="checkbox" name="point_of_sale" '
                'value="{}"> {}</label>\n        ', PointOfSaleKind.choices),
        }
    return built


def _marked(html: str, chosen: list[str], attribute: str) -> SafeString:
    for value in chosen:
        if value:
            marker = f'value="{conditional_escape(value)}">'
            html = html.replace(marker, f'value="{conditional_escape(value)}" {attribute}>', 1)
    return mark_safe(html)  # noqa: S308 - built by format_html, values escaped above


def filter_options(values: Any, departement: str | None = None, *,
                   products: bool = True) -> dict[str, Any]:
    """The lists for a form showing these values (the page's query); `departement`: the
    chosen commune's, whose intercommunalités a national territory lists; `products`: the
    product list's form (sorted by price too)."""
    built = _built()
    fixed = _fixed_lists()
    epci = str(values.get("epci") or "")
    if built["whole"]:
        epcis, listed = built["epcis"], built["epci_codes"]
    else:
        epcis = built["by_departement"].get(departement or "", "")
        listed = built["departement_codes"].get(departement or "", set())
    if epci and len(epci) <= MAX_EPCI_LENGTH and epci not in listed:
        # Asked for by an address (a bookmark, another page): shown, so the form keeps it.
        epcis = format_html('<option value="{}">{}</option>', epci,
                            selectors.epci_name(epci) or epci) + epcis
    return {
        "categories": _marked(built["categories"], [str(values.get("category") or "")],
                              "selected"),
        "epcis": _marked(epcis, [epci], "selected"),
        "labels": _marked(built["labels"], [str(v) for v in values.getlist("label")], "checked"),
        "weekdays": _marked(fixed["weekdays"], [str(values.get("weekday") or "")], "selected"),
        "sorts": _marked(fixed["product_sorts" if products else "producer_sorts"],
                         [str(values.get("sort") or "")], "selected"),
        "points_of_sale": _marked(fixed["points_of_sale"],
                                  [str(v) for v in values.getlist("point_of_sale")], "checked"),
        # Without a commune, a national territory's form asks for one first.
        "epci_needs_commune": not built["whole"] and not departement,
    }
