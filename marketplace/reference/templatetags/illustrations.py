from functools import cache

from django import template
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import SafeString

from marketplace.reference.illustrations import FARM, art_for_category

register = template.Library()

SPRITE = "img/illustrations.svg"


@register.simple_tag
def illustration(name: str, css_class: str = "card-img", width: int = 320) -> str:
    """A decorative drawing (hidden from screen readers: the text next to it says it all),
    drawn from the one cached sprite file, so forty cards cost no more than one."""
    return _drawing(name, css_class, width)


@cache
def _drawing(name: str, css_class: str, width: int) -> SafeString:
    # A handful of distinct drawings, each asked for by every card of a list: built once (the
    # sprite's hashed static URL is the costly part); forgotten when static settings change.
    return format_html(
        '<svg class="{} illustration" viewBox="0 0 64 48" width="{}" height="{}" '
        'aria-hidden="true" focusable="false"><use href="{}#art-{}"></use></svg>',
        css_class, width, width * 3 // 4, static(SPRITE), name)


@receiver(setting_changed)
def _forget_drawings(*, setting: str, **kwargs: object) -> None:
    if setting.startswith(("STATIC", "STORAGES")):
        _drawing.cache_clear()


@register.simple_tag
def category_art(category: object, css_class: str = "card-img", width: int = 320) -> str:
    return illustration(art_for_category(getattr(category, "slug", None)), css_class, width)


@register.simple_tag
def farm_art(css_class: str = "card-img", width: int = 320) -> str:
    return illustration(FARM, css_class, width)
