from django import template
from django.templatetags.static import static
from django.utils.html import format_html

from marketplace.reference.illustrations import FARM, art_for_category

register = template.Library()

SPRITE = "img/illustrations.svg"


@register.simple_tag
def illustration(name: str, css_class: str = "card-img", width: int = 320) -> str:
    """A decorative drawing (hidden from screen readers: the text next to it says it all),
    drawn from the one cached sprite file, so forty cards cost no more than one."""
    return format_html(
        '<svg class="{} illustration" viewBox="0 0 64 48" width="{}" height="{}" '
        'aria-hidden="true" focusable="false"><use href="{}#art-{}"></use></svg>',
        css_class, width, width * 3 // 4, static(SPRITE), name)


@register.simple_tag
def category_art(category: object, css_class: str = "card-img", width: int = 320) -> str:
    return illustration(art_for_category(getattr(category, "slug", None)), css_class, width)


@register.simple_tag
def farm_art(css_class: str = "card-img", width: int = 320) -> str:
    return illustration(FARM, css_class, width)
