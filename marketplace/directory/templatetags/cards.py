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
from django.utils.text import Truncator
from django.utils.translation import get_language, gettext

from marketplace.common.templatetags.money import euros
from marketplace.reference.templatetags.illustrations import category_art, farm_art
from producers.models import Unit

register = template.Library()

UNIT_LABELS = dict(Unit.choices)
_SLUG_MARKS = ("__producer__", "__product__")
# The products' and producers' URL patterns, per script prefix and language: one reverse() for
# all the cards.
_url_patterns: dict[tuple[str, str, str | None], str] = {}


def _url(name: str, *slugs: str) -> str:
    key = (name, get_script_prefix(), get_language())
    pattern = _url_patterns.get(key)
    if pattern is None:
        arguments = ("producer_slug", "slug") if len(slugs) == 2 else ("slug",)
        pattern = reverse(name, kwargs=dict(zip(arguments, _SLUG_MARKS, strict=False)))
        _url_patterns[key] = pattern
    for mark, slug in zip(_SLUG_MARKS, slugs, strict=False):
        pattern = pattern.replace(mark, quote(slug, safe=""))
    return pattern


def product_url(product: Any) -> str:
    return _url("marketplace:product", product.producer.slug, product.slug)


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


@register.simple_tag
def producer_card(producer: Any) -> SafeString:
    """One producer as a card of the directory's lists (the producers, a commune's page): the
    markup `marketplace/_producer_card.html` held, written in Python for the same reason."""
    photos = producer.photos.all()
    picture = (format_html('<img class="card-img" src="{}" alt="" width="320" height="240" '
                           'loading="lazy">', photos[0].card_url) if photos else farm_art())
    # Listed by market (`attach_stalls`): where and when its first stall is, not its commune.
    stalls = getattr(producer, "stalls", None)
    if stalls:
        hours = stalls[0].hours_text
        where = _escape(stalls[0].nom) + (f" — {_escape(hours)}" if hours else "")
    else:
        where = _escape(producer.commune.nom)
    text = (f'<p class="card-text">'
            f'{_escape(Truncator(producer.description).words(24, truncate=" …"))}</p>'
            if producer.description else "")
    url = _url("marketplace:producer", producer.slug)
    return mark_safe(  # noqa: S308 - every text escaped above or here
        f'<article class="card producer-card">\n  {picture}\n'
        f'  <h3 class="card-title"><a href="{_escape(url)}">'
        f"{_escape(producer.nom)}</a></h3>\n"
        f'  <p class="card-meta">{where}{_distance(getattr(producer, "distance_km", None))}</p>\n'
        f"  {text}\n</article>\n")


def _escape(text: str) -> str:
    """`django.utils.html.escape` (the same five characters), without its lazy-text wrapper."""
    return html.escape(str(text))
