import json
from typing import Any

from django import template
from django.utils.safestring import SafeString, mark_safe

from marketplace.common.urls import absolute_url

register = template.Library()

_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.filter
def json_ld(value: Any) -> SafeString:
    """JSON for a <script type="application/ld+json"> block: `<`, `>` and `&` are escaped, so
    user text (a description holding "</script>") cannot close the element."""
    return mark_safe(json.dumps(value, ensure_ascii=False).translate(_ESCAPES))  # noqa: S308


@register.simple_tag(takes_context=True)
def canonical(context: Any, path: str | None = None) -> str:
    request = context.get("request")
    return absolute_url(path if path is not None else (request.path if request else "/"), request)
