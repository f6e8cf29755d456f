"""The product card, written in Python: a search page shows 24 of them, and the same card as a
template (an include per card, a dozen lookups, filters and tags each) cost more than the rest
of the page. The markup is the one `marketplace/_product_card.html` used to hold; every value is
escaped by `format_html`, and the texts are the same msgids as before."""

import html
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
    # An f-string with each text escaped (as format_html would): a list renders 24 cards, and
    # format_html's lazy-text checks on each of their values cost a third of the card.
    stock = "" if product.in_stock else (
        f'  <p class="badge badge-muted">{_escape(gettext("Épuisé pour le moment"))}</p>\n')
    return mark_safe(  # noqa: S308 - every text escaped above or here
        f'<article class="card product-card">\n  {_picture(product)}\n'
        f'  <h3 class="card-title"><a href="{_escape(product_url(product))}">'
        f"{_escape(product.nom)}</a></h3>\n"
        f'  <p class="card-price">{_escape(euros(product.price))} '
        f'<span class="unit">{_escape(unit)}</span></p>\n'
        f'  <p class="card-meta">{_escape(producer.nom)} · {_escape(producer.commune.nom)}'
        f"{_distance(getattr(product, 'distance_km', None))}</p>\n{stock}</article>\n")


def _escape(text: str) -> str:
    """`django.utils.html.escape` (the same five characters), without its lazy-text wrapper."""
    return html.escape(str(text))
