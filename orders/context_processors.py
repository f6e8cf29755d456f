from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from orders.cart import Cart


def cart(request: HttpRequest) -> dict[str, Any]:
    """The header's cart count, read from the session only when a template shows it."""
    return {"cart_count": SimpleLazyObject(lambda: Cart(request.session).count)}
