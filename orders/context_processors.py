from typing import Any

from django.http import HttpRequest

from orders.cart import Cart


def cart(request: HttpRequest) -> dict[str, Any]:
    """The header's cart count: a callable, so the session is read only when a template shows
    it (templates call it when they resolve the variable)."""
    return {"cart_count": lambda: Cart(request.session).count}
