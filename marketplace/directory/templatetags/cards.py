"""The product card, written in Python: a search page shows 24 of them, and the same card as a
template (an include per card, a dozen lookups, filters and tags each) cost more than the rest
of the page. The markup is the one `marketplace/_product_card.html` used to hold; every value is
escaped by `format_html`, and the texts are the same msgids as before."""

from typing import Any
from urllib.parse import quote

from django import template
from django.template.defaultfilters import floatformat
from django.urls import get_script_prefix, reverse
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext

from marketplace.common.templatetags.money import euros
from marketplace.reference.templatetags.illustrations import category_art
from producers.models import Unit

register = template.Library()

UNIT_LABELS = dict(Unit.choices)
_SLUG_MARKS = ("__producer__", "__product__")
# The product URL's pattern, per script prefix and language: one reverse() for all the cards.
_url_patterns: dict[tuple[str, str | None], str] = {}


def product_url(product: Any) -> str:
    key = (get_script_prefix(), get_language())
    pattern = _url_patterns.get(key)
    if pattern is None:
        pattern = reverse("marketplace:product", kwargs=dict(
            zip(("producer_slug", "slug"), _SLUG_MARKS, strict=True)))
        _url_patterns[key] = pattern
    return (pattern.replace(_SLUG_MARKS[0], quote(product.producer.slug, safe=""))
            .replace(_SLUG_MARKS[1], quote(product.slug, safe="")))


def _picture(product: Any) -> SafeString:
    photos = product.photos.all()
    try:
        photo = photos[0]
    except IndexError:
        return mark_safe(category_art(product.category))  # noqa: S308 - built by format_html
    return format_html('<img class="card-img" src="{}" alt="" width="320" height="240" '
                       'loading="lazy">', photo.card_url)


def _distance(value: Any) -> SafeString:
    if value is None or value == "":
        return mark_safe("")
    text = gettext("à %(d)s km") % {"d": conditional_escape(floatformat(value, 1))}
    return format_html(' · <span class="distance">{}</span>', mark_safe(text))  # noqa: S308


@register.simple_tag
def product_card(product: Any) -> SafeString:
    """One product as a card of the directory's grids (lists, home page, producer page)."""
    unit = str(UNIT_LABELS.get(product.unit, product.unit))
    if product.unit_size:
        unit = f"{unit} ({product.unit_size})"
    producer = product.producer
    return format_html(
        '<article class="card product-card">\n  {}\n'
        '  <h3 class="card-title"><a href="{}">{}</a></h3>\n'
        '  <p class="card-price">{} <span class="unit">{}</span></p>\n'
        '  <p class="card-meta">{} · {}{}</p>\n{}</article>\n',
        _picture(product), product_url(product), product.nom, euros(product.price), unit,
        producer.nom, producer.commune.nom, _distance(getattr(product, "distance_km", None)),
        mark_safe("") if product.in_stock else format_html(
            '  <p class="badge badge-muted">{}</p>\n', gettext("Épuisé pour le moment")),
    )
