"""`{% per_language "name" [key …] %}…{% end_per_language %}`: a part of a page that depends
only on the language (and on the values named after it), rendered once per process.

The site's header and footer and the search form's fixed parts are a few dozen translated
texts, URLs and static files: rendered on every page, they cost about as much as a list's 24
cards. What such a fragment holds must not depend on the request (no CSRF token, no query, no
cart): those stay outside it, between two fragments."""

from typing import Any

from django import template
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template.base import FilterExpression, NodeList, Parser, Token
from django.urls import get_script_prefix
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

register = template.Library()

_rendered: dict[tuple[Any, ...], SafeString] = {}


class PerLanguageNode(template.Node):
    def __init__(self, name: str, keys: list[FilterExpression], nodelist: NodeList) -> None:
        self.name = name
        self.keys = keys
        self.nodelist = nodelist

    def render(self, context: template.Context) -> SafeString:
        key = (self.name, get_language(), get_script_prefix(),
               *(str(k.resolve(context)) for k in self.keys))
        html = _rendered.get(key)
        if html is None:
            html = _rendered[key] = mark_safe(self.nodelist.render(context))  # noqa: S308 - rendered by the template engine, escaped there
        return html


@register.tag
def per_language(parser: Parser, token: Token) -> PerLanguageNode:
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][-1] != bits[1][0]:
        raise template.TemplateSyntaxError(
            f"{bits[0]} takes a quoted name, then the values its content depends on.")
    nodelist = parser.parse(("end_per_language",))
    parser.delete_first_token()
    return PerLanguageNode(bits[1][1:-1], [parser.compile_filter(k) for k in bits[2:]],
                           nodelist)


@receiver(setting_changed)
def _forget(**kwargs: Any) -> None:
    # Static files, URLs, languages or templates changed (tests): render them again.
    _rendered.clear()
